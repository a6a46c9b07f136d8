package io.masscast.core.besttime;

import io.masscast.core.text.Markup;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The best send times as the channel reads them, in the core's neutral {@link Markup}:
 *
 * <pre>
 * <b>Best send times · Mila Rose</b> · asked for by @alice
 * From 14 PPV campaigns over the last 6 weeks: 31,204 recipients, 162 purchases within 24 h of each send.
 * 1. Tue 20:00–21:00 · 0.62 % bought · 3 campaigns, 6,512 recipients, 40 purchases · next: Tue 16 Jun 20:00
 * </pre>
 */
public final class BestTimeText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.US);

    private BestTimeText() {}

    static String caption(BestTimes best, String askedBy, List<BestTimeService.Upcoming> upcoming) {
        ZoneId zone = best.binding().zone();
        StringBuilder out = new StringBuilder(
                Markup.strong("Best send times · " + best.binding().creatorName()) + " · asked for by " + askedBy);
        out.append('\n').append(history(best));
        for (int i = 0; i < best.top().size(); i++) {
            SlotFigures s = best.top().get(i);
            int rank = i + 1;
            out.append('\n')
                    .append(rank)
                    .append(". ")
                    .append(Markup.strong(s.slot().span()))
                    .append(" · ")
                    .append(s.percent())
                    .append(" bought · ")
                    .append(campaigns(s.campaigns()))
                    .append(", ")
                    .append(count(s.recipients()))
                    .append(" recipients, ")
                    .append(count(s.purchases()))
                    .append(s.purchases() == 1 ? " purchase" : " purchases");
            upcoming.stream()
                    .filter(u -> u.rank() == rank)
                    .findFirst()
                    .ifPresent(u -> out.append(" · next: ").append(day(u.at(), zone)));
        }
        out.append("\nHours are ")
                .append(zone.getId())
                .append(". Chart: purchases per recipient within 24 h, by the hour"
                        + " a campaign went out; blank hours had no campaign.");
        return out.toString();
    }

    /** {@code From 14 PPV campaigns over the last 6 weeks: 31,204 recipients, 162 purchases within 24 h of each send.} */
    public static String history(BestTimes best) {
        BestTimes.History h = best.history();
        return "From " + h.campaigns() + " PPV " + (h.campaigns() == 1 ? "campaign" : "campaigns") + " over the last "
                + (h.weeks() == 1 ? "week" : h.weeks() + " weeks") + ": " + count(h.recipients()) + " recipients, "
                + count(h.purchases()) + (h.purchases() == 1 ? " purchase" : " purchases")
                + " within 24 h of each send.";
    }

    /** Why no hour is named: what there is, and what it takes. */
    public static String tooLittle(BestTimes best) {
        BestTimes.History h = best.history();
        String have = h.campaigns() == 0
                ? "there is none yet"
                : "there " + (h.campaigns() == 1 ? "is " : "are ") + campaigns(h.campaigns()) + " at "
                        + best.slots().size() + (best.slots().size() == 1 ? " hour" : " hours");
        return "Not enough history for a best send time yet: masscast needs at least " + BestTimeService.MIN_CAMPAIGNS
                + " PPV campaigns sent at " + BestTimeService.MIN_SLOTS
                + " or more different hours of the week, whose first"
                + " 24 hours are over (in the last " + BestTimeService.HISTORY_WEEKS + " weeks), and for "
                + best.binding().creatorName() + " " + have + ". It will not guess before then.";
    }

    /** {@code Tue 16 Jun 20:00}. */
    static String day(Instant at, ZoneId zone) {
        return DAY.format(at.atZone(zone));
    }

    /** {@code the best hour}, {@code 2nd best}, {@code 3rd best}. */
    static String rank(int rank) {
        return switch (rank) {
            case 1 -> "the best hour";
            case 2 -> "2nd best";
            case 3 -> "3rd best";
            default -> rank + "th best";
        };
    }

    private static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    private static String campaigns(int n) {
        return n + (n == 1 ? " campaign" : " campaigns");
    }
}
