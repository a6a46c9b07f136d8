package io.masscast.core.campaign;

import io.masscast.core.model.Binding;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.CampaignStats;
import io.masscast.core.model.ConnectionState;
import io.masscast.core.model.Fan;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.SentMessageStats;
import io.masscast.core.model.StatsFigures;
import io.masscast.core.model.StatsSnapshot;
import io.masscast.core.port.Stores;
import io.masscast.core.port.Transactor;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the stats poller learns about sent campaigns, stored: the latest figures and a snapshot whenever a
 * number changed, the delivery state OFAuth's figures imply ({@link DeliveryRule}), the buyers seen, and
 * the buyers notes for the cards' threads. The card is queued for an update only when something it shows
 * changed. Each method is one transaction, so a poll interrupted anywhere resumes where it stopped.
 */
public final class StatsService {
    /** OFAuth may take a moment to list a message once its send time has come. */
    static final Duration LISTING_GRACE = Duration.ofMinutes(10);

    private static final Set<CampaignState> FOLLOWED =
            EnumSet.of(CampaignState.SCHEDULED, CampaignState.SENDING, CampaignState.SENT);

    private final CampaignLedger ledger;

    public StatsService(Transactor transactor, Clock clock) {
        this.ledger = new CampaignLedger(transactor, clock);
    }

    /** A followed campaign's stats after one report, and how many of its buyers are still to be read. */
    public record Followed(CampaignStats stats, long buyersToRead) {}

    /** The OFAuth connections of bound channels, each once. */
    public List<String> connections() {
        return ledger.inTransaction(stores -> stores.bindings().all().stream()
                .map(Binding::connectionId)
                .distinct()
                .sorted()
                .toList());
    }

    /** Whether the connection's next poll is due: it is healthy and not backing off. */
    public boolean pollDue(String connectionId) {
        Instant now = ledger.now();
        return ledger.inTransaction(stores -> stores.connections().find(connectionId))
                .map(state -> state.health().usable()
                        && state.nextPollAt().filter(now::isBefore).isEmpty())
                .orElse(true);
    }

    /** Polls in a row that failed, for the back-off. */
    public int pollFailures(String connectionId) {
        return ledger.inTransaction(stores -> stores.connections().find(connectionId))
                .map(ConnectionState::pollFailures)
                .orElse(0);
    }

    public void schedulePoll(String connectionId, Duration after, int failures) {
        Instant now = ledger.now();
        ledger.inTransaction(stores -> {
            stores.connections().schedulePoll(connectionId, now.plus(after), failures, now);
            return null;
        });
    }

    /**
     * The campaigns of a connection whose results are followed: scheduled or sending, or sent within
     * {@code trackFor}; one OFAuth no longer lists is given up once it is older than that too.
     */
    public List<Campaign> tracked(String connectionId, Duration trackFor) {
        Instant since = ledger.now().minus(trackFor);
        return ledger.inTransaction(stores -> stores.campaigns().tracked(connectionId, since).stream()
                .filter(c -> !c.sendTime().isBefore(since)
                        || stores.stats()
                                .find(c.id())
                                .flatMap(CampaignStats::missingSince)
                                .isEmpty())
                .toList());
    }

    public Optional<CampaignStats> stats(long campaignId) {
        return ledger.inTransaction(stores -> stores.stats().find(campaignId));
    }

    /** The campaign's figures each time one changed, oldest first. */
    public List<StatsSnapshot> snapshots(long campaignId) {
        return ledger.inTransaction(stores -> stores.stats().snapshots(campaignId));
    }

