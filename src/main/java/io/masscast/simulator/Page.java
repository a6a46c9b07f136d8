package io.masscast.simulator;

import java.util.List;

/** One offset page of a list, and whether more follow. */
record Page<T>(List<T> items, boolean hasMore, int nextOffset) {

    static <T> Page<T> of(List<T> all, int offset, int limit) {
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), to < all.size(), to);
    }
}
