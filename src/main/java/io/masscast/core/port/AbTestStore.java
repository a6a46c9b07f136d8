package io.masscast.core.port;

import io.masscast.core.model.AbPart;
import io.masscast.core.model.AbTest;
import java.util.List;
import java.util.Optional;

/** A/B tests and which campaigns make them up. All methods run inside the caller's transaction. */
public interface AbTestStore {

    /** Stores a new test; the store assigns the id and version 1 (the given ones are ignored). */
    AbTest insert(AbTest test);

    void addPart(AbPart part);

    Optional<AbTest> find(long testId);

    /** The test part a campaign is, if it belongs to a test. */
    Optional<AbPart> partOf(long campaignId);

    /** A test's parts, by variant and then part number. */
    List<AbPart> parts(long testId);

    /**
     * Conditional update: increases the test's version only if it still is {@code version}. False if someone
     * changed the test first (nothing is written then): the decision that raced with it won.
     */
    boolean advance(long testId, long version);
}
