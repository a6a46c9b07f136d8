package io.masscast.core.campaign;

import static io.masscast.core.model.CampaignState.APPROVED;
import static io.masscast.core.model.CampaignState.PENDING_APPROVAL;
import static io.masscast.core.model.CampaignState.UNSENT;

import io.masscast.core.model.AbPart;
import io.masscast.core.model.Approval;
import io.masscast.core.model.AuditEvent;
import io.masscast.core.model.Binding;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.ConnectionHealth;
import io.masscast.core.model.MessageContent;
import io.masscast.core.policy.FieldError;
import io.masscast.core.policy.Fields;
import io.masscast.core.policy.SendPolicy;
import io.masscast.core.port.Stores;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks and answers the campaign use cases share, single campaigns and A/B tests alike. */
final class CampaignChecks {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private CampaignChecks() {}

    /**
     * The creator's committed sends for the send policy's cap and gap: the campaigns of an A/B test go out together
     * and reach each fan once, so they count as one send.
     */
    static SendPolicy.SendsLookup sends(Stores stores, String connectionId) {
        return (from, to) -> {
            Set<Long> tests = new HashSet<>();
            return stores.campaigns().committedSends(connectionId, from, to).stream()
                    .filter(c -> stores.tests()
                            .partOf(c.id())
                            .map(part -> tests.add(part.testId()))
                            .orElse(true))
                    .toList();
        };
    }

    /** The campaign and, if it is part of an A/B test, every other campaign of that test. */
    static Set<Long> family(Stores stores, long campaignId) {
        return stores.tests()
                .partOf(campaignId)
                .map(part -> stores.tests().parts(part.testId()).stream()
                        .map(AbPart::campaignId)
                        .collect(Collectors.toSet()))
                .orElse(Set.of(campaignId));
    }

    /** A part of an A/B test is decided and cancelled with its test, never alone. */
    static void refuseTestPart(Stores stores, Campaign campaign, String what) {
        stores.tests().partOf(campaign.id()).ifPresent(part -> {
            Campaign lead = lead(stores, part, campaign);
            throw new CampaignException.IllegalTransition(
                    campaign.humanId() + " is variant " + part.variant() + " of the A/B" + " test " + lead.humanId()
                            + ", which is " + what + " as a whole: use " + lead.humanId() + ".");
        });
    }

    /** A test is composed once: a change means a new test. */
    static void refuseTestEdit(Stores stores, Campaign campaign) {
        stores.tests().partOf(campaign.id()).ifPresent(part -> {
            Campaign lead = lead(stores, part, campaign);
            throw new CampaignException.IllegalTransition((part.isLead()
                            ? campaign.humanId() + " is an A/B test"
                            : campaign.humanId() + " is variant " + part.variant() + " of the A/B test "
                                    + lead.humanId())
                    + ", and a test can't be edited: cancel it (/masscast cancel " + lead.humanId()
                    + ") and compose it again.");
        });
    }

    private static Campaign lead(Stores stores, AbPart part, Campaign orElse) {
        return stores.tests().parts(part.testId()).stream()
                .filter(AbPart::isLead)
                .findFirst()
                .flatMap(p -> stores.campaigns().find(p.campaignId()))
                .orElse(orElse);
    }

    /**
     * Refuses a text identical to that of a campaign going out within minutes of {@code at}, unless the requester
     * confirmed it: if a send's outcome is unknown, OFAuth's analytics can't tell the two messages apart.
     */
    static void refuseUnconfirmedTwin(
            Stores stores, Binding binding, MessageContent content, Instant at, Set<Long> family, boolean confirmed) {
        if (confirmed) {
            return;
        }
        RepeatGuard.twin(stores, binding.connectionId(), content, at, family).ifPresent(twin -> {
            throw new CampaignException.PolicyViolation(
                    List.of(
                            new FieldError(
                                    Fields.CONFIRM,
                                    twin.humanId()
                                            + " has the same text and goes out within "
                                            + RepeatGuard.TWIN_WINDOW.toMinutes() + " minutes of this one ("
                                            + local(twin.sendTime(), binding.zone())
                                            + "). If masscast ever can't learn whether one of them went"
                                            + " out, OFAuth's records can't tell the two apart. To send both on purpose, confirm it: confirm=yes"
                                            + " (on the form: \"Send it although it repeats\"); masscast then sends them one after the other.")));
        });
    }

    private static String local(Instant at, ZoneId zone) {
        return LOCAL.format(at.atZone(zone)) + " " + zone.getId();
    }

    /** While the creator's session is expired nothing can be sent for them, so nothing more is approved. */
    static void refuseIfSessionExpired(Stores stores, Campaign campaign, Binding binding) {
        stores.connections()
                .find(campaign.connectionId())
                .filter(connection -> connection.health() == ConnectionHealth.EXPIRED)
                .ifPresent(connection -> {
                    throw new CampaignException.NotPermitted(
                            binding.creatorName() + "'s OnlyFans session has expired"
                                    + " (OFAuth connection " + campaign.connectionId()
                                    + "), so masscast can't send for them and"
                                    + " approvals are on hold. " + campaign.humanId()
                                    + " stays pending: approve it once the"
                                    + " creator has reconnected through OFAuth Link and this channel says the session works again.");
                });
    }

    static Binding binding(Stores stores, ChannelRef channel) {
        return stores.bindings().find(channel).orElseThrow(CampaignException.NotBound::new);
    }

    /** The answer to a late click: who decided first, and where the campaign stands now. */
    static CampaignException alreadyDecided(Stores stores, Campaign campaign) {
        CampaignState state = campaign.state();
        boolean approved = state.isCommitted() || state == CampaignState.FAILED || state == UNSENT;
        CampaignState decisive = approved ? APPROVED : state;
        List<String> deciders = approved
                ? stores.approvals().forCampaign(campaign.id(), campaign.fingerprint()).stream()
                        .sorted(Comparator.comparing(Approval::at))
                        .map(Approval::approverId)
                        .distinct()
                        .toList()
                : stores.audit().forCampaign(campaign.id()).stream()
                        .filter(e -> e.to() == decisive
                                && e.from()
                                        .filter(from -> from == PENDING_APPROVAL)
                                        .isPresent())
                        .max(Comparator.comparing(AuditEvent::at))
                        .map(AuditEvent::actorId)
                        .filter(id -> !id.equals(CampaignLedger.SYSTEM_ACTOR))
                        .stream()
                        .toList();
        String who = deciders.isEmpty()
                ? ""
                : " by " + and(deciders.stream().map(Mention::of).toList());
        String what = switch (state) {
            case REJECTED -> "was already rejected";
            case CANCELLED -> "was cancelled";
            case EXPIRED -> "expired: its send time passed before it was approved";
            default -> "was already approved";
        };
        String now = approved && state != APPROVED ? "; it is now " + state.label() : "";
        return new CampaignException.AlreadyDecided(campaign.humanId() + " " + what + who + now + ".");
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    static String and(List<String> names) {
        return names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
