package io.masscast.jobs;

import io.masscast.config.StatsSettings;
import io.masscast.core.campaign.StatsService;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.Fan;
import io.masscast.core.model.Page;
import io.masscast.core.model.SentMessageStats;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.core.port.OfAuthGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the results of sent campaigns, one cycle per connection on a fixed delay, each cycle under the
 * connection's lease so that one replica at a time polls it (the next poll time is stored, shared by all). A cycle reads OFAuth's sent analytics over the window
 * that covers the connection's followed campaigns (newest first, 100 a page; older pages are reached by
 * moving the window's end back, since the endpoint has no cursor) and matches rows by message id; then it
 * reads buyers only for campaigns whose purchases rose, and only the new ones, continuing from each
 * campaign's high-water mark. Every call is BACKGROUND: the client never lets it take the tokens a send
 * needs and never makes it wait, so a short budget ends the cycle early and sends go first.
 *
 * <p>OFAuth's dates are to the second, so more than a page of messages sent within one second cannot all be
 * listed; the listing is then marked incomplete and no campaign is taken for deleted because of it.
 *
 * <p>After a 429, a 5xx or a network failure the connection backs off exponentially; the next poll time
 * is stored, so a restart or another replica keeps to it. A connection whose session expired (or is being
 * probed for it) is not polled.
 */
