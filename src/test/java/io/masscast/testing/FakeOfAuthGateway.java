package io.masscast.testing;

import io.masscast.core.model.ConnectionInfo;
import io.masscast.core.model.DeletedMessage;
import io.masscast.core.model.FanList;
import io.masscast.core.model.Page;
import io.masscast.core.model.UploadPlan;
import io.masscast.core.model.UploadedMedia;
import io.masscast.core.model.VaultMedia;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The OFAuth reads a Slack conversation needs (the connection to bind, fan lists, vault media), with an
 * optional delay to play a slow OFAuth. Sends are not this fake's business: the end-to-end tests use the
 * simulator for those.
 */
public final class FakeOfAuthGateway extends UnexpectedOfAuthGateway {
    private final List<Long> deleted = new CopyOnWriteArrayList<>();
    public static final String CONNECTION = "conn_demo";
    public static final FanList VIP = new FanList("1187345", "VIP", "custom", Optional.of(1234L));
    public static final FanList WHALES = new FanList("1187346", "Whales", "custom", Optional.of(56L));
    public static final FanList CHURNED = new FanList("1187347", "Churned", "custom", Optional.of(310L));
    public static final VaultMedia PHOTO =
            new VaultMedia(48213377L, "photo", Optional.of(Instant.parse("2026-03-01T12:00:00Z")));
    public static final VaultMedia VIDEO =
            new VaultMedia(48213378L, "video", Optional.of(Instant.parse("2026-03-02T12:00:00Z")));

    private volatile List<FanList> lists = List.of(VIP, WHALES, CHURNED);
    private volatile Duration delay = Duration.ZERO;
    private volatile OfAuthFailure readFailure;

    public void lists(List<FanList> value) {
        lists = List.copyOf(value);
    }

    /** Every read answers after this long. */
    public void delay(Duration value) {
        delay = value;
    }

    /** Every list and vault read fails like this (null: they work again). */
    public void failReads(OfAuthFailure failure) {
        readFailure = failure;
    }

    @Override
    public Page<FanList> userLists(String c, Optional<String> query, int limit, long offset, CallPriority p) {
        pause();
        List<FanList> matching = lists.stream()
                .filter(l -> query.isEmpty()
                        || l.name()
                                .toLowerCase(Locale.ROOT)
                                .contains(query.get().toLowerCase(Locale.ROOT)))
                .toList();
        int from = (int) Math.min(offset, matching.size());
        int to = Math.min(from + limit, matching.size());
        return new Page<>(matching.subList(from, to), to < matching.size() ? Optional.of((long) to) : Optional.empty());
    }

    @Override
    public Page<VaultMedia> vaultMedia(String c, int limit, long offset, CallPriority p) {
        pause();
        return new Page<>(List.of(VIDEO, PHOTO), Optional.empty());
    }

    @Override
    public Page<ConnectionInfo> connections(Optional<String> status, int limit, long offset) {
        return new Page<>(
                List.of(new ConnectionInfo(CONNECTION, "active", "Mila Rose", "milarose", List.of(), Optional.empty())),
                Optional.empty());
    }

    /** A file uploaded in one PUT: what it was announced as and the bytes it came with. */
    public record Upload(String mediaUploadId, String fileName, long size, String contentType, byte[] bytes) {}

    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private final Map<String, Upload> started = new ConcurrentHashMap<>();

    /** Every upload is planned as one part; its reference is {@code upload:fake-file-N}, its vault id 49000000 + N. */
    @Override
    public UploadPlan initUpload(String connectionId, String fileName, long size, String contentType) {
        String id = "upload:fake-file-" + (started.size() + 1);
        started.put(id, new Upload(id, fileName, size, contentType, new byte[0]));
        return new UploadPlan(id, 1, size);
    }

    @Override
    public UploadedMedia uploadWhole(String connectionId, String mediaUploadId, String contentType, byte[] bytes) {
        Upload announced = started.get(mediaUploadId);
        uploads.add(new Upload(mediaUploadId, announced.fileName(), announced.size(), contentType, bytes));
        return new UploadedMedia(mediaUploadId, Optional.of(49_000_000L + uploads.size()));
    }

    public List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    /** Deletes (cancel, unsend) succeed and are remembered. */
    @Override
    public DeletedMessage deleteMassMessage(String connectionId, long messageId) {
        deleted.add(messageId);
        return new DeletedMessage(true, Optional.empty());
    }

    public List<Long> deleted() {
        return List.copyOf(deleted);
    }

    private void pause() {
        OfAuthFailure failure = readFailure;
        if (failure != null) {
            throw failure;
        }
        try {
            Thread.sleep(delay.toMillis()); // plays a slow OFAuth answer, not a wait in the test
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
