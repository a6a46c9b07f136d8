package io.masscast.jobs;

import io.masscast.core.command.CampaignCards;
import io.masscast.core.command.CampaignViews;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.Platform;
import io.masscast.core.port.ChatNotifier;
import io.masscast.core.port.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox to chat. A card entry renders the campaign as it is now and posts it, or updates
 * the message already showing it, so a redelivery after a crash updates rather than duplicates. Entries
 * of one campaign go out in the order they were written: after a failure the campaign's later entries
 * wait behind the retry.
 */
public final class OutboxDispatcherJob extends SingletonJob {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcherJob.class);
    private static final int BATCH = 200;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    /** Further ahead than any retry: asking for entries due by then lists every pending one. */
    private static final Duration FAR_FUTURE = Duration.ofDays(3650);

    private final Transactor transactor;
    private final CampaignViews views;
    private final Map<Platform, ChatNotifier> notifiers;
    private final Clock clock;
    private final CampaignCards cards = new CampaignCards();

    public OutboxDispatcherJob(Transactor transactor, CampaignViews views, Map<Platform, ChatNotifier> notifiers,
                               SingletonWork singleton, Clock clock, Duration interval) {
        super("outbox", interval, singleton);
        this.transactor = transactor;
        this.views = views;
        this.notifiers = Map.copyOf(notifiers);
        this.clock = clock;
    }

    /** Whether anything is still waiting to be delivered (the shell drains this before it exits). */
    public boolean isIdle() {
        return transactor.inTransaction(stores -> stores.outbox().due(clock.instant().plus(FAR_FUTURE), 1)).isEmpty();
    }

    @Override
    protected void work() {
        Instant now = clock.instant();
        List<OutboxEntry> pending = transactor.inTransaction(stores -> stores.outbox().due(now.plus(FAR_FUTURE), BATCH));
        Set<Long> blocked = new HashSet<>();
        Set<Long> cardShown = new HashSet<>();
        for (OutboxEntry entry : pending) {
            if (entry.dueAt().isAfter(now)) {
                blocked.add(entry.campaignId()); // an earlier entry waits for its retry: later ones wait behind it
            }
            if (blocked.contains(entry.campaignId())) {
                continue;
            }
            ChatNotifier notifier = notifiers.get(entry.channel().platform());
            if (notifier == null) {
                continue; // that platform's adapter is not running here; another replica may deliver it
            }
            try {
                if (entry.kind() == OutboxEntry.Kind.CARD && cardShown.contains(entry.campaignId())) {
                    markDelivered(entry);
                    continue; // this tick already showed the campaign as it is now
                }
                deliver(entry, notifier);
                if (entry.kind() == OutboxEntry.Kind.CARD) {
                    cardShown.add(entry.campaignId());
                }
            } catch (RuntimeException e) {
                blocked.add(entry.campaignId());
                Duration backoff = backoff(entry.attempts());
                LOG.warn("Outbox entry {} ({} for campaign {}) not delivered, retry in {} s: {}", entry.id(),
                        entry.kind(), entry.campaignId(), backoff.toSeconds(), e.getClass().getSimpleName());
                transactor.inTransaction(stores -> {
                    stores.outbox().retryLater(entry.id(), clock.instant().plus(backoff), e.getClass().getSimpleName());
                    return null;
                });
            }
        }
    }

    private void deliver(OutboxEntry entry, ChatNotifier notifier) {
        Optional<String> messageId = transactor.inTransaction(stores -> stores.cards().find(entry.campaignId()));
        if (entry.kind() == OutboxEntry.Kind.THREAD_NOTE) {
            notifier.postNote(entry.channel(), messageId, entry.text());
            markDelivered(entry);
            return;
        }
        Optional<Campaign> campaign = transactor.inTransaction(stores -> stores.campaigns().find(entry.campaignId()));
        if (campaign.isEmpty()) {
            markDelivered(entry);
            return;
        }
        String shownIn = notifier.showCard(entry.channel(), messageId, cards.render(views.of(campaign.get())));
        transactor.inTransaction(stores -> {
            stores.cards().save(entry.campaignId(), shownIn);
            stores.outbox().delivered(entry.id());
            return null;
        });
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