public final class StatsPollerJob implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(StatsPollerJob.class);
    static final int SENT_PAGE = 100;
    /** OFAuth's largest page of buyers. */
    static final int BUYER_PAGE = 20;
    /** Buyer pages per campaign per cycle; a campaign with more new buyers continues next cycle. */
    static final int MAX_BUYER_PAGES = 10;
    /** Around the followed send times: OFAuth's dates are to the second and clocks differ a little. */
    static final Duration WINDOW_MARGIN = Duration.ofMinutes(5);

    static final Duration MAX_BACKOFF = Duration.ofMinutes(30);
    private static final int MAX_SENT_PAGES = 1_000;

    private final StatsService stats;
    private final OfAuthGateway ofauth;
    private final SingletonWork singleton;
    private final Clock clock;
    private final StatsSettings settings;
    private final Duration tick;
    private final JobObserver observer;

    public StatsPollerJob(
            StatsService stats,
            OfAuthGateway ofauth,
            SingletonWork singleton,
            Clock clock,
            StatsSettings settings,
            Duration tick,
            JobObserver observer) {
        this.observer = observer;
        this.stats = stats;
        this.ofauth = ofauth;
        this.singleton = singleton;
        this.clock = clock;
        this.settings = settings;
        this.tick = tick;
    }

    public static String leaseName(String connectionId) {
        return "stats:" + connectionId;
    }

    @Override
    public String name() {
        return "stats-poller";
    }

    /** How often the job looks for a connection whose cycle is due (each connection's own delay is the setting). */
    @Override
    public Duration interval() {
        return tick;
    }

    /**
     * Polls each connection whose cycle is due. The connection's lease is held for the cycle only (and checked
     * again inside it), so after a clean stop or on another replica the next cycle is not held up.
     */
    @Override
    public void tick() {
        for (String connectionId : stats.connections()) {
            if (stats.pollDue(connectionId)) {
                singleton.runExclusively(leaseName(connectionId), () -> {
                    if (stats.pollDue(connectionId)) {
                        cycle(connectionId);
                    }
                });
            }
        }
    }

    private void cycle(String connectionId) {
        long start = System.nanoTime();
        try {
            int calls = poll(connectionId);
            observer.pollCycle(connectionId, Duration.ofNanos(System.nanoTime() - start), true, calls);
            LOG.debug("Stats of {} polled with {} OFAuth call(s)", connectionId, calls);
            stats.schedulePoll(connectionId, settings.interval(), 0);
        } catch (OfAuthFailure failure) {
            observer.pollCycle(connectionId, Duration.ofNanos(System.nanoTime() - start), false, 0);
            int failures = failure instanceof OfAuthFailure.RateLimited ? 0 : stats.pollFailures(connectionId) + 1;
            Duration pause = pause(failure, failures);
            LOG.warn(
                    "Stats of {} not polled in full ({}); next poll in {} s",
                    connectionId,
                    failure.getClass().getSimpleName(),
                    pause.toSeconds());
            stats.schedulePoll(connectionId, pause, failures);
        } finally {
            announceBuyers(connectionId);
        }
    }

    /** One cycle; returns how many OFAuth calls it made. */
    private int poll(String connectionId) {
        Instant now = clock.instant();
        List<Campaign> due = stats.tracked(connectionId, settings.trackFor()).stream()
                .filter(c ->
                        c.state() != CampaignState.SCHEDULED || !c.sendTime().isAfter(now.plus(WINDOW_MARGIN)))
                .toList(); // a scheduled message is not listed before its time; one that went out is, whatever the
        // clocks say
        if (due.isEmpty()) {
            return 0;
        }
        SentListing listing = new SentListing(due);
        OfAuthFailure interrupted = null;
        try {
            listing.read(connectionId, now);
        } catch (OfAuthFailure failure) {
            interrupted = failure; // what was read so far still counts
        }
        List<Map.Entry<Campaign, StatsService.Followed>> withNewBuyers = new ArrayList<>();
        for (Campaign campaign : due) {
            StatsService.Followed followed = stats.record(campaign.id(), listing.row(campaign), listing.complete);
            if (followed.buyersToRead() > 0) {
                withNewBuyers.add(Map.entry(campaign, followed));
            }
        }
        if (interrupted != null) {
            throw interrupted;
        }
        int calls = listing.calls;
        // the most unread buyers first: if the budget runs out, the next cycle starts with those left behind
        withNewBuyers.sort(Comparator.comparingLong((Map.Entry<Campaign, StatsService.Followed> entry) ->
                        entry.getValue().buyersToRead())
                .reversed());
        for (Map.Entry<Campaign, StatsService.Followed> entry : withNewBuyers) {
            calls += readBuyers(connectionId, entry.getKey(), entry.getValue());
        }
        return calls;
    }

    /**
     * Reads a campaign's new buyers. OFAuth lists them newest first, so the new ones are at the front: read
     * from the start until a buyer already seen (the high-water mark), or until as many new ones as the
     * purchase count says were found. A campaign with more than {@link #MAX_BUYER_PAGES} pages of new buyers
     * continues next cycle from where this one stopped (its stored marker). Should the list come in another
     * order, the rest of it is read. Returns the calls made.
     */
    private int readBuyers(String connectionId, Campaign campaign, StatsService.Followed followed) {
        BuyerRead read = new BuyerRead(connectionId, campaign, followed.buyersToRead());
        Optional<Long> backlog = followed.stats().buyerMarker();
        read.pages(Optional.empty(), true);
        if (!read.done() && backlog.isPresent()) {
            read.pages(backlog, true); // where an earlier cycle stopped at the page limit
        }
        if (!read.done() && read.next.isPresent()) {
            read.pages(read.next, false); // not newest first after all: look on to the end
        }
        if (read.found >= read.wanted || read.reachedEnd) {
            if (read.found < read.wanted) {
                LOG.info(
                        "{}: OFAuth lists {} fewer buyer(s) than purchases",
                        campaign.humanId(),
                        read.wanted - read.found);
            }
            stats.buyersCaughtUp(campaign.id(), Optional.empty());
        } else {
            stats.buyersCaughtUp(campaign.id(), read.next.or(() -> backlog)); // the page limit: go on next cycle
        }
        return read.calls;
    }

    /** One campaign's buyers being read page by page. */
    private final class BuyerRead {
        private final String connectionId;
        private final Campaign campaign;
        private final long wanted;
        private long found;
        private int calls;
        private boolean reachedEnd;
        private Optional<Long> next = Optional.empty();

        BuyerRead(String connectionId, Campaign campaign, long wanted) {
            this.connectionId = connectionId;
            this.campaign = campaign;
            this.wanted = wanted;
        }

        boolean done() {
            return found >= wanted || calls >= MAX_BUYER_PAGES;
        }

        /** Reads from {@code marker} on; with {@code stopAtKnown}, only until a page shows a buyer seen before. */
        void pages(Optional<Long> marker, boolean stopAtKnown) {
            Optional<Long> at = marker;
            while (!done()) {
                Page<Fan> page = ofauth.buyers(
                        connectionId,
                        campaign.ofauthMessageId().orElseThrow(),
                        at,
                        BUYER_PAGE,
                        CallPriority.BACKGROUND);
                calls++;
                int added = stats.storeBuyers(campaign.id(), page.items());
                found += added;
                next = page.next();
                reachedEnd = next.isEmpty();
                if (reachedEnd || (stopAtKnown && added < page.items().size())) {
                    return;
                }
                at = next;
            }
        }
    }

    private void announceBuyers(String connectionId) {
        try {
            for (long campaignId : stats.withUnannouncedBuyers(connectionId)) {
                stats.announceBuyers(campaignId, settings.buyerNoteInterval());
            }
        } catch (RuntimeException e) {
            LOG.error("Buyer notes of {} not written; next cycle", connectionId, e);
        }
    }

    /**
     * How long a connection waits after a failed cycle. Out of budget (OFAuth's 429, or no token left above
     * the reserve): the next interval, or OFAuth's retry time if later. After a 5xx, a network failure or an
     * answer that could not be read: exponentially longer from the interval, up to {@link #MAX_BACKOFF}.
     */
    private Duration pause(OfAuthFailure failure, int failures) {
        if (failure instanceof OfAuthFailure.Unauthenticated) {
            return settings.interval(); // the session is being probed; polling resumes when it works
        }
        if (failure instanceof OfAuthFailure.RateLimited limited) {
            return limited.retryAfter().compareTo(settings.interval()) > 0 ? limited.retryAfter() : settings.interval();
        }
        Duration backoff = settings.interval().multipliedBy(1L << Math.min(failures - 1, 10));
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    /** The sent analytics over the window of the followed campaigns, read page by page. */
    private final class SentListing {
        private final Set<Long> wanted;
        private final Instant oldestSend;
        private final Instant newestSend;
        private final Map<Long, SentMessageStats> rows = new HashMap<>();
        /** Whether every message OFAuth lists in the window was seen (so a missing row means a missing message). */
        private boolean complete;

        private int calls;

        SentListing(List<Campaign> due) {
            wanted = due.stream().map(c -> c.ofauthMessageId().orElseThrow()).collect(Collectors.toSet());
            oldestSend = due.stream()
                    .map(Campaign::sendTime)
                    .min(Comparator.naturalOrder())
                    .orElseThrow();
            newestSend = due.stream()
                    .map(Campaign::sendTime)
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
        }

        Optional<SentMessageStats> row(Campaign campaign) {
            return Optional.ofNullable(rows.get(campaign.ofauthMessageId().orElseThrow()));
        }

        void read(String connectionId, Instant now) {
            Instant from = oldestSend.minus(WINDOW_MARGIN);
            Instant end =
                    (newestSend.isAfter(now) ? newestSend : now).plus(WINDOW_MARGIN); // OFAuth's clock may run ahead
            boolean skippedSome = false;
            while (calls < MAX_SENT_PAGES) {
                List<SentMessageStats> page =
                        ofauth.sentMessages(connectionId, from, end, SENT_PAGE, CallPriority.BACKGROUND);
                calls++;
                page.stream().filter(row -> wanted.contains(row.id())).forEach(row -> rows.putIfAbsent(row.id(), row));
                if (rows.keySet().containsAll(wanted) || page.size() < SENT_PAGE) {
                    complete = !skippedSome;
                    return;
                }
                // newest first: the next page ends at the oldest row's second, which it reads again, since
                // other messages may share that second
                Instant next = page.get(page.size() - 1).date().plusSeconds(1);
                if (!next.isBefore(end)) {
                    next = end.minusSeconds(1); // a whole page within one second: step past it
                    skippedSome = true;
                }
                if (next.isBefore(from)) {
                    complete = !skippedSome;
                    return;
                }
                end = next;
            }
        }
    }
}
