package io.masscast.core.model;

import java.util.List;
import java.util.Objects;

/**
 * What a requester asks for in an A/B test, before the send policy checked it: how to split, and each variant as a
 * draft (A first). Every variant has the same send time; split by lists each has its own lists, split at random they
 * share the audience masscast will divide.
 */
public record AbTestDraft(AbSplit split, List<CampaignDraft> variants) {
    public AbTestDraft {
        Objects.requireNonNull(split, "split");
        variants = List.copyOf(variants);
        if (variants.size() < 2 || variants.size() > AbTest.LABELS.size()) {
            throw new IllegalArgumentException("an A/B test has 2 to " + AbTest.LABELS.size() + " variants");
        }
        if (variants.stream().map(CampaignDraft::sendAt).distinct().count() > 1) {
            throw new IllegalArgumentException("the variants of a test go out at the same time");
        }
    }

    public String label(int variant) {
        return AbTest.LABELS.get(variant);
    }
}
