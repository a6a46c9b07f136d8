package io.masscast.core.digest;

import io.masscast.core.campaign.BuyerNote;
import io.masscast.core.text.Markup;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A digest as the channel reads it, in the core's neutral {@link Markup} (strong text, mentions): one block per
 * period, what needs a person, and what the chart beside it shows.
 *
 * <pre>
 * <b>Daily digest · Mila Rose</b> · 2026-03-29 09:00 Europe/Berlin
 * <b>Last 24 hours</b> · 2 campaigns sent
 *   3,120 messages sent · 1,404 viewed (45.0 %) · 61 bought (2.0 % conversion) · $762.50 revenue (purchases × price)
 *   Best: MC-7 · $512.50 · https://...
 * </pre>
 */
final class DigestText {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int IDS_SHOWN = 5;
    /** Tests listed of each kind (finished, running): a digest is one chat message. */
    private static final int TESTS_SHOWN = 3;

    private static final String INDENT = "    ";

    private DigestText() {}

    static String caption(Digest digest) {
        StringBuilder out = new StringBuilder(
                Markup.strong(digest.title() + " · " + digest.binding().creatorName()) + " · "
                        + AT.format(digest.at().atZone(digest.binding().zone())) + " "
                        + digest.binding().zone().getId());
        digest.periods().forEach(period -> out.append('\n').append(period(period)));
        out.append('\n').append(attention(digest.attention()));
        if (!digest.tests().isEmpty()) {
            out.append('\n').append(tests(digest));
        }
        out.append("\nChart: revenue per day over the last ")
                .append(DigestService.CHART_DAYS)
                .append(" days, by campaign, in ")
                .append(digest.chart().currency())
                .append('.');
        return out.toString();
    }

    private static String period(Digest.Period p) {
        String head = Markup.strong(p.period().label()) + " · ";
        if (p.campaigns() == 0) {
            return head + "no campaigns sent";
        }
        StringBuilder out =
                new StringBuilder(head + p.campaigns() + (p.campaigns() == 1 ? " campaign" : " campaigns") + " sent");
        out.append('\n')
                .append(INDENT)
                .append(count(p.sent()))
                .append(" messages sent · ")
                .append(count(p.viewed()))
                .append(" viewed")
                .append(share(p.viewed(), p.sent(), ""))
                .append(" · ")
                .append(count(p.bought()))
                .append(" bought")
                .append(share(p.bought(), p.sent(), " conversion"))
                .append(" · ")
                .append(BuyerNote.money(p.revenue()))
                .append(" revenue")
                .append(source(p.revenueSource()));
        p.best()
                .ifPresent(best -> out.append('\n')
                        .append(INDENT)
                        .append("Best: ")
                        .append(best.humanId())
                        .append(" · ")
                        .append(BuyerNote.money(best.revenue()))
                        .append(best.cardLink().map(link -> " · " + link).orElse("")));
        return out.toString();
    }

    private static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    /** {@code " (45.0 %)"} of the messages sent ({@code 0.36 %} below one percent, as on the card), or nothing. */
    private static String share(long part, long sent, String what) {
        if (sent == 0) {
            return "";
        }
        double percent = 100.0 * part / sent;
        return String.format(Locale.US, percent > 0 && percent < 1 ? " (%.2f %%%s)" : " (%.1f %%%s)", percent, what);
    }

    private static String source(Digest.RevenueSource source) {
        return switch (source) {
            case NONE -> "";
            case REPORTED -> " (reported by OFAuth)";
            case COMPUTED -> " (purchases × price)";
            case MIXED -> " (partly reported by OFAuth, partly purchases × price)";
        };
    }

    private static String attention(Digest.Attention a) {
        return Markup.strong("Needs attention") + " · waiting for approval: " + ids(a.awaitingApproval())
                + " · in doubt: " + ids(a.inDoubt()) + " · failed in "
                + a.failedWithin().phrase() + ": " + ids(a.failed());
    }

    /**
     * {@code A/B tests · 1 finished in the last 7 days, 1 running}, then a line per test (the first few of each),
     * its verdict in brief.
     */
    private static String tests(Digest digest) {
        List<Digest.AbTestResult> tests = digest.tests();
        DigestPeriod longest = digest.periods().stream()
                .map(Digest.Period::period)
                .max(Comparator.comparingInt(DigestPeriod::days))
                .orElseThrow();
        List<Digest.AbTestResult> finished =
                tests.stream().filter(Digest.AbTestResult::finished).toList();
        List<Digest.AbTestResult> running =
                tests.stream().filter(t -> !t.finished()).toList();
        StringBuilder out = new StringBuilder(Markup.strong("A/B tests") + " · " + finished.size() + " finished in "
                + longest.phrase() + ", " + running.size() + " running");
        appendTests(out, finished, digest);
        appendTests(out, running, digest);
        return out.toString();
    }

    private static void appendTests(StringBuilder out, List<Digest.AbTestResult> tests, Digest digest) {
        tests.stream()
                .limit(TESTS_SHOWN)
                .forEach(test -> out.append('\n')
                        .append(INDENT)
                        .append(test.humanId())
                        .append(" (")
                        .append(test.variants())
                        .append(" variants, ")
                        .append(test.finished() ? "ended " : "runs until ")
                        .append(AT.format(
                                test.numbersFinal().atZone(digest.binding().zone())))
                        .append(") · ")
                        .append(test.verdict())
                        .append(test.cardLink().map(link -> " · " + link).orElse("")));
        if (tests.size() > TESTS_SHOWN) {
            out.append('\n')
                    .append(INDENT)
                    .append("and ")
                    .append(tests.size() - TESTS_SHOWN)
                    .append(" more");
        }
    }

    private static String ids(List<String> ids) {
        if (ids.isEmpty()) {
            return "none";
        }
        String shown = String.join(", ", ids.subList(0, Math.min(IDS_SHOWN, ids.size())));
        return ids.size() > IDS_SHOWN ? shown + " and " + (ids.size() - IDS_SHOWN) + " more" : shown;
    }
}
