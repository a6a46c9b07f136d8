package io.masscast.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a paged OFAuth listing. {@code next} is the cursor to ask for the following page
 * (an offset or a marker, depending on the endpoint); it is empty when there is no more.
 */
public record Page<T>(List<T> items, Optional<Long> next) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }

    public boolean hasMore() {
        return next.isPresent();
    }
}
