package io.masscast.simulator;

import java.util.BitSet;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/** An immutable set of fans of one population, by their index in it. */
final class FanSet {
    private static final FanSet EMPTY = new FanSet(new BitSet());

    private final BitSet bits;
    private final int size;

    private FanSet(BitSet bits) {
        this.bits = bits;
        this.size = bits.cardinality();
    }

    static FanSet empty() {
        return EMPTY;
    }

    static FanSet of(IntStream indices) {
        BitSet bits = new BitSet();
        indices.forEach(bits::set);
        return new FanSet(bits);
    }

    FanSet union(FanSet other) {
        BitSet result = (BitSet) bits.clone();
        result.or(other.bits);
        return new FanSet(result);
    }

    FanSet minus(FanSet other) {
        BitSet result = (BitSet) bits.clone();
        result.andNot(other.bits);
        return new FanSet(result);
    }

    FanSet filter(IntPredicate keep) {
        return of(indices().filter(keep));
    }

    int size() {
        return size;
    }

    /** Ascending fan indices; delivery follows this order. */
    IntStream indices() {
        return bits.stream();
    }
}
