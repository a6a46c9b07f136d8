package io.masscast.core.command;

import io.masscast.core.besttime.BestTimeService;
import io.masscast.core.besttime.BestTimeText;
import io.masscast.core.besttime.BestTimes;
import io.masscast.core.campaign.Mention;

/**
 * {@code best-time}: the hours of the week that brought the channel's creator the most purchases per recipient,
 * posted in the channel with a heat map (like a digest), or, with too little history, why it can't tell yet.
 */
public final class BestTimeCommands {
    private final BestTimeService bestTimes;

    public BestTimeCommands(BestTimeService bestTimes) {
        this.bestTimes = bestTimes;
    }

    Reply bestTime(CommandRouter.Invocation invocation) {
        BestTimes best = bestTimes.postNow(
                invocation.channel(), Mention.of(invocation.actor().userId()));
        if (!best.enough()) {
            return Reply.privately(BestTimeText.tooLittle(best));
        }
        return Reply.privately("The best send times for " + best.binding().creatorName() + " are being posted in this"
                + " channel, with the heat map. " + BestTimeText.history(best));
    }
}
