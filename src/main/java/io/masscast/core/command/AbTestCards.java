package io.masscast.core.command;

import static io.masscast.core.command.CardAction.Style.DANGER;
import static io.masscast.core.command.CardAction.Style.PRIMARY;

import io.masscast.core.abtest.Comparison;
import io.masscast.core.abtest.TestResults;
import io.masscast.core.abtest.VerdictText;
import io.masscast.core.campaign.AbTestService;
import io.masscast.core.campaign.BuyerNote;
import io.masscast.core.campaign.Fingerprint;
import io.masscast.core.campaign.Mention;
import io.masscast.core.model.AbSplit;
import io.masscast.core.model.AbTestParts;
import io.masscast.core.model.Attachment;
import io.masscast.core.model.Audience;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.CampaignStats;
import io.masscast.core.model.MediaItem;
import io.masscast.core.text.Markup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The card of an A/B test, on its lead campaign: every variant side by side (text excerpt, price, audience,
 * recipients), one approval for all of them, and once OFAuth reports numbers, the variants compared (viewed, bought,
 * conversion, revenue per recipient) with the verdict of a two-proportion test ({@link Comparison}).
 */
final class AbTestCards {
    static final String TEST = "A/B test";
    static final String COMPARISON = "Comparison";
    static final String VERDICT = "Verdict";
    private static final int EXCERPT = 120;

    private AbTestCards() {}

    static String variantLabel(String variant) {
        return "Variant " + variant;
    }

    static Card render(CampaignView view) {
        AbTestParts test = view.test().orElseThrow();
        Campaign lead = test.lead();
        List<Card.Field> fields = new ArrayList<>();
        fields.add(new Card.Field(
                CampaignCards.CREATOR, Markup.literal(view.binding().creatorName())));
        fields.add(new Card.Field(TEST, split(test)));
        for (String variant : test.variants()) {
            fields.add(new Card.Field(variantLabel(variant), variant(test, variant, view)));
        }
        fields.add(new Card.Field(
                CampaignCards.SEND_TIME,
                lead.scheduledAt()
                        .map(at -> Formats.when(at, view.binding().zone(), view.now()))
                        .orElse("immediately on approval")));
        fields.add(new Card.Field(CampaignCards.REQUESTED_BY, Mention.of(lead.requesterId())));
        fields.add(new Card.Field(CampaignCards.APPROVALS, CampaignCards.approvals(view)));
        fields.add(new Card.Field(CampaignCards.STATUS, status(test, view)));
        CampaignCards.repeats(view).ifPresent(fields::add);
        if (test.members().stream()
                .anyMatch(m -> m.stats().filter(CampaignStats::reportedYet).isPresent())) {
            addComparison(fields, test, view);
        }
        String context = lead.humanId() + " · A/B test · version "
                + Fingerprint.shortForm(AbTestService.fingerprint(test)) + " · "
                + test.campaigns().stream().map(Campaign::humanId).collect(Collectors.joining(", "));
        String kind = "A/B test of " + test.variants().size() + " variants";
        List<String> failed = test.campaigns().stream()
                .filter(c -> c.state() == CampaignState.FAILED)
                .map(Campaign::humanId)
                .toList();
        // a test some of whose messages failed stands as the others do, with the failed ones named and a warning tone
        CampaignState shown = test.campaigns().stream()
                .map(Campaign::state)
                .filter(state -> state != CampaignState.FAILED)
                .findFirst()
                .orElse(lead.state());
        boolean partly = !failed.isEmpty() && shown != CampaignState.FAILED;
        return new Card(
                lead.humanId() + " · " + kind + " for " + view.binding().creatorName() + " — "
                        + CampaignCards.headline(shown) + (partly ? ", " + String.join(", ", failed) + " failed" : ""),
                partly ? Card.Tone.WARNING : CampaignCards.tone(shown),
                fields,
                "",
                context,
                actions(test, view));
    }

