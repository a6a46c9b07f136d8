package io.masscast.core.command;

import io.masscast.core.model.FanList;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A creator's OFAuth user lists, kept for a few minutes: cards and forms show list names and sizes often,
 * and OFAuth's rate limit is per connection, so reading them once per render would waste it.
 */
public final class FanListCache {
    static final Duration TTL = Duration.ofMinutes(5);

    private record Entry(List<FanList> lists, Instant fetchedAt) {}

    private final OfAuthGateway ofauth;
    private final Clock clock;
    private final Map<String, Entry> byConnection = new ConcurrentHashMap<>();

    public FanListCache(OfAuthGateway ofauth, Clock clock) {
        this.ofauth = ofauth;
        this.clock = clock;
    }

    /** Every list of the connection; reads OFAuth when the cached copy is missing or older than five minutes. */
    public List<FanList> lists(String connectionId) {
        Instant now = clock.instant();
        Entry entry = byConnection.get(connectionId);
        if (entry == null || entry.fetchedAt().plus(TTL).isBefore(now)) {
            entry = new Entry(ofauth.allUserLists(connectionId, CallPriority.INTERACTIVE), now);
            byConnection.put(connectionId, entry);
        }
        return entry.lists();
    }

    public Optional<FanList> find(String connectionId, String listId) {
        return lists(connectionId).stream().filter(l -> l.id().equals(listId)).findFirst();
    }
}
