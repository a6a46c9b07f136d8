package io.masscast.jobs;

import io.masscast.core.command.CampaignCards;
import io.masscast.core.command.CampaignViews;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.ChatImage;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.Platform;
import io.masscast.core.port.ChatNotifier;
import io.masscast.core.port.NotDelivered;
import io.masscast.core.port.Transactor;
import io.masscast.core.port.WorkSignal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox to chat. Each platform has its own lease, and a replica takes only the leases of the
 * platforms it has an adapter for: whichever replicas run, every platform's entries go out, each through one
 * replica at a time.
 *
 * <p>A card entry renders the campaign as it is now and posts it, or updates the message already showing it,
 * so a redelivery after a crash updates rather than duplicates (the campaigns of an A/B test share their lead's
 * card, which shows the whole test); when a card is first posted, the link to its
 * message is kept (where the platform has one) for the digests that name it. A note, channel message or image
 * (a digest with its chart, stored with the entry) is posted at most once: its idempotency mark is stored before the platform is called, and an entry found with the mark set
 * (the process stopped during the call) or whose post failed in a way that may have reached the channel is
 * not posted again. Entries of one campaign, and a channel's campaign-less entries, go out in the order they
 * were written: after a failure the later ones wait behind the retry.
 */
public final class OutboxDispatcherJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcherJob.class);
    private static final int BATCH = 200;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    private final Transactor transactor;
    private final CampaignViews views;
    private final Map<Platform, ChatNotifier> notifiers;
    private final SingletonWork singleton;
    private final Clock clock;
    private final Duration interval;
    private final JobObserver observer;
    private final CampaignCards cards = new CampaignCards();

    public OutboxDispatcherJob(
            Transactor transactor,
            CampaignViews views,
            Map<Platform, ChatNotifier> notifiers,
            SingletonWork singleton,
            Clock clock,
            Duration interval,
            JobObserver observer) {
        this.observer = observer;
        this.transactor = transactor;
        this.views = views;
        this.notifiers = new EnumMap<>(notifiers);
        this.singleton = singleton;
        this.clock = clock;
        this.interval = interval;
    }

    /** The lease a replica holds while it delivers one platform's entries. */
    public static String leaseName(Platform platform) {
        return "outbox:" + platform.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public Set<WorkSignal.Work> wakesOn() {
        return Set.of(WorkSignal.Work.OUTBOX);
    }

    @Override
    public void tick() {
        deliverUntil(() -> false);
    }

    /**
     * One more delivery as the process stops, within {@code budget}: what the last sends wrote goes out now rather than
     * at another replica's next tick. Entries left when the budget runs out wait for the next process.
     */
    public void flush(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        deliverUntil(() -> System.nanoTime() - deadline > 0);
    }

    /** Delivers every platform this replica holds the lease of, entry by entry until {@code timeUp}. */
    private void deliverUntil(BooleanSupplier timeUp) {
        notifiers.forEach((platform, notifier) ->
                singleton.runIfHolder(leaseName(platform), () -> deliver(platform, notifier, timeUp)));
    }

    /** Whether anything is still waiting to be delivered (the shell drains this before it exits). */
    public boolean isIdle() {
        return !transactor.inTransaction(stores -> stores.outbox().hasPending());
    }

    private void deliver(Platform platform, ChatNotifier notifier, BooleanSupplier timeUp) {
        Instant now = clock.instant();
        List<OutboxEntry> pending =
                transactor.inTransaction(stores -> stores.outbox().pending(platform, BATCH));
        Set<String> blocked = new HashSet<>();
        Set<Long> cardShown = new HashSet<>();
        for (OutboxEntry entry : pending) {
            if (timeUp.getAsBoolean()) {
                return;
            }
            if (entry.dueAt().isAfter(now)) {
                blocked.add(entry.orderKey()); // an earlier entry waits for its retry: later ones wait behind it
            }
            if (blocked.contains(entry.orderKey())) {
                continue;
            }
            try {
                if (entry.kind().idempotent()) {
                    showCard(entry, notifier, cardShown);
                } else {
                    postOnce(entry, notifier);
                }
            } catch (RuntimeException e) {
                blocked.add(entry.orderKey());
                Duration backoff = backoff(entry.attempts());
                LOG.warn(
                        "Outbox entry {} ({} in {}) not delivered, retry in {} s: {}",
                        entry.id(),
                        entry.kind(),
                        entry.channel(),
                        backoff.toSeconds(),
                        e.getClass().getSimpleName());
                transactor.inTransaction(stores -> {
                    stores.outbox()
                            .retryLater(
                                    entry.id(),
                                    clock.instant().plus(backoff),
                                    e.getClass().getSimpleName());
                    return null;
                });
            }
        }
    }

    private void showCard(OutboxEntry entry, ChatNotifier notifier, Set<Long> cardShown) {
        long campaignId = views.cardOf(entry.campaignId().orElseThrow());
        if (!cardShown.add(campaignId)) {
            markDelivered(entry); // this tick already showed the campaign as it is now
            return;
        }
        Optional<Campaign> campaign =
                transactor.inTransaction(stores -> stores.campaigns().find(campaignId));
        if (campaign.isEmpty()) {
            markDelivered(entry);
            return;
        }
        Optional<String> messageId = cardMessage(entry);
        String shownIn = notifier.showCard(entry.channel(), messageId, cards.render(views.of(campaign.get())));
        Optional<String> permalink =
                messageId.equals(Optional.of(shownIn)) ? Optional.empty() : permalink(notifier, entry, shownIn);
        transactor.inTransaction(stores -> {
            stores.cards().save(campaignId, shownIn);
            permalink.ifPresent(link -> stores.cards().savePermalink(campaignId, link));
            stores.outbox().delivered(entry.id());
            return null;
        });
        observer.delivered(entry.channel().platform(), entry.kind());
    }

    /** The link to a card just posted; without one, digests name the campaign by its id instead of linking it. */
    private static Optional<String> permalink(ChatNotifier notifier, OutboxEntry entry, String messageId) {
        try {
            return notifier.permalink(entry.channel(), messageId);
        } catch (RuntimeException e) {
            LOG.info(
                    "No link to the card of campaign {} in {}: {}",
                    entry.campaignId().orElseThrow(),
                    entry.channel(),
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * Posts a note, channel message or image unless an earlier attempt may have posted it. What remains: a process
     * that stops after marking and before the platform received the post loses that one post (at most once).
     */
    private void postOnce(OutboxEntry entry, ChatNotifier notifier) {
        if (entry.attemptStartedAt().isPresent()) {
            LOG.warn(
                    "Outbox entry {} ({} in {}) was being posted at {} when its process stopped; it may be in the"
                            + " channel already, so it is not posted again",
                    entry.id(),
                    entry.kind(),
                    entry.channel(),
                    entry.attemptStartedAt().get());
            markDelivered(entry);
            return;
        }
        if (!transactor.inTransaction(stores -> stores.outbox().markAttempt(entry.id(), clock.instant()))) {
            return; // delivered or being posted by another replica meanwhile
        }
        try {
            boolean posted = switch (entry.kind()) {
                case THREAD_NOTE -> {
                    notifier.postNote(entry.channel(), cardMessage(entry), entry.text());
                    yield true;
                }
                case CHANNEL_IMAGE -> postImage(entry, notifier);
                default -> {
                    notifier.postMessage(entry.channel(), entry.text());
                    yield true;
                }
            };
            if (posted) {
                observer.delivered(entry.channel().platform(), entry.kind());
            }
        } catch (NotDelivered certainlyNotShown) {
            throw certainlyNotShown;
        } catch (RuntimeException maybeShown) {
            LOG.warn(
                    "Outbox entry {} ({} in {}) may have been posted despite {}; it is not posted again",
                    entry.id(),
                    entry.kind(),
                    entry.channel(),
                    maybeShown.getClass().getSimpleName());
        }
        markDelivered(entry);
    }

    /** Posts the entry's image with its caption; false if it has none stored (then nothing is posted). */
    private boolean postImage(OutboxEntry entry, ChatNotifier notifier) {
        Optional<ChatImage> image =
                transactor.inTransaction(stores -> stores.outbox().image(entry.id()));
        if (image.isEmpty()) {
            LOG.error(
                    "Outbox entry {} ({} in {}) has no image stored; it is dropped",
                    entry.id(),
                    entry.kind(),
                    entry.channel());
            return false;
        }
        notifier.postImage(entry.channel(), entry.text(), image.get());
        return true;
    }

    private Optional<String> cardMessage(OutboxEntry entry) {
        return entry.campaignId()
                .map(views::cardOf)
                .flatMap(id -> transactor.inTransaction(stores -> stores.cards().find(id)));
    }

    private void markDelivered(OutboxEntry entry) {
        transactor.inTransaction(stores -> {
            stores.outbox().delivered(entry.id());
            return null;
        });
    }

    static Duration backoff(int attempts) {
        Duration pause = Duration.ofSeconds(2).multipliedBy(1L << Math.min(attempts, 10));
        return pause.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : pause;
    }
}
