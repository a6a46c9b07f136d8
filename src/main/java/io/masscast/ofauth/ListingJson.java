package io.masscast.ofauth;

import java.util.List;
import java.util.Optional;

/**
 * A page of an OFAuth listing. OFAuth names the entries {@code list} or {@code items}, the next cursor
 * {@code nextOffset}, {@code nextMarker} or (older) {@code marker}; a bare JSON array reads as a single,
 * last page (see {@link ListingAdapterFactory}).
 */
public record ListingJson<T>(
        List<T> list, List<T> items, Boolean hasMore, Long nextOffset, Long nextMarker, Long marker) {

    static <T> ListingJson<T> lastPage(List<T> entries) {
        return new ListingJson<>(entries, null, false, null, null, null);
    }

    List<T> entries() {
        if (list != null) {
            return list;
        }
        return items == null ? List.of() : items;
    }

    boolean more() {
        return Boolean.TRUE.equals(hasMore) && !entries().isEmpty();
    }

    /** The offset of the following page: {@code nextOffset}, else offset + entries; empty when done or stuck. */
    Optional<Long> nextOffset(long offset) {
        if (!more()) {
            return Optional.empty();
        }
        long next = nextOffset != null ? nextOffset : offset + entries().size();
        return next > offset ? Optional.of(next) : Optional.empty();
    }

    /** The marker of the following page; empty when done, when OFAuth gave none, or when it did not move. */
    Optional<Long> nextMarker(Optional<Long> current) {
        if (!more()) {
            return Optional.empty();
        }
        Optional<Long> next = Optional.ofNullable(nextMarker != null ? nextMarker : marker);
        return next.equals(current) ? Optional.empty() : next;
    }
}
