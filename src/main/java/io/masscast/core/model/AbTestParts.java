package io.masscast.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An A/B test with its campaigns as they are now, and each one's results so far. */
public record AbTestParts(AbTest test, List<Member> members) {

    /** One campaign of the test, with its results once OFAuth reported any. */
    public record Member(AbPart part, Campaign campaign, Optional<CampaignStats> stats) {
        public Member {
            Objects.requireNonNull(part, "part");
            Objects.requireNonNull(campaign, "campaign");
            Objects.requireNonNull(stats, "stats");
        }
    }

    public AbTestParts {
        Objects.requireNonNull(test, "test");
        members = List.copyOf(members);
        if (members.isEmpty() || !members.get(0).part().isLead()) {
            throw new IllegalArgumentException("a test's parts start with its lead, variant A's first message");
        }
    }

    /** Variant A's first campaign: its number names the test and its card shows it. */
    public Campaign lead() {
        return members.get(0).campaign();
    }

    /** The variants in order (A, B, C), each with its campaigns. */
    public List<String> variants() {
        return members.stream().map(m -> m.part().variant()).distinct().toList();
    }

    public List<Member> of(String variant) {
        return members.stream().filter(m -> m.part().variant().equals(variant)).toList();
    }

    public List<Campaign> campaigns() {
        return members.stream().map(Member::campaign).toList();
    }
}
