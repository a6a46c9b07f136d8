package io.masscast.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who receives a message: explicit fan ids, OFAuth user list ids to include and to exclude,
 * and optionally only fans who subscribed after an instant. List ids are strings because OFAuth
 * mixes numeric custom lists with named system lists ("fans").
 */
public record Audience(
        List<String> userIds, List<String> lists, List<String> excludedLists, Optional<Instant> subscribedAfter) {

    public Audience {
        userIds = List.copyOf(Objects.requireNonNull(userIds, "userIds"));
        lists = List.copyOf(Objects.requireNonNull(lists, "lists"));
        excludedLists = List.copyOf(Objects.requireNonNull(excludedLists, "excludedLists"));
        Objects.requireNonNull(subscribedAfter, "subscribedAfter");
    }

    public static Audience ofLists(String... listIds) {
        return new Audience(List.of(), List.of(listIds), List.of(), Optional.empty());
    }

    /** An audience is named when it restricts recipients; an empty one would mean "everyone". */
    public boolean isNamed() {
        return !userIds.isEmpty() || !lists.isEmpty() || subscribedAfter.isPresent();
    }
}
