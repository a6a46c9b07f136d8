package io.masscast.testing;

import io.masscast.core.model.AccountInfo;
import io.masscast.core.model.ConnectionInfo;
import io.masscast.core.model.CreatorProfile;
import io.masscast.core.model.DeletedMessage;
import io.masscast.core.model.Fan;
import io.masscast.core.model.FanList;
import io.masscast.core.model.MassMessage;
import io.masscast.core.model.MessageChart;
import io.masscast.core.model.MessageDetails;
import io.masscast.core.model.MessageReceipt;
import io.masscast.core.model.Page;
import io.masscast.core.model.SentMessageStats;
import io.masscast.core.model.SubscriptionCounts;
import io.masscast.core.model.VaultMedia;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.core.port.OfAuthGateway;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A gateway for core and job tests: records deletes and can be told to fail them, and answers list
 * lookups with the lists it was given (none by default). Any other call is a test mistake.
 */
public final class RecordingOfAuthGateway implements OfAuthGateway {
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

    private static AssertionError unexpected() {
        return new AssertionError("this test does not expect that OFAuth call");
    }

    @Override
    public MessageReceipt createMassMessage(String connectionId, MassMessage message) {
        throw unexpected();
    }

    @Override
    public MessageReceipt replaceMassMessage(String connectionId, long messageId, MassMessage message) {
        throw unexpected();
    }

    @Override
    public MessageDetails massMessage(String connectionId, long messageId, CallPriority priority) {
        throw unexpected();
    }

    @Override
    public List<SentMessageStats> sentMessages(String c, Instant from, Instant to, int limit, CallPriority p) {
        throw unexpected();
    }

    @Override
    public Page<SentMessageStats> purchasedMessages(String c, int limit, long offset, CallPriority p) {
        throw unexpected();
    }

    @Override
    public Page<Fan> buyers(String c, long messageId, Optional<Long> marker, int limit, CallPriority p) {
        throw unexpected();
    }

    @Override
    public MessageChart chart(String c, Instant from, Instant to, CallPriority p) {
        throw unexpected();
    }

    @Override
    public synchronized Page<FanList> userLists(String c, Optional<String> query, int limit, long offset, CallPriority p) {
        return new Page<>(lists, Optional.empty());
    }

    @Override
    public FanList userList(String c, String listId, CallPriority p) {
        throw unexpected();
    }

    @Override
    public Page<Fan> listMembers(String c, String listId, int limit, long offset, CallPriority p) {
        throw unexpected();
    }

    @Override
    public SubscriptionCounts subscriptionCounts(String c, CallPriority p) {
        throw unexpected();
    }

    @Override
    public Page<VaultMedia> vaultMedia(String c, int limit, long offset, CallPriority p) {
        throw unexpected();
    }

    @Override
    public AccountInfo whoami() {
        throw unexpected();
    }

    @Override
    public CreatorProfile self(String c, CallPriority p) {
        throw unexpected();
    }

    @Override
    public Page<ConnectionInfo> connections(Optional<String> status, int limit, long offset) {
        throw unexpected();
    }

    @Override
    public Optional<SentMessageStats> findSent(String c, String text, Instant from, Instant to) {
        throw unexpected();
    }
}
