package io.masscast.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Fans as list members, buyers and subscribers, and fan lists. */
final class FanRenderer {
    private static final Duration BILLING_PERIOD = Duration.ofDays(30);
    private static final int LIST_PREVIEW_SIZE = 3;

    private FanRenderer() {}

    static Map<String, Object> user(Fan fan) {
        return Json.object(
                "id", fan.id(),
                "username", fan.username(),
                "name", fan.name(),
                "isVerified", fan.verified(),
                "avatar", fan.avatar(),
                "avatarThumbs",
                        fan.avatar() == null
                                ? null
                                : Json.object("c50", fan.avatar() + "?s=50", "c144", fan.avatar() + "?s=144"));
    }

    static Map<String, Object> subscriber(Fan fan, Instant now) {
        Map<String, Object> json = user(fan);
        json.put(
                "subscription",
                Json.object(
                        "isActive", fan.active(),
                        "isExpired", !fan.active(),
                        "subscribedAt", OfDates.onlyFans(fan.subscribedAt()),
                        "expiresAt", OfDates.onlyFans(fan.active() ? nextRenewal(fan, now) : fan.expiredAt()),
                        "price", fan.subscriptionPrice()));
        return json;
    }

    static Map<String, Object> list(UserList list, Population population) {
        boolean custom = list.custom();
        return Json.object(
                "id",
                list.id(),
                "type",
                list.type(),
                "name",
                list.name(),
                "usersCount",
                list.members().size(),
                "postsCount",
                0,
                "sortList",
                List.of(Json.object("order", "recent", "direction", "desc")),
                "users",
                list.members()
                        .indices()
                        .limit(LIST_PREVIEW_SIZE)
                        .mapToObj(i -> user(population.fan(i)))
                        .toList(),
                "canUpdate",
                custom,
                "canDelete",
                custom,
                "canManageUsers",
                custom,
                "canAddUsers",
                custom,
                "canPinnedToFeed",
                custom,
                "isPinnedToFeed",
                false,
                "canPinnedToChat",
                true,
                "isPinnedToChat",
                false);
    }

    private static Instant nextRenewal(Fan fan, Instant now) {
        long periods = Duration.between(fan.subscribedAt(), now).toSeconds() / BILLING_PERIOD.toSeconds() + 1;
        return fan.subscribedAt().plus(BILLING_PERIOD.multipliedBy(periods));
    }
}
