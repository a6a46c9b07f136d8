package io.masscast.core.command;

import io.masscast.core.campaign.Mention;
import io.masscast.core.digest.DigestPeriod;
import io.masscast.core.digest.DigestService;
import java.util.List;
import java.util.Optional;

/**
 * {@code digest [24h|7d|Nd]}: the channel's digest now, posted in the channel with its chart, like the daily one.
 * Without an argument it reports the daily digest's periods (the last 24 hours and the last 7 days); with one,
 * that period only: {@code 24h}, or {@code 1d} to {@code 14d} (the chart's span).
 */
public final class DigestCommands {
    static final String USAGE = "digest [24h|7d|1d-14d]";

    private final DigestService digests;

    public DigestCommands(DigestService digests) {
        this.digests = digests;
    }

    Reply digest(CommandRouter.Invocation invocation) {
        Optional<List<DigestPeriod>> periods = periods(invocation);
        if (periods.isEmpty()) {
            return Reply.privately("A digest reports on the last 24 hours and the last 7 days, or on one period you"
                    + " name: 24h, or 1d to " + DigestPeriod.MAX_DAYS
                    + "d (for example /masscast digest 7d).\nUsage: /masscast "
                    + USAGE);
        }
        digests.postNow(invocation.channel(), Mention.of(invocation.actor().userId()), periods.get());
        String what = String.join(
                " and ", periods.get().stream().map(DigestPeriod::phrase).toList());
        return Reply.privately("The digest of " + what + " is being posted in this channel, with the chart of revenue"
                + " per day over the last " + DigestPeriod.MAX_DAYS + " days.");
    }

    private static Optional<List<DigestPeriod>> periods(CommandRouter.Invocation invocation) {
        if (!invocation.named().isEmpty() || invocation.positional().size() > 1) {
            return Optional.empty();
        }
        if (invocation.positional().isEmpty()) {
            return Optional.of(DigestService.DAILY);
        }
        return DigestPeriod.parse(invocation.positional().get(0)).map(List::of);
    }
}
