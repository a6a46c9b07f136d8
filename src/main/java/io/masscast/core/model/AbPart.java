package io.masscast.core.model;

import java.util.Objects;

/**
 * One campaign of an A/B test: a variant ({@code A}, {@code B}, {@code C}) or, when a variant's fans are more than
 * one message's fan ids, one of its messages ({@code part} 1, 2, ...).
 */
public record AbPart(long testId, long campaignId, String variant, int part) {
    public AbPart {
        if (!AbTest.LABELS.contains(Objects.requireNonNull(variant, "variant"))) {
            throw new IllegalArgumentException("a variant is labelled " + String.join(", ", AbTest.LABELS));
        }
        if (part < 1) {
            throw new IllegalArgumentException("parts are numbered from 1");
        }
    }

    /** The first message of variant A: its card shows the whole test. */
    public boolean isLead() {
        return variant.equals(AbTest.LABELS.get(0)) && part == 1;
    }
}
