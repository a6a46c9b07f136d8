package io.masscast.core.campaign;

import io.masscast.core.model.Audience;
import io.masscast.core.model.Binding;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.MediaItem;
import io.masscast.core.model.MessageContent;
import io.masscast.core.model.RepeatFinding;
import io.masscast.core.policy.TextSimilarity;
import io.masscast.core.port.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The two guards against sending the same thing twice.
 *
 * <p>The <b>repeat guard</b> warns the approver: another campaign of the creator that goes out within the channel's
 * repeat window (7 days by default) of this one, to an overlapping audience, with the same or nearly the same text
 * ({@link TextSimilarity}) or the same media. Audiences overlap when they name a list or a fan in common (a list one
 * of them leaves out does not count), or when one goes to all fans (OFAuth's {@code fans} list, or only a
 * subscribed-after date) and the other names anyone. masscast can't see who is on a list without reading it, so fans
 * named by id on one side and lists on the other (a random A/B split's share, say, and a list it was drawn from) may
 * overlap: the guard warns then too, and says it is not sure.
 *
 * <p>The <b>twin guard</b> refuses at compose a text identical (as OnlyFans stores it) to one of the creator's
 * campaigns going out within {@link #TWIN_WINDOW}, unless the requester confirms: OFAuth's sent analytics, where the
 * reconciler looks for a send whose outcome is in doubt, can't tell two such messages apart.
 */
final class RepeatGuard {
    /** Identical texts closer than this in time look the same to the reconciler. */
    static final Duration TWIN_WINDOW = SentMessageMatch.LOOK_FOR;
    /** OFAuth's system list of every fan. */
    static final String ALL_FANS = "fans";

    private static final Set<CampaignState> COMMITTED = EnumSet.copyOf(Arrays.stream(CampaignState.values())
            .filter(CampaignState::isCommitted)
            .toList());

    private RepeatGuard() {}

    /**
     * What a pending campaign repeats, most alike and nearest in time first; {@code family} are campaigns that are not
     * repeats of it (itself, the other parts of its A/B test).
     */
    static List<RepeatFinding> repeats(
            Stores stores, Campaign campaign, Binding binding, Instant now, Set<Long> family) {
        Optional<Duration> window = binding.policy().repeatWindow();
        if (window.isEmpty()) {
            return List.of();
        }
        Instant at = campaign.scheduledAt().orElse(now);
        Comparator<RepeatFinding> order = Comparator.comparing(RepeatFinding::match)
                .thenComparing(finding ->
                        Duration.between(finding.other().sendTime(), at).abs());
        return stores
                .campaigns()
                .committedSends(
                        campaign.connectionId(),
                        at.minus(window.get()),
                        at.plus(window.get()).plusMillis(1))
                .stream()
                .filter(other -> !family.contains(other.id()))
                .filter(other -> overlap(campaign.audience(), other.audience())
                        || mayOverlap(campaign.audience(), other.audience()))
                .flatMap(other -> match(campaign.content(), other).stream())
                .map(found -> new RepeatFinding(
                        found.other(),
                        found.match(),
                        found.similarity(),
                        !overlap(campaign.audience(), found.other().audience()),
                        stores.stats().find(found.other().id())))
                .sorted(order)
                .toList();
    }

    /**
     * A campaign of the connection with the same text as {@code content} (as OnlyFans stores it) that goes out within
     * {@link #TWIN_WINDOW} of {@code at} and is still pending or on its way; {@code family} are left out.
     */
    static Optional<Campaign> twin(
            Stores stores, String connectionId, MessageContent content, Instant at, Set<Long> family) {
        Set<CampaignState> states = new HashSet<>(COMMITTED);
        states.add(CampaignState.PENDING_APPROVAL);
        return stores
                .campaigns()
                .sendsBetween(
                        connectionId,
                        states,
                        at.minus(TWIN_WINDOW),
                        at.plus(TWIN_WINDOW).plusMillis(1))
                .stream()
                .filter(other -> !family.contains(other.id()))
                .filter(other -> SentMessageMatch.sameText(
                        content.text(), other.content().text()))
                .min(Comparator.comparing(
                        other -> Duration.between(other.sendTime(), at).abs()));
    }

    /** Whether two audiences may share fans, as far as masscast can tell without reading the lists. */
    static boolean overlap(Audience one, Audience other) {
        Set<String> excluded = new HashSet<>(one.excludedLists());
        excluded.addAll(other.excludedLists());
        boolean sharedList =
                one.lists().stream().anyMatch(list -> other.lists().contains(list) && !excluded.contains(list));
        boolean sharedFan = one.userIds().stream().anyMatch(other.userIds()::contains);
        return sharedList
                || sharedFan
                || (reachesAll(one) && namesAnyone(other))
                || (reachesAll(other) && namesAnyone(one));
    }

    /** Fans named by id on one side, lists on the other: who is on the lists, only OFAuth knows. */
    static boolean mayOverlap(Audience one, Audience other) {
        return (!one.userIds().isEmpty() && !other.lists().isEmpty())
                || (!other.userIds().isEmpty() && !one.lists().isEmpty());
    }

    private static boolean reachesAll(Audience audience) {
        return (audience.lists().contains(ALL_FANS) && !audience.excludedLists().contains(ALL_FANS))
                || (audience.lists().isEmpty() && audience.userIds().isEmpty());
    }

    private static boolean namesAnyone(Audience audience) {
        return !audience.lists().isEmpty()
                || !audience.userIds().isEmpty()
                || audience.subscribedAfter().isPresent();
    }

    private record Found(Campaign other, RepeatFinding.Match match, double similarity) {}

    private static Optional<Found> match(MessageContent content, Campaign other) {
        double similarity =
                TextSimilarity.similarity(content.text(), other.content().text());
        if (similarity == 1) {
            return Optional.of(new Found(other, RepeatFinding.Match.SAME_TEXT, similarity));
        }
        if (sameMedia(content.media(), other.content().media())) {
            return Optional.of(new Found(other, RepeatFinding.Match.SAME_MEDIA, similarity));
        }
        if (similarity >= TextSimilarity.NEARLY_SAME) {
            return Optional.of(new Found(other, RepeatFinding.Match.NEARLY_SAME_TEXT, similarity));
        }
        return Optional.empty();
    }

    private static boolean sameMedia(List<MediaItem> one, List<MediaItem> other) {
        return !one.isEmpty() && values(one).equals(values(other));
    }

    private static Set<String> values(List<MediaItem> media) {
        return media.stream().map(MediaItem::value).collect(Collectors.toSet());
    }
}
