package io.masscast.jobs;

import io.masscast.config.StatsSettings;
import io.masscast.core.campaign.StatsService;
import io.masscast.core.model.Campaign;
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
    /** Longer than any cycle takes; only a process that dies mid-cycle leaves it to expire. */
    static final Duration CYCLE_LEASE = Duration.ofMinutes(5);
    private static final int MAX_SENT_PAGES = 1_000;

    private final StatsService stats;
    private final OfAuthGateway ofauth;
    private final SingletonWork singleton;
    private final Clock clock;
    private final StatsSettings settings;
    private final Duration tick;

    public StatsPollerJob(StatsService stats, OfAuthGateway ofauth, SingletonWork singleton, Clock clock,
                          StatsSettings settings, Duration tick) {
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
                singleton.runExclusively(leaseName(connectionId), CYCLE_LEASE, () -> {
                    if (stats.pollDue(connectionId)) {
                        cycle(connectionId);
                    }
                });
            }
        }
    }

    private void cycle(String connectionId) {
        try {
            int calls = poll(connectionId);
            LOG.debug("Stats of {} polled with {} OFAuth call(s)", connectionId, calls);
            stats.schedulePoll(connectionId, settings.interval(), 0);
        } catch (OfAuthFailure failure) {
            int failures = stats.pollFailures(connectionId) + 1;
            Duration pause = pause(failure, failures);
            LOG.warn("Stats of {} not polled in full ({}); next poll in {} s", connectionId,
                    failure.getClass().getSimpleName(), pause.toSeconds());
            stats.schedulePoll(connectionId, pause, failures);
        } finally {
            announceBuyers(connectionId);
        }
    }

    /** One cycle; returns how many OFAuth calls it made. */
    private int poll(String connectionId) {
        Instant now = clock.instant();
        List<Campaign> due = stats.tracked(connectionId, settings.trackFor()).stream()
                .filter(c -> !c.sendTime().isAfter(now.plus(WINDOW_MARGIN))) // not listed before its time (± skew)
                .toList();
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
        for (Map.Entry<Campaign, StatsService.Followed> entry : withNewBuyers) {
            calls += readBuyers(connectionId, entry.getKey(), entry.getValue());
        }
        return calls;
    }

    /**
     * Reads a campaign's new buyers from its high-water mark until as many new ones as OFAuth's purchase
     * count says were found; if the mark does not lead to them, once from the start. Returns the calls made.
     */
    private int readBuyers(String connectionId, Campaign campaign, StatsService.Followed followed) {
        long messageId = campaign.ofauthMessageId().orElseThrow();
        long wanted = followed.buyersToRead();
        Optional<Long> marker = followed.stats().buyerMarker();
        boolean fromStart = marker.isEmpty();
        long found = 0;
        int pages = 0;
        while (pages < MAX_BUYER_PAGES) {
            Page<Fan> page = ofauth.buyers(connectionId, messageId, marker, BUYER_PAGE, CallPriority.BACKGROUND);
            pages++;
            Optional<Long> resume = page.next().isPresent() ? page.next() : marker;
            found += stats.storeBuyers(campaign.id(), page.items(), resume);
            if (found >= wanted) {
                stats.buyersCaughtUp(campaign.id());
                break;
            }
            if (page.next().isPresent()) {
                marker = page.next();
            } else if (fromStart) {
                LOG.info("{}: OFAuth lists {} fewer buyer(s) than purchases", campaign.humanId(), wanted - found);
                stats.buyersCaughtUp(campaign.id());
                break;
            } else {
                marker = Optional.empty(); // the mark did not lead to them: read from the start once
                fromStart = true;
            }
        }
        return pages;
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

    /** How long a connection waits after a failed cycle: exponential from the interval, at least OFAuth's retry time. */
    private Duration pause(OfAuthFailure failure, int failures) {
        if (failure instanceof OfAuthFailure.Unauthenticated) {
            return settings.interval(); // the session is being probed; polling resumes when it works
        }
        Duration backoff = settings.interval().multipliedBy(1L << Math.min(failures - 1, 10));
        if (backoff.compareTo(MAX_BACKOFF) > 0) {
            backoff = MAX_BACKOFF;
        }
        if (failure instanceof OfAuthFailure.RateLimited limited && limited.retryAfter().compareTo(backoff) > 0) {
            return limited.retryAfter();
        }
        return backoff;
    }

    /** The sent analytics over the window of the followed campaigns, read page by page. */
    private final class SentListing {
        private final Set<Long> wanted;
        private final Instant oldestSend;
        private final Map<Long, SentMessageStats> rows = new HashMap<>();
        /** Whether every message OFAuth lists in the window was seen (so a missing row means a missing message). */
        private boolean complete;
        private int calls;

        SentListing(List<Campaign> due) {
            wanted = due.stream().map(c -> c.ofauthMessageId().orElseThrow()).collect(Collectors.toSet());
            oldestSend = due.stream().map(Campaign::sendTime).min(Comparator.naturalOrder()).orElseThrow();
        }

        Optional<SentMessageStats> row(Campaign campaign) {
            return Optional.ofNullable(rows.get(campaign.ofauthMessageId().orElseThrow()));
        }

        void read(String connectionId, Instant now) {
            Instant from = oldestSend.minus(WINDOW_MARGIN);
            Instant end = now.plus(WINDOW_MARGIN);
            boolean skippedSome = false;
            while (calls < MAX_SENT_PAGES) {
                List<SentMessageStats> page = ofauth.sentMessages(connectionId, from, end, SENT_PAGE, CallPriority.BACKGROUND);
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
