package io.masscast.adapter.slack;

import io.masscast.core.model.Actor;
import io.masscast.core.model.ChannelRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of a channel's approver groups a Slack user is in. Slack payloads carry no group membership, so each user
 * group the channel's binding names is read with {@code usergroups.users.list} and kept for a few minutes; a
 * change in Slack counts from then on. A group Slack does not answer for counts as one the user is not in (the
 * click is refused as from a non-approver) and is asked again on the next click. Called on a worker thread.
 */
final class SlackGroups {
    private static final Logger LOG = LoggerFactory.getLogger(SlackGroups.class);
    static final Duration KEEP = Duration.ofMinutes(5);

    private record Members(Set<String> users, Instant until) {}

    private final SlackApi api;
    private final Function<ChannelRef, Set<String>> approverGroups;
    private final Clock clock;
    private final Map<String, Members> members = new ConcurrentHashMap<>();

    /** {@code approverGroups}: the group ids a channel's approver set names. */
    SlackGroups(SlackApi api, Function<ChannelRef, Set<String>> approverGroups, Clock clock) {
        this.api = api;
        this.approverGroups = approverGroups;
        this.clock = clock;
    }

    /** {@code actor} with the channel's approver groups they are in. */
    Actor resolve(Actor actor, ChannelRef channel) {
        Set<String> in = new LinkedHashSet<>();
        for (String group : approverGroups.apply(channel)) {
            if (members(group).map(users -> users.contains(actor.userId())).orElse(false)) {
                in.add(group);
            }
        }
        return actor.withGroups(in);
    }

    private Optional<Set<String>> members(String group) {
        Instant now = clock.instant();
        Members known = members.get(group);
        if (known != null && now.isBefore(known.until())) {
            return Optional.of(known.users());
        }
        try {
            Set<String> users = Set.copyOf(api.groupMembers(group));
            members.put(group, new Members(users, now.plus(KEEP)));
            return Optional.of(users);
        } catch (SlackCallFailed e) {
            LOG.warn(
                    "Members of Slack user group {} not read ({}); its members can't approve until Slack answers",
                    group,
                    e.error());
            return Optional.empty();
        }
    }
}
