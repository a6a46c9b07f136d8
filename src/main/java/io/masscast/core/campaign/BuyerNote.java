package io.masscast.core.campaign;

import io.masscast.core.model.AbPart;
import io.masscast.core.model.Fan;
import io.masscast.core.model.StatsFigures;
import io.masscast.core.text.Markup;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The buyers summary for a card's thread: {@code +3 buyers: @dan.k, Jake, Mia · +$37.50 · total 26 / $324.74}.
 * A fan shows as {@code @username}, or by name when OnlyFans gave them only a generated username
 * ({@code u51277310}). Names come from fans, so anything that could act as chat markup is removed. In an A/B test's
 * thread, where every campaign of the test posts, a note names its variant and message first, and its totals are that
 * message's: {@code Variant B (MC-2): +2 buyers: Max L., Ryan · +$18.00 · total 2 / $18.00}.
 */
public final class BuyerNote {
    static final int MAX_NAMES = 10;
    private static final int MAX_NAME_LENGTH = 32;
    private static final Pattern GENERATED_USERNAME = Pattern.compile("u\\d+");
    /** Mention and link brackets, code quotes, controls and invisible format characters. */
    private static final Pattern UNSAFE = Pattern.compile("[<>`|\\p{Cntrl}\\p{Cf}]");

    private BuyerNote() {}

    /** The note for {@code buyers} newly seen of a message sold at {@code price}, with the campaign's totals. */
    public static String of(List<Fan> buyers, BigDecimal price, StatsFigures totals) {
        List<String> names =
                buyers.stream().limit(MAX_NAMES).map(BuyerNote::label).toList();
        String more = buyers.size() > MAX_NAMES ? " and " + (buyers.size() - MAX_NAMES) + " more" : "";
        BigDecimal added = price.multiply(BigDecimal.valueOf(buyers.size()));
        return "+" + buyers.size() + (buyers.size() == 1 ? " buyer: " : " buyers: ") + String.join(", ", names) + more
                + " · +" + money(added) + " · total " + count(totals.purchased()) + " / " + money(totals.revenue());
    }

    /**
     * The note for campaign {@code humanId}, {@code part} of an A/B test: as {@link #of}, naming the variant and the
     * message first (a variant of several messages has a note for each).
     */
    public static String ofTestPart(
            AbPart part, String humanId, List<Fan> buyers, BigDecimal price, StatsFigures totals) {
        return "Variant " + part.variant() + " (" + humanId + "): " + of(buyers, price, totals);
    }

    /** {@code $1,234.50}: money as the stats show it. */
    public static String money(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return "$" + format.format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    private static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    static String label(Fan fan) {
        String username = clean(fan.username());
        if (!username.isEmpty() && !GENERATED_USERNAME.matcher(username).matches()) {
            return "@" + username;
        }
        String name = clean(fan.name());
        return name.isEmpty() ? "fan " + clean(fan.id()) : name;
    }

    private static String clean(String text) {
        String safe = UNSAFE.matcher(Markup.literal(text)).replaceAll("").strip();
        if (safe.codePointCount(0, safe.length()) <= MAX_NAME_LENGTH) {
            return safe;
        }
        return safe.substring(0, safe.offsetByCodePoints(0, MAX_NAME_LENGTH - 1))
                        .strip() + "…";
    }
}
