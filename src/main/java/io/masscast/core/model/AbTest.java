package io.masscast.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An A/B test: two or three variants of a mass message for one audience, approved (or rejected) together. Each
 * variant is sent as one or more campaigns ({@link AbPart}), with every guarantee of a single campaign.
 * {@code version} increases with every decision and guards them: one conditional update decides a test.
 *
 * @param seed       the shuffle's seed (random split): the sorted pool shuffled with it gives the shares again
 * @param poolSize   how many fans a random split drew from
 * @param maxUserIds at most this many fan ids went into one message when the test was composed
 */
public record AbTest(
        long id,
        AbSplit split,
        Optional<Long> seed,
        Optional<Long> poolSize,
        int maxUserIds,
        Instant createdAt,
        long version) {

    /** Variant labels in order: the first variant is the base message, the others vary it. */
    public static final List<String> LABELS = List.of("A", "B", "C");

    public AbTest {
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(poolSize, "poolSize");
        if (maxUserIds < 1) {
            throw new IllegalArgumentException("maxUserIds must be positive");
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
