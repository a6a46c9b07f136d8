package io.masscast.ofauth;

import static io.masscast.ofauth.OfAuthJson.orZero;

import com.squareup.moshi.JsonDataException;
import io.masscast.core.model.SubscriptionCounts;

/**
 * {@code /subscriptions/count}: {@code subscribers} are the creator's fans (what masscast counts);
 * {@code subscriptions} are the accounts the creator follows.
 */
public record SubscriptionCountJson(Counts subscribers) {

    public record Counts(Long active, Long expired, Long all) {}

    SubscriptionCounts toCounts() {
        if (subscribers == null) {
            throw new JsonDataException("subscription counts without subscribers");
        }
        return new SubscriptionCounts(orZero(subscribers.active), orZero(subscribers.expired), orZero(subscribers.all));
    }
}