    /**
     * Records what OFAuth's sent analytics say about a followed campaign: its {@code row}, or none. No row
     * means OFAuth no longer lists the message only when the listing covered its send time in full
     * ({@code listedInFull}) and that time is more than {@link #LISTING_GRACE} ago: then the campaign is
     * marked missing, with a note, once.
     */
    public Followed record(long campaignId, Optional<SentMessageStats> row, boolean listedInFull) {
        return ledger.inTransaction(stores -> {
            Campaign campaign = CampaignLedger.load(stores, campaignId);
            CampaignStats before = stores.stats().find(campaignId).orElse(CampaignStats.none(campaignId));
            if (!FOLLOWED.contains(campaign.state())) {
                return new Followed(before, 0);
            }
            Instant now = ledger.now();
            CampaignStats after = row.isPresent()
                    ? reported(stores, campaign, before, row.get(), now)
                    : absent(stores, campaign, before, listedInFull, now);
            long unread = after.hasUnreadBuyers()
                    ? Math.max(0, after.figures().purchased() - stores.stats().buyerCount(campaignId))
                    : 0;
            if (after.hasUnreadBuyers() && unread == 0) {
                after = after.buyersReadTo(after.figures().purchased(), after.buyerMarker());
                stores.stats().save(after);
            }
            return new Followed(after, unread);
        });
    }

    /** Stores a page of buyers read from OFAuth; returns how many were new. */
    public int storeBuyers(long campaignId, List<Fan> buyers) {
        return ledger.inTransaction(stores -> stores.stats().addBuyers(campaignId, buyers, ledger.now()));
    }

    /**
     * Ends a read of the campaign's buyers: with {@code continueAt} empty, buyers have been read for every
     * purchase OFAuth reported (or as many as it lists); otherwise the read stopped early and the next one
     * goes on from that marker.
     */
    public void buyersCaughtUp(long campaignId, Optional<Long> continueAt) {
        ledger.inTransaction(stores -> {
            CampaignStats stats = stores.stats().find(campaignId).orElse(CampaignStats.none(campaignId));
            long read = continueAt.isEmpty()
                    ? Math.max(stats.buyersRead(), stats.figures().purchased())
                    : stats.buyersRead();
            stores.stats().save(stats.buyersReadTo(read, continueAt));
            return null;
        });
    }

    /**
     * Writes one note in the card's thread for the buyers not yet announced, unless the last note is less
     * than {@code interval} old. Marking them announced and queueing the note are one transaction, so each
     * buyer is announced once, whatever restarts or replicas do. Returns whether a note was queued.
     */
    public boolean announceBuyers(long campaignId, Duration interval) {
        return ledger.inTransaction(stores -> {
            Campaign campaign = CampaignLedger.load(stores, campaignId);
            CampaignStats stats = stores.stats().find(campaignId).orElse(CampaignStats.none(campaignId));
            Instant now = ledger.now();
            if (stats.lastBuyerNoteAt()
                    .filter(last -> now.isBefore(last.plus(interval)))
                    .isPresent()) {
                return false;
            }
            List<Fan> buyers = stores.stats().unannouncedBuyers(campaignId);
            if (buyers.isEmpty()) {
                return false;
            }
            if (stores.stats().markAnnounced(campaignId, now) != buyers.size()) {
                throw new ConcurrentChange(); // another process announced some of them meanwhile
            }
            stores.stats().save(stats.withBuyerNoteAt(now));
            BigDecimal price = campaign.content().price();
            StatsFigures totals = totals(stores, campaign, stats);
            String note = stores.tests()
                    .partOf(campaignId)
                    .map(part -> BuyerNote.ofTestPart(part, campaign.humanId(), buyers, price, totals))
                    .orElseGet(() -> BuyerNote.of(buyers, price, totals));
            stores.outbox().enqueue(OutboxEntry.threadNote(campaign, note, now));
            return true;
        });
    }

    /** Campaigns of the connection whose buyers are not all announced yet. */
    public List<Long> withUnannouncedBuyers(String connectionId) {
        return ledger.inTransaction(stores -> stores.stats().withUnannouncedBuyers(connectionId));
    }

    private CampaignStats reported(
            Stores stores, Campaign campaign, CampaignStats before, SentMessageStats row, Instant now) {
        StatsFigures figures = StatsFigures.of(row);
        boolean unsendOpen = row.canUnsend() && row.unsendSeconds() > 0;
        CampaignStats after = before.reported(figures, unsendOpen, now);
        boolean figuresChanged = !before.reportedYet() || figures.differsFrom(before.figures());
        if (figuresChanged) {
            stores.stats().addSnapshot(new StatsSnapshot(campaign.id(), now, figures));
        }
        stores.stats().save(after);
        CampaignState next = DeliveryRule.next(campaign.state(), row, after, now);
        if (next != campaign.state()) {
            transition(stores, campaign, next, row, unsendOpen, now);
        } else if (figuresChanged
                || before.unsendOpen() != unsendOpen
                || before.missingSince().isPresent()) {
            Campaign shown = unsendOpen ? campaign : closeUnsendWindow(stores, campaign, now);
            stores.outbox().enqueue(OutboxEntry.card(shown, now));
        }
        return after;
    }

