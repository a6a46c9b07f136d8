package io.masscast.core.abtest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A random split of an A/B test's fans, reproducible from its seed: the fans' ids are sorted (numerically, as
 * OnlyFans ids are numbers), shuffled with {@code java.util.Random(seed)}, and variant {@code i} of {@code k} gets the
 * positions from {@code i·n/k} up to {@code (i+1)·n/k}: shares differ by one fan at most, and no fan is in two.
 */
public final class RandomSplit {
    /** Numbers by value; anything else after them, by text. */
    private static final Comparator<String> ID_ORDER =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private RandomSplit() {}

    /** The shares of {@code variants} variants, in variant order. */
    public static List<List<String>> shares(Collection<String> pool, int variants, long seed) {
        if (variants < 1) {
            throw new IllegalArgumentException("at least one variant");
        }
        List<String> fans =
                new ArrayList<>(pool.stream().distinct().sorted(ID_ORDER).toList());
        Collections.shuffle(fans, new Random(seed));
        List<List<String>> shares = new ArrayList<>();
        for (int i = 0; i < variants; i++) {
            shares.add(List.copyOf(fans.subList(
                    (int) ((long) i * fans.size() / variants), (int) ((long) (i + 1) * fans.size() / variants))));
        }
        return List.copyOf(shares);
    }

    /** A share as the fewest messages of at most {@code max} fan ids each, as even in size as possible. */
    public static List<List<String>> messages(List<String> share, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a message takes at least one fan id");
        }
        int count = Math.max(1, (share.size() + max - 1) / max);
        List<List<String>> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(List.copyOf(share.subList(
                    (int) ((long) i * share.size() / count), (int) ((long) (i + 1) * share.size() / count))));
        }
        return List.copyOf(messages);
    }
}
