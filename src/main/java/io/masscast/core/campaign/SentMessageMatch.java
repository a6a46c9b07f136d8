package io.masscast.core.campaign;

import io.masscast.core.model.Campaign;
import io.masscast.core.model.MessageContent;
import io.masscast.core.model.SentMessageStats;
import java.time.Duration;
import java.time.Instant;

/**
 * Which messages in OFAuth's sent analytics a campaign's request could have produced, judged on everything the
 * analytics report: the text as OnlyFans stores it, the price, the number of media, and a date after the request
 * left (an immediate send) or at the scheduled time (a scheduled one). The audience is not reported, so two
 * campaigns with the same content to different lists look alike: telling them apart is left to a person.
 */
public final class SentMessageMatch {
    /** How long after the request (or the scheduled time) OFAuth's analytics may take to show the message. */
    public static final Duration LOOK_FOR = Duration.ofMinutes(15);
    /** Allowed difference between masscast's clock and the date OFAuth gives a message. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private SentMessageMatch() {
    }

    /** The window of OFAuth dates to search for the campaign's message, as far as {@code now}. */
    public static Instant searchFrom(Campaign campaign) {
        return due(campaign).minus(CLOCK_SKEW);
    }

    public static Instant searchTo(Campaign campaign, Instant now) {
        Instant lastChance = due(campaign).plus(scheduled(campaign) ? CLOCK_SKEW : LOOK_FOR);
        return (now.isBefore(lastChance) ? now : lastChance).plus(CLOCK_SKEW);
    }

    /** Whether the message may still show up in the analytics (later than this, nothing new can match). */
    static boolean stillExpected(Campaign campaign, Instant now) {
        return !now.isAfter(due(campaign).plus(LOOK_FOR));
    }

    /** Whether {@code sent} could be the message the campaign's request created. */
    static boolean couldBe(Campaign campaign, SentMessageStats sent) {
        Instant due = due(campaign);
        Instant latest = due.plus(scheduled(campaign) ? CLOCK_SKEW : LOOK_FOR);
        return sameContent(campaign.content(), sent)
                && !sent.date().isBefore(due.minus(CLOCK_SKEW))
                && !sent.date().isAfter(latest);
    }

    private static boolean sameContent(MessageContent content, SentMessageStats sent) {
        return OnlyFansText.normalise(content.text()).equals(OnlyFansText.normalise(sent.text()))
                && content.price().compareTo(sent.price()) == 0
                && content.media().size() == sent.mediaCount();
    }

    /** When the message should have gone out: the scheduled time, or when the request left. */
    private static Instant due(Campaign campaign) {
        Instant left = campaign.requestStartedAt().orElse(campaign.updatedAt());
        return campaign.scheduledAt().filter(at -> at.isAfter(left)).orElse(left);
    }

    private static boolean scheduled(Campaign campaign) {
        Instant left = campaign.requestStartedAt().orElse(campaign.updatedAt());
        return campaign.scheduledAt().filter(at -> at.isAfter(left)).isPresent();
    }
}
