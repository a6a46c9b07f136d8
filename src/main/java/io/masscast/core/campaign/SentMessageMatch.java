package io.masscast.core.campaign;

import io.masscast.core.model.Audience;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.MessageContent;
import io.masscast.core.model.SentMessageStats;
import java.time.Duration;
import java.time.Instant;

/**
 * Which messages in OFAuth's sent analytics a campaign's request could have produced, judged on everything the
 * analytics report: the text as OnlyFans stores it, the price, the number of media, and a date after the request
 * left (an immediate send) or at the scheduled time (a scheduled one), and — for a send to named fans only — no more
 * fans reached than it named. The audience is not reported otherwise, so two campaigns with the same content to
 * different lists look alike: the submitter never has two such lookalikes in flight at once ({@link #lookAlike}),
 * and what is still ambiguous is left to a person.
 */
public final class SentMessageMatch {
    /** How long after the request (or the scheduled time) OFAuth's analytics may take to show the message. */
    public static final Duration LOOK_FOR = Duration.ofMinutes(15);
    /** Allowed difference between masscast's clock and the date OFAuth gives a message. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private SentMessageMatch() {}

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
                && withinAudience(campaign, sent)
                && !sent.date().isBefore(due.minus(CLOCK_SKEW))
                && !sent.date().isAfter(latest);
    }

    /**
     * Whether two contents look the same in OFAuth's sent analytics (text as OnlyFans stores it, price, number of
     * media): then only the send's time tells their messages apart.
     */
    public static boolean lookAlike(MessageContent one, MessageContent other) {
        return OnlyFansText.normalise(one.text()).equals(OnlyFansText.normalise(other.text()))
                && one.price().compareTo(other.price()) == 0
                && one.media().size() == other.media().size();
    }

    /** Whether two texts are the same as OnlyFans stores them (and not empty). */
    static boolean sameText(String one, String other) {
        String stored = OnlyFansText.normalise(one);
        return !stored.isEmpty() && stored.equals(OnlyFansText.normalise(other));
    }

    private static boolean sameContent(MessageContent content, SentMessageStats sent) {
        return OnlyFansText.normalise(content.text()).equals(OnlyFansText.normalise(sent.text()))
                && content.price().compareTo(sent.price()) == 0
                && content.media().size() == sent.mediaCount();
    }

    /** A send to named fans only (an A/B test's share) reaches no more fans than it names. */
    private static boolean withinAudience(Campaign campaign, SentMessageStats sent) {
        Audience audience = campaign.audience();
        boolean namedFansOnly =
                audience.lists().isEmpty() && !audience.userIds().isEmpty();
        return !namedFansOnly || sent.sentCount() <= audience.userIds().size();
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
