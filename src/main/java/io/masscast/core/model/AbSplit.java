package io.masscast.core.model;

import java.util.Locale;

/** How an A/B test divides its audience between the variants. */
public enum AbSplit {
    /** Each variant goes to its own lists (a fan on the lists of several variants gets the first one only). */
    LISTS,
    /** masscast reads the fans of the chosen lists, shuffles them with a stored seed and gives each variant a share. */
    RANDOM;

    /** As typed: {@code lists}, {@code random}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