    private static String split(AbTestParts test) {
        if (test.test().split() == AbSplit.LISTS) {
            return "split by lists: each variant goes to its own lists (a fan on the lists of two variants gets the first)";
        }
        return "random split of " + Formats.count(test.test().poolSize().orElse(0L)) + " fans (seed "
                + test.test().seed().map(String::valueOf).orElse("?") + "), each variant sent to its share by fan id";
    }

    /** {@code "text…" · $9.99 PPV · 1 media item · lists · ≈ 1,200 recipients · MC-2}. */
    private static String variant(AbTestParts test, String variant, CampaignView view) {
        List<Campaign> messages =
                test.of(variant).stream().map(AbTestParts.Member::campaign).toList();
        Campaign first = messages.get(0);
        List<String> parts = new ArrayList<>();
        parts.add(
                first.content().text().isBlank()
                        ? "(no text)"
                        : "\"" + Markup.literal(Formats.excerpt(first.content().text(), EXCERPT)) + "\"");
        parts.add(CampaignCards.price(first.content()));
        parts.add(media(first, view));
        if (test.test().split() == AbSplit.LISTS) {
            parts.add(CampaignCards.audience(first.audience(), view));
        }
        parts.add(recipients(test, variant, view));
        String ids = messages.stream().map(Campaign::humanId).collect(Collectors.joining(", "));
        parts.add(messages.size() == 1 ? ids : "in " + messages.size() + " messages (" + ids + ")");
        return String.join(" · ", parts);
    }

    /** {@code 2 media items} and, of files attached in chat, what they are: {@code (set.jpg, JPEG image, 2.4 MB)}. */
    private static String media(Campaign message, CampaignView view) {
        List<MediaItem> media = message.content().media();
        if (media.isEmpty()) {
            return "no media";
        }
        List<String> attached = media.stream()
                .flatMap(item -> Attachment.named(item, view.attachments()).stream())
                .map(CampaignCards::describe)
                .toList();
        return media.size() + " media item" + (media.size() == 1 ? "" : "s")
                + (attached.isEmpty() ? "" : ", attached: " + String.join(", ", attached));
    }

    /**
     * Split at random, the fans of the variant's share (OFAuth may still leave out some). By lists, an estimate from
     * the variant's own lists and exclusions: it also leaves out the earlier variants' lists, but how many of its fans
     * are on those too, only OFAuth knows, so after variant A it is an upper bound.
     */
    private static String recipients(AbTestParts test, String variant, CampaignView view) {
        List<Campaign> messages =
                test.of(variant).stream().map(AbTestParts.Member::campaign).toList();
        if (test.test().split() == AbSplit.RANDOM) {
            long fans = messages.stream()
                    .mapToLong(m -> m.audience().userIds().size())
                    .sum();
            return Formats.count(fans) + " fan" + (fans == 1 ? "" : "s") + " of the split";
        }
        List<String> earlierVariants =
                test.variants().stream().takeWhile(v -> !v.equals(variant)).toList();
        Set<String> earlierLists = earlierVariants.stream()
                .flatMap(v -> test.of(v).stream())
                .flatMap(m -> m.campaign().audience().lists().stream())
                .collect(Collectors.toSet());
        long total = 0;
        for (Campaign message : messages) {
            Audience audience = message.audience();
            Audience own = new Audience(
                    audience.userIds(),
                    audience.lists(),
                    audience.excludedLists().stream()
                            .filter(list -> !earlierLists.contains(list))
                            .toList(),
                    audience.subscribedAfter());
            OptionalLong estimate = CampaignCards.estimate(own, view.lists());
            if (estimate.isEmpty()) {
                return "recipients unknown (a list size is not available)";
            }
            total += estimate.getAsLong();
        }
        String count = Formats.count(total) + " recipient" + (total == 1 ? "" : "s");
        return earlierVariants.isEmpty()
                ? "≈ " + count
                : "at most ≈ " + count + " (a fan also on the lists of " + String.join(" or ", earlierVariants)
                        + " gets that variant)";
    }