    private CampaignStats absent(
            Stores stores, Campaign campaign, CampaignStats before, boolean listedInFull, Instant now) {
        if (!listedInFull
                || before.missingSince().isPresent()
                || now.isBefore(campaign.sendTime().plus(LISTING_GRACE))) {
            return before;
        }
        CampaignStats after = before.missing(now);
        stores.stats().save(after);
        stores.outbox().enqueue(OutboxEntry.card(campaign, now));
        String note = campaign.state() == CampaignState.SCHEDULED
                ? "OFAuth does not list " + campaign.humanId() + " among the sent messages although its send time has"
                        + " passed: it was probably deleted outside masscast (in OnlyFans or another tool) before it went out."
                : "OFAuth no longer lists " + campaign.humanId() + " among the sent messages: it was probably deleted"
                        + " outside masscast (in OnlyFans or another tool). The card keeps the figures last seen.";
        stores.outbox().enqueue(OutboxEntry.threadNote(campaign, note, now));
        return after;
    }

    private void transition(
            Stores stores,
            Campaign campaign,
            CampaignState next,
            SentMessageStats row,
            boolean unsendOpen,
            Instant now) {
        if (next == CampaignState.UNSENT) {
            Campaign after = campaign.change()
                    .state(next)
                    .unsendableUntil(closed(campaign, now))
                    .apply(now);
            ledger.record(
                    stores,
                    campaign,
                    after,
                    CampaignAction.UNSEND,
                    CampaignLedger.SYSTEM_ACTOR,
                    "OFAuth reports it cancelled",
                    Optional.of("OFAuth reports " + campaign.humanId() + " as unsent: it"
                            + " was pulled back outside masscast (in OnlyFans or another tool). Fans who bought it keep"
                            + " access to what they bought."));
            return;
        }
        Optional<Instant> unsendableUntil = unsendOpen
                ? campaign.unsendableUntil().or(() -> Optional.of(now.plusSeconds(row.unsendSeconds())))
                : closed(campaign, now);
        Campaign after = campaign.change()
                .state(next)
                .sentAt(campaign.sentAt().or(() -> Optional.of(row.date())))
                .unsendableUntil(unsendableUntil)
                .apply(now);
        ledger.record(
                stores,
                campaign,
                after,
                CampaignAction.PROGRESS,
                CampaignLedger.SYSTEM_ACTOR,
                row.sentCount() + " sent",
                Optional.empty());
    }

    /** OFAuth says the message can no longer be unsent: the campaign's window ends now, if it had not. */
    private Campaign closeUnsendWindow(Stores stores, Campaign campaign, Instant now) {
        Optional<Instant> until = closed(campaign, now);
        if (until.equals(campaign.unsendableUntil())) {
            return campaign;
        }
        return stores.campaigns()
                .update(campaign.change().unsendableUntil(until).apply(now))
                .orElseThrow(ConcurrentChange::new);
    }

    private static Optional<Instant> closed(Campaign campaign, Instant now) {
        return Optional.of(
                campaign.unsendableUntil().filter(until -> until.isBefore(now)).orElse(now));
    }

    /** The campaign's totals for a note: at least as many buyers as the note has announced. */
    private static StatsFigures totals(Stores stores, Campaign campaign, CampaignStats stats) {
        StatsFigures figures = stats.figures();
        long buyers = stores.stats().buyerCount(campaign.id());
        if (buyers <= figures.purchased()) {
            return figures;
        }
        BigDecimal revenue = figures.revenueReported()
                ? figures.revenue()
                : campaign.content().price().multiply(BigDecimal.valueOf(buyers));
        return new StatsFigures(figures.sent(), figures.viewed(), buyers, revenue, figures.revenueReported());
    }
}
