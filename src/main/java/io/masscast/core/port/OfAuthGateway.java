package io.masscast.core.port;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What masscast needs from OFAuth. Every method throws {@link OfAuthFailure} on failure. Writes run at
 * {@link CallPriority#SEND}; reads say who is waiting.
 *
 * <p>{@link #createMassMessage} is never retried once the request may have left: a failure with
 * {@link OfAuthFailure#mayHaveTakenEffect()} means the outcome is unknown and the caller must reconcile.
 * Creates and replaces run {@code onRequestStart} right before the request goes on the wire, so the caller
 * can record that moment only once it is real (see {@link RequestStartHook}).
 */
public interface OfAuthGateway {

    MessageReceipt createMassMessage(String connectionId, MassMessage message, RequestStartHook onRequestStart);

    MessageReceipt replaceMassMessage(
            String connectionId, long messageId, MassMessage message, RequestStartHook onRequestStart);

    DeletedMessage deleteMassMessage(String connectionId, long messageId);

    MessageDetails massMessage(String connectionId, long messageId, CallPriority priority);

    /** Sent mass messages with their counters, newest first, within [from, to]. */
    List<SentMessageStats> sentMessages(
            String connectionId, Instant from, Instant to, int limit, CallPriority priority);

    /** Mass messages that had purchases; {@code offset} pages. */
    Page<SentMessageStats> purchasedMessages(String connectionId, int limit, long offset, CallPriority priority);

    /** Buyers of one mass message; {@code marker} is empty for the first page, else the previous page's next. */
    Page<Fan> buyers(String connectionId, long messageId, Optional<Long> marker, int limit, CallPriority priority);

    MessageChart chart(String connectionId, Instant from, Instant to, CallPriority priority);

    /** User lists, optionally filtered by a name fragment; {@code offset} pages. */
    Page<FanList> userLists(String connectionId, Optional<String> query, int limit, long offset, CallPriority priority);

    FanList userList(String connectionId, String listId, CallPriority priority);

    Page<Fan> listMembers(String connectionId, String listId, int limit, long offset, CallPriority priority);

    SubscriptionCounts subscriptionCounts(String connectionId, CallPriority priority);

    Page<VaultMedia> vaultMedia(String connectionId, int limit, long offset, CallPriority priority);

    /** Starts an upload of {@code size} bytes ({@code POST /uploads/init}); OFAuth says in how many parts. */
    UploadPlan initUpload(String connectionId, String fileName, long size, String contentType);

    /** The whole file in one PUT, for a one-part plan; this finishes the upload. Not repeated once it may have arrived. */
    UploadedMedia uploadWhole(String connectionId, String mediaUploadId, String contentType, byte[] bytes);

    /** One part (1-based) of a multipart plan; safe to repeat. */
    void uploadPart(String connectionId, String mediaUploadId, int partNumber, String contentType, byte[] bytes);

    /** Finishes a multipart upload once every part is there. Not repeated once it may have arrived. */
    UploadedMedia completeUpload(String connectionId, String mediaUploadId);

    AccountInfo whoami();

    CreatorProfile self(String connectionId, CallPriority priority);

    Page<ConnectionInfo> connections(Optional<String> status, int limit, long offset);

    /**
     * Every sent mass message dated within [from, to], however many there are: the sent analytics have no
     * cursor, so a full page is read again as two narrower windows until each fits a page. The result is
     * incomplete only if a single second holds more than a page.
     */
    SentWindow sentBetween(String connectionId, Instant from, Instant to, CallPriority priority);

    /** Every user list of a connection, all pages. */
    default List<FanList> allUserLists(String connectionId, CallPriority priority) {
        List<FanList> all = new ArrayList<>();
        Optional<Long> offset = Optional.of(0L);
        while (offset.isPresent()) {
            Page<FanList> page = userLists(connectionId, Optional.empty(), 100, offset.get(), priority);
            all.addAll(page.items());
            offset = page.next();
        }
        return all;
    }
}
