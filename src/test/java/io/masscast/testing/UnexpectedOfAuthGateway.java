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
import io.masscast.core.model.SentWindow;
import io.masscast.core.model.SubscriptionCounts;
import io.masscast.core.model.UploadPlan;
import io.masscast.core.model.UploadedMedia;
import io.masscast.core.model.VaultMedia;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthGateway;
import io.masscast.core.port.RequestStartHook;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A gateway on which every call fails the test: test doubles extend it and answer only the calls their
 * tests expect, so an unexpected OFAuth call is a loud failure instead of a silent default.
 */
public abstract class UnexpectedOfAuthGateway implements OfAuthGateway {

    private static AssertionError unexpected(String call) {
        return new AssertionError("this test does not expect the OFAuth call " + call);
    }

    @Override
    public MessageReceipt createMassMessage(String connectionId, MassMessage message, RequestStartHook onRequestStart) {
        throw unexpected("createMassMessage");
    }

    @Override
    public MessageReceipt replaceMassMessage(
            String connectionId, long messageId, MassMessage message, RequestStartHook onRequestStart) {
        throw unexpected("replaceMassMessage");
    }

    @Override
    public DeletedMessage deleteMassMessage(String connectionId, long messageId) {
        throw unexpected("deleteMassMessage");
    }

    @Override
    public MessageDetails massMessage(String connectionId, long messageId, CallPriority priority) {
        throw unexpected("massMessage");
    }

    @Override
    public List<SentMessageStats> sentMessages(String c, Instant from, Instant to, int limit, CallPriority p) {
        throw unexpected("sentMessages");
    }

    @Override
    public Page<SentMessageStats> purchasedMessages(String c, int limit, long offset, CallPriority p) {
        throw unexpected("purchasedMessages");
    }

    @Override
    public Page<Fan> buyers(String c, long messageId, Optional<Long> marker, int limit, CallPriority p) {
        throw unexpected("buyers");
    }

    @Override
    public MessageChart chart(String c, Instant from, Instant to, CallPriority p) {
        throw unexpected("chart");
    }

    @Override
    public Page<FanList> userLists(String c, Optional<String> query, int limit, long offset, CallPriority p) {
        throw unexpected("userLists");
    }

    @Override
    public FanList userList(String c, String listId, CallPriority p) {
        throw unexpected("userList");
    }

    @Override
    public Page<Fan> listMembers(String c, String listId, int limit, long offset, CallPriority p) {
        throw unexpected("listMembers");
    }

    @Override
    public SubscriptionCounts subscriptionCounts(String c, CallPriority p) {
        throw unexpected("subscriptionCounts");
    }

    @Override
    public Page<VaultMedia> vaultMedia(String c, int limit, long offset, CallPriority p) {
        throw unexpected("vaultMedia");
    }

    @Override
    public AccountInfo whoami() {
        throw unexpected("whoami");
    }

    @Override
    public CreatorProfile self(String c, CallPriority p) {
        throw unexpected("self");
    }

    @Override
    public Page<ConnectionInfo> connections(Optional<String> status, int limit, long offset) {
        throw unexpected("connections");
    }

    @Override
    public SentWindow sentBetween(String c, Instant from, Instant to, CallPriority p) {
        throw unexpected("sentBetween");
    }

    @Override
    public UploadPlan initUpload(String connectionId, String fileName, long size, String contentType) {
        throw unexpected("initUpload");
    }

    @Override
    public UploadedMedia uploadWhole(String connectionId, String mediaUploadId, String contentType, byte[] bytes) {
        throw unexpected("uploadWhole");
    }

    @Override
    public void uploadPart(
            String connectionId, String mediaUploadId, int partNumber, String contentType, byte[] bytes) {
        throw unexpected("uploadPart");
    }

    @Override
    public UploadedMedia completeUpload(String connectionId, String mediaUploadId) {
        throw unexpected("completeUpload");
    }
}
