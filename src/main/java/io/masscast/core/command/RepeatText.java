package io.masscast.core.command;

import io.masscast.core.campaign.BuyerNote;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignStats;
import io.masscast.core.model.RepeatFinding;
import io.masscast.core.model.StatsFigures;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The repeat guard's words: the warning on the card and the extra confirmation an approval takes, naming the
 * earlier campaign and how it did.
 *
 * <pre>
 * Nearly the same text (92 % alike) as MC-2, sent 2 d ago to an overlapping audience: 2,192 sent · 7 bought (0.32 %) · $87.50
 * </pre>
 */
final class RepeatText {
    private static final int OTHERS_NAMED = 3;

    private RepeatText() {}

    /** The card's warning field. */
    static String warning(List<RepeatFinding> repeats, Instant now) {
        return finding(repeats.get(0), now) + others(repeats) + ". Approving it takes one more confirmation.";
    }

    /** The confirmation an approval of {@code humanId} takes. */
    static CardAction.Confirm confirmation(String humanId, List<RepeatFinding> repeats, Instant now) {
        return new CardAction.Confirm(
                "Approve " + humanId + " although it repeats "
                        + repeats.get(0).other().humanId() + "?",
                finding(repeats.get(0), now) + others(repeats) + ". Fans on both audiences get it again.",
                "Approve anyway",
                "Not yet",
                false);
    }

    private static String finding(RepeatFinding repeat, Instant now) {
        Campaign other = repeat.other();
        String what = switch (repeat.match()) {
            case SAME_TEXT -> "The same text as " + other.humanId();
            case SAME_MEDIA -> "The same media as " + other.humanId();
            case NEARLY_SAME_TEXT ->
                "Nearly the same text (" + Math.round(100 * repeat.similarity()) + " % alike) as " + other.humanId();
        };
        String audience = repeat.mayNotOverlap()
                ? " to an audience that may overlap (fans named by id on one, lists on the other)"
                : " to an overlapping audience";
        return what + ", " + when(other, now) + audience + results(repeat);
    }

    private static String when(Campaign other, Instant now) {
        Instant at = other.sendTime();
        String relative = Formats.relative(at, now);
        return at.isAfter(now) ? "going out " + relative : "sent " + relative;
    }

    /** How the other campaign did, once OFAuth reported anything. */
    private static String results(RepeatFinding repeat) {
        if (repeat.stats().filter(CampaignStats::reportedYet).isEmpty()) {
            return " (no results yet)";
        }
        StatsFigures f = repeat.stats().get().figures();
        String bought = repeat.other().content().isFree()
                ? ""
                : " · " + Formats.count(f.purchased()) + " bought" + share(f.purchased(), f.sent()) + " · "
                        + BuyerNote.money(f.revenue());
        return ": " + Formats.count(f.sent()) + " sent · " + Formats.count(f.viewed()) + " viewed"
                + share(f.viewed(), f.sent()) + bought;
    }

    private static String share(long part, long sent) {
        if (sent == 0) {
            return "";
        }
        double percent = 100.0 * part / sent;
        return String.format(Locale.US, percent > 0 && percent < 1 ? " (%.2f %%)" : " (%.1f %%)", percent);
    }

    private static String others(List<RepeatFinding> repeats) {
        if (repeats.size() == 1) {
            return "";
        }
        List<String> more = repeats.subList(1, repeats.size()).stream()
                .map(r -> r.other().humanId())
                .toList();
        String named = more.stream().limit(OTHERS_NAMED).collect(Collectors.joining(", "));
        return " (it also repeats " + named
                + (more.size() > OTHERS_NAMED ? " and " + (more.size() - OTHERS_NAMED) + " more" : "") + ")";
    }
}
