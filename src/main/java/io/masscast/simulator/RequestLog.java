package io.masscast.simulator;

import java.util.ArrayList;
import java.util.List;

/** Every OFAuth-route request received, in arrival order. */
final class RequestLog {
    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void record(RecordedRequest request) {
        requests.add(request);
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(requests);
    }

    synchronized void clear() {
        requests.clear();
    }
}
