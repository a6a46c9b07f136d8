package io.masscast.core.campaign;

import io.masscast.core.model.Audience;
import io.masscast.core.model.Fan;
import io.masscast.core.model.Page;
import io.masscast.core.policy.FieldError;
import io.masscast.core.policy.Fields;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthGateway;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The fans a random A/B split divides: the members of the audience's lists and its named fans, less the members of
 * its excluded lists, read from OFAuth page by page. A subscribed-after date is left to OFAuth, which applies it to
 * each message.
 */
final class FanPool {
    /** OFAuth's largest page of list members. */
    static final int PAGE = 100;

    private FanPool() {}

    static Set<String> read(OfAuthGateway ofauth, String connectionId, Audience audience, int max) {
        Set<String> pool = new LinkedHashSet<>(audience.userIds());
        for (String list : audience.lists()) {
            members(ofauth, connectionId, list, max, pool);
        }
        Set<String> excluded = new LinkedHashSet<>();
        for (String list : audience.excludedLists()) {
            members(ofauth, connectionId, list, max, excluded);
        }
        pool.removeAll(excluded);
        return pool;
    }

    /** Adds the list's members to {@code into}, refusing once it holds more than {@code max}. */
    private static void members(OfAuthGateway ofauth, String connectionId, String list, int max, Set<String> into) {
        Optional<Long> offset = Optional.of(0L);
        while (offset.isPresent()) {
            Page<Fan> page = ofauth.listMembers(connectionId, list, PAGE, offset.get(), CallPriority.INTERACTIVE);
            page.items().forEach(fan -> into.add(fan.id()));
            if (into.size() > max) {
                throw new CampaignException.PolicyViolation(List.of(new FieldError(
                        Fields.LISTS,
                        "A random split reads every"
                                + " fan of its lists, and these hold more than " + String.format(Locale.US, "%,d", max)
                                + ": split by lists"
                                + " instead (split=lists, each variant its own lists).")));
            }
            offset = page.items().isEmpty() ? Optional.empty() : page.next();
        }
    }
}
