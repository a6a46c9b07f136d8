package io.masscast.core.digest;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span a digest reports on, ending when the digest is made: the last 24 hours, the last 7 days. A period counts
 * the campaigns sent in it, with their results so far.
 */
public record DigestPeriod(int days) {
    /** The longest period: the chart shows 14 days, and a period never reaches further back than it. */
    public static final int MAX_DAYS = 14;

    public static final DigestPeriod LAST_24_HOURS = new DigestPeriod(1);
    public static final DigestPeriod LAST_7_DAYS = new DigestPeriod(7);
    private static final Pattern TEXT = Pattern.compile("(\\d{1,3})\\s*(h|d)");

    public DigestPeriod {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("a digest period is 1 to " + MAX_DAYS + " days");
        }
    }

    /** {@code 24h} or {@code 1d} to {@code 14d}; empty for anything else. */
    public static Optional<DigestPeriod> parse(String text) {
        Matcher m = TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        int n = Integer.parseInt(m.group(1));
        if (m.group(2).equals("h")) {
            return n == 24 ? Optional.of(LAST_24_HOURS) : Optional.empty();
        }
        return n >= 1 && n <= MAX_DAYS ? Optional.of(new DigestPeriod(n)) : Optional.empty();
    }

    public Duration length() {
        return Duration.ofDays(days);
    }

    /** {@code Last 24 hours}, {@code Last 7 days}. */
    public String label() {
        return days == 1 ? "Last 24 hours" : "Last " + days + " days";
    }

    /** The lower-case label, for use inside a sentence. */
    public String phrase() {
        return days == 1 ? "the last 24 hours" : "the last " + days + " days";
    }
}
