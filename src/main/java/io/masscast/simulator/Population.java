package io.masscast.simulator;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/** A creator's fans and fan lists; fixed once seeded. */
final class Population {
    private final List<Fan> fans;
    private final Map<Long, Integer> indexById = new HashMap<>();
    private final Map<String, UserList> listsByKey = new LinkedHashMap<>();

    Population(List<Fan> fans, List<UserList> lists) {
        this.fans = List.copyOf(fans);
        for (int i = 0; i < this.fans.size(); i++) {
            indexById.put(this.fans.get(i).id(), i);
        }
        lists.forEach(list -> listsByKey.put(list.key(), list));
    }

    Fan fan(int index) {
        return fans.get(index);
    }

    List<Fan> fans() {
        return fans;
    }

    List<Fan> members(FanSet set) {
        return set.indices().mapToObj(fans::get).toList();
    }

    List<UserList> lists() {
        return List.copyOf(listsByKey.values());
    }

    Optional<UserList> list(String key) {
        return Optional.ofNullable(listsByKey.get(key));
    }

    /**
     * userIds ∪ members of userLists, minus members of excludeUserLists, keeping fans who subscribed after
     * {@code subscribedAfter} (if given). User ids that are not this creator's fans are dropped (assumption:
     * OnlyFans cannot message them); an unknown list id is a 400 (assumption).
     */
    FanSet audience(
            List<String> userIds, List<String> userLists, List<String> excludeUserLists, Instant subscribedAfter) {
        FanSet audience = FanSet.of(userIds.stream()
                .map(this::fanIndex)
                .flatMapToInt(index -> index.map(IntStream::of).orElseGet(IntStream::empty)));
        for (String key : userLists) {
            audience = audience.union(requireList("userLists", key).members());
        }
        for (String key : excludeUserLists) {
            audience = audience.minus(requireList("excludeUserLists", key).members());
        }
        return subscribedAfter == null
                ? audience
                : audience.filter(i -> fans.get(i).subscribedAt().isAfter(subscribedAfter));
    }

    private Optional<Integer> fanIndex(String userId) {
        try {
            return Optional.ofNullable(indexById.get(Long.parseLong(userId)));
        } catch (NumberFormatException notNumeric) {
            return Optional.empty();
        }
    }

    private UserList requireList(String field, String key) {
        return list(key).orElseThrow(() -> ApiError.badRequest(field + ": unknown list id " + key));
    }
}