    /** The lead's status when every campaign of the test stands the same, else each one's. */
    private static String status(AbTestParts test, CampaignView view) {
        if (test.campaigns().stream().map(Campaign::state).distinct().count() == 1) {
            return CampaignCards.status(view);
        }
        return test.campaigns().stream()
                .map(c -> c.humanId() + " " + c.state().label())
                .collect(Collectors.joining(" · "));
    }

    private static void addComparison(List<Card.Field> fields, AbTestParts test, CampaignView view) {
        List<Comparison.Variant> variants = TestResults.variants(test);
        boolean priced = TestResults.priced(test);
        List<String> lines = new ArrayList<>();
        List<String> failed = TestResults.failedVariants(test);
        for (Comparison.Variant v : variants) {
            if (failed.contains(v.label())) {
                lines.add(v.label() + ": failed, nothing sent");
                continue;
            }
            String bought = priced
                    ? " · " + Formats.count(v.bought()) + " bought ("
                            + VerdictText.percent(v.rate(Comparison.Metric.CONVERSION))
                            + " conversion) · " + BuyerNote.money(v.revenue())
                            + v.revenuePerRecipient()
                                    .map(per -> " (" + BuyerNote.money(per) + " per recipient)")
                                    .orElse("")
                    : "";
            lines.add(v.label() + ": " + Formats.count(v.sent()) + " sent · " + Formats.count(v.viewed()) + " viewed ("
                    + VerdictText.percent(v.rate(Comparison.Metric.VIEW_RATE)) + ")" + bought);
        }
        fields.add(new Card.Field(COMPARISON, String.join("\n", lines)));
        fields.add(new Card.Field(VERDICT, TestResults.verdict(test, VerdictText::of)));
        test.members().stream()
                .flatMap(m -> m.stats().flatMap(CampaignStats::asOf).stream())
                .max(Comparator.naturalOrder())
                .ifPresent(at -> fields.add(new Card.Field(CampaignCards.AS_OF, CampaignCards.clock(at, view))));
    }

    /** One approval covers every variant; decisions on one in-doubt message name it. */
    private static List<CardAction> actions(AbTestParts test, CampaignView view) {
        Campaign lead = test.lead();
        String fp = AbTestService.fingerprint(test);
        String named = "the A/B test " + lead.humanId();
        List<CardAction> actions = new ArrayList<>();
        switch (lead.state()) {
            case PENDING_APPROVAL -> {
                actions.add(new CardAction(
                        "Approve all",
                        new ActionId(ActionId.Verb.APPROVE, lead.id(), fp),
                        PRIMARY,
                        Optional.of(approveConfirm(test, view))));
                actions.add(new CardAction(
                        "Reject all", new ActionId(ActionId.Verb.REJECT, lead.id(), fp), DANGER, Optional.empty()));
                actions.add(CampaignCards.cancel(lead));
            }
            case SCHEDULED -> actions.add(CampaignCards.cancel(lead));
            case SENDING, SENT -> CampaignCards.unsend(lead, named, view).ifPresent(actions::add);
            default -> {
                // the rest: only in-doubt messages below
            }
        }
        test.campaigns().stream()
                .filter(c -> c.state() == CampaignState.IN_DOUBT)
                .forEach(c -> actions.addAll(CampaignCards.inDoubt(c, Optional.of(c.humanId()))));
        return actions;
    }

    private static CardAction.Confirm approveConfirm(AbTestParts test, CampaignView view) {
        Campaign lead = test.lead();
        String each = test.variants().stream()
                .map(v -> v + " "
                        + (test.of(v).get(0).campaign().content().isFree()
                                ? "free"
                                : Formats.money(
                                        test.of(v).get(0).campaign().content().price()))
                        + " to "
                        + recipients(test, v, view))
                .collect(Collectors.joining(", "));
        String when = lead.scheduledAt()
                .map(at -> "at " + Formats.when(at, view.binding().zone(), view.now()))
                .orElse("right now");
        return new CardAction.Confirm(
                "Approve the A/B test " + lead.humanId() + "?",
                "Send " + test.variants().size() + " variants (" + each + ") " + when + ", as "
                        + view.binding().creatorName() + ".",
                "Approve all",
                "Not yet",
                false);
    }
}
