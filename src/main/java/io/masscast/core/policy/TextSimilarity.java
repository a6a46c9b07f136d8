package io.masscast.core.policy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How alike two message texts are, for the repeat guard. Both texts are normalised first — lower case, and every
 * run of characters that are not letters or digits (spaces, punctuation, emoji, markdown) made one space — so
 * "New set is up 🔥" and "new set is up!" are the same text. Then similarity is the Sørensen–Dice coefficient of
 * their character pairs (bigrams, counted with repeats): twice the pairs they share over the pairs they have, 1 for
 * the same text, 0 for nothing in common. A changed word or price in a sentence keeps it above
 * {@link #NEARLY_SAME}; a rewritten message falls well below.
 */
public final class TextSimilarity {
    /** From this similarity on, two texts count as nearly the same. */
    public static final double NEARLY_SAME = 0.85;

    private static final Pattern NOT_WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextSimilarity() {}

    /** The text as compared: lower case, letters and digits, single spaces between them. */
    public static String normalise(String text) {
        return NOT_WORDS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** 0 to 1; texts that are empty once normalised are like nothing (an empty text repeats no message). */
    public static double similarity(String a, String b) {
        String left = normalise(a);
        String right = normalise(b);
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        if (left.equals(right)) {
            return 1;
        }
        if (left.length() < 2 || right.length() < 2) {
            return 0;
        }
        Map<String, Integer> pairs = bigrams(left);
        int shared = 0;
        for (int i = 0; i < right.length() - 1; i++) {
            String pair = right.substring(i, i + 2);
            Integer unmatched = pairs.get(pair);
            if (unmatched != null && unmatched > 0) {
                pairs.put(pair, unmatched - 1);
                shared++;
            }
        }
        return 2.0 * shared / ((left.length() - 1) + (right.length() - 1));
    }

    private static Map<String, Integer> bigrams(String text) {
        Map<String, Integer> pairs = new HashMap<>();
        for (int i = 0; i < text.length() - 1; i++) {
            pairs.merge(text.substring(i, i + 2), 1, Integer::sum);
        }
        return pairs;
    }
}
