package io.masscast.testing;

import io.masscast.core.model.DeletedMessage;
import io.masscast.core.model.FanList;
import io.masscast.core.model.Page;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A gateway for core and job tests: records deletes and can be told to fail them, and answers list
 * lookups with the lists it was given (none by default). Any other call is a test mistake.
 */
public final class RecordingOfAuthGateway extends UnexpectedOfAuthGateway {
    private final List<Long> deleted = new ArrayList<>();
    private OfAuthFailure nextDeleteFailure;
    private List<FanList> lists = List.of();

    public synchronized void lists(List<FanList> knownLists) {
        lists = List.copyOf(knownLists);
    }

    public synchronized List<Long> deleted() {
        return List.copyOf(deleted);
    }

    public synchronized void failNextDelete(OfAuthFailure failure) {
        nextDeleteFailure = failure;
    }

    @Override
    public synchronized DeletedMessage deleteMassMessage(String connectionId, long messageId) {
        if (nextDeleteFailure != null) {
            OfAuthFailure failure = nextDeleteFailure;
            nextDeleteFailure = null;
            throw failure;
        }
        deleted.add(messageId);
        return new DeletedMessage(true, Optional.empty());
    }

    @Override
    public synchronized Page<FanList> userLists(
            String c, Optional<String> query, int limit, long offset, CallPriority p) {
        return new Page<>(lists, Optional.empty());
    }
}
