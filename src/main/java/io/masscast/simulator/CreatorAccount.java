package io.masscast.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One connection and the creator account behind it: fans and lists, vault, uploads and mass messages.
 * Writes to messages are serialised on this object, so a create consumes its upload references atomically.
 */
final class CreatorAccount {
    private final AtomicReference<Connection> connection;
    private final Creator creator;
    private final Population population;
    private final Vault vault;
    private final Uploads uploads;
    private final MessageTimeline timeline;
    private final MessageIds ids;
    private final Map<Long, MassMessage> messages = new ConcurrentHashMap<>();

    CreatorAccount(
            Connection connection,
            Creator creator,
            Population population,
            Vault vault,
            Uploads uploads,
            MessageTimeline timeline,
            MessageIds ids,
            List<MassMessage> history) {
        this.connection = new AtomicReference<>(connection);
        this.creator = creator;
        this.population = population;
        this.vault = vault;
        this.uploads = uploads;
        this.timeline = timeline;
        this.ids = ids;
        history.forEach(message -> messages.put(message.id(), message));
    }

    Connection connection() {
        return connection.get();
    }

    String connectionId() {
        return connection.get().id();
    }

    Creator creator() {
        return creator;
    }

    Population population() {
        return population;
    }

    Vault vault() {
        return vault;
    }

    Uploads uploads() {
        return uploads;
    }

    void expire(Instant now) {
        connection.updateAndGet(current -> current.expired(now));
    }

    void restore(Instant now) {
        connection.updateAndGet(current -> current.restored(now));
    }

    Optional<MassMessage> message(long id) {
        return Optional.ofNullable(messages.get(id));
    }

    /** Every message, newest send time first. */
    List<MassMessage> messages() {
        List<MassMessage> all = new ArrayList<>(messages.values());
        all.sort(Comparator.comparing(MassMessage::sendAt)
                .thenComparingLong(MassMessage::id)
                .reversed());
        return all;
    }

    synchronized MassMessage create(MessageDraft draft, Instant now) {
        FanSet audience = audienceOf(draft);
        MassMessage created = MassMessage.created(ids.next(), contentOf(draft, now), audience, now);
        messages.put(created.id(), created);
        return created;
    }

    /** PUT: full replacement, allowed only while the message waits for its scheduled date. */
    synchronized MassMessage replace(long id, MessageDraft draft, Instant now) {
        MassMessage current = require(id);
        MessageState state = timeline.state(current, now);
        if (state != MessageState.SCHEDULED) {
            throw ApiError.badRequest("mass message " + id + " is "
                    + state.name().toLowerCase(Locale.ROOT) + " and can no longer be changed");
        }
        FanSet audience = audienceOf(draft);
        MassMessage replaced = current.replacedBy(contentOf(draft, now), audience, now);
        messages.put(id, replaced);
        return replaced;
    }

    /** DELETE: cancels a scheduled message, or unsends a sent one inside the unsend window. */
    synchronized MassMessage cancel(long id, Instant now) {
        MassMessage current = require(id);
        MessageState state = timeline.state(current, now);
        switch (state) {
            case CANCELED, UNSENT -> throw ApiError.badRequest("mass message " + id + " is already canceled");
            case SENDING, SENT -> {
                // Assumption: OFAuth documents no error for this; past the window OnlyFans cannot unsend.
                if (!now.isBefore(current.sendAt().plus(timeline.unsendWindow()))) {
                    throw ApiError.badRequest("mass message " + id + " can no longer be unsent: the "
                            + timeline.unsendWindow().toMinutes() + "-minute unsend window has passed");
                }
            }
            case SCHEDULED -> {
                // a scheduled message can always be canceled
            }
        }
        MassMessage canceled = current.canceled(now);
        messages.put(id, canceled);
        return canceled;
    }

    MassMessage require(long id) {
        return message(id).orElseThrow(() -> ApiError.resourceNotFound("Mass message " + id));
    }

    private FanSet audienceOf(MessageDraft draft) {
        return population.audience(
                draft.userIds(), draft.userLists(), draft.excludeUserLists(), draft.subscribedAfter());
    }

    /** Resolves media in request order; upload references are consumed all together, last, once nothing else can fail. */
    private MessageContent contentOf(MessageDraft draft, Instant now) {
        List<String> uploadRefs = draft.mediaItems().stream()
                .filter(MediaRef.UploadRef.class::isInstance)
                .map(ref -> ((MediaRef.UploadRef) ref).ref())
                .toList();
        Iterator<VaultMedia> uploaded = uploads.consume(uploadRefs).iterator();
        List<VaultMedia> media = new ArrayList<>();
        for (MediaRef ref : draft.mediaItems()) {
            if (ref instanceof MediaRef.VaultId vaultId) {
                // Assumption: an id missing from the seeded vault is accepted as a photo (OnlyFans would check).
                media.add(vault.find(vaultId.id())
                        .orElseGet(() -> new VaultMedia(vaultId.id(), MediaType.PHOTO, now, null)));
            } else if (ref instanceof MediaRef.ExternalUrl url) {
                media.add(vault.add(typeOfUrl(url.url()), now));
            } else {
                media.add(uploaded.next());
            }
        }
        return new MessageContent(
                draft.text(),
                media,
                draft.previewMediaCount(),
                draft.price(),
                draft.lockedText(),
                draft.markdown(),
                draft.scheduledDate());
    }

    private static MediaType typeOfUrl(String url) {
        String path = url.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
        if (path.endsWith(".mp4") || path.endsWith(".mov") || path.endsWith(".webm")) {
            return MediaType.VIDEO;
        }
        return path.endsWith(".gif") ? MediaType.GIF : MediaType.PHOTO;
    }
}
