package io.masscast.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What the repeat guard found: another campaign of the same creator, sent (or about to be) within the channel's
 * repeat window, to an overlapping audience, whose text or media is the same or nearly the same; with how it did.
 *
 * @param similarity     how alike the texts are, 0 to 1 ({@code io.masscast.core.policy.TextSimilarity})
 * @param mayNotOverlap  the audiences are fans named by id on one side and lists on the other: the fans may or may not
 *                       be on the lists, which masscast can't see without reading them
 * @param stats          the other campaign's results so far, once OFAuth reported any
 */
public record RepeatFinding(
        Campaign other, Match match, double similarity, boolean mayNotOverlap, Optional<CampaignStats> stats) {

    /** What the two have in common. */
    public enum Match {
        /** The same text, once case, spacing, punctuation and emoji are set aside. */
        SAME_TEXT,
        /** The same media items (and at least one). */
        SAME_MEDIA,
        /** Texts at least {@code TextSimilarity.NEARLY_SAME} alike. */
        NEARLY_SAME_TEXT
    }

    public RepeatFinding {
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(stats, "stats");
    }
}
