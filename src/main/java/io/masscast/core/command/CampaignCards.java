package io.masscast.core.command;

import static io.masscast.core.command.CardAction.Style.DANGER;
import static io.masscast.core.command.CardAction.Style.DEFAULT;
import static io.masscast.core.command.CardAction.Style.PRIMARY;

import io.masscast.core.campaign.BuyerNote;
import io.masscast.core.campaign.Fingerprint;
import io.masscast.core.campaign.Mention;
import io.masscast.core.model.Attachment;
import io.masscast.core.model.Audience;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.CampaignStats;
import io.masscast.core.model.FanList;
import io.masscast.core.model.MessageContent;
import io.masscast.core.model.StatsFigures;
import io.masscast.core.policy.MediaLimits;
import io.masscast.core.text.Markup;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Renders a campaign as the card the channel sees: what goes out, to whom (with an estimated recipient
 * count), when (creator's zone, UTC, relative), who asked, who approved, where it stands, and the buttons
 * that make sense in that state. The same card is posted once and then updated in place.
 */
public final class CampaignCards {
    public static final String CREATOR = "Creator";
    public static final String MEDIA = "Media";
    public static final String PRICE = "Price";
    public static final String AUDIENCE = "Audience";
    public static final String RECIPIENTS = "Recipients";
    public static final String SEND_TIME = "Send time";
    public static final String REQUESTED_BY = "Requested by";
    public static final String APPROVALS = "Approvals";
    public static final String STATUS = "Status";
    public static final String SENT = "Sent";
    public static final String VIEWED = "Viewed";
    public static final String BOUGHT = "Bought";
    public static final String REVENUE = "Revenue";
    public static final String AS_OF = "As of";
    /** The repeat guard's warning, on a card waiting for approval. */
    public static final String REPEATS = "Repeats";

    private static final int TEXT_PREVIEW = 500;
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_HOUR_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public Card render(CampaignView view) {
        if (view.test().isPresent()) {
            return AbTestCards.render(view);
        }
        Campaign c = view.campaign();
        List<Card.Field> fields = new ArrayList<>();
        fields.add(new Card.Field(CREATOR, Markup.literal(view.binding().creatorName())));
        fields.add(new Card.Field(PRICE, price(c.content())));
        fields.add(new Card.Field(MEDIA, media(c.content(), view.attachments())));
        fields.add(new Card.Field(AUDIENCE, audience(c.audience(), view)));
        fields.add(new Card.Field(RECIPIENTS, recipients(c.audience(), view)));
        fields.add(new Card.Field(
                SEND_TIME,
                c.scheduledAt()
                        .map(at -> Formats.when(at, view.binding().zone(), view.now()))
                        .orElse("immediately on approval")));
        fields.add(new Card.Field(REQUESTED_BY, Mention.of(c.requesterId())));
        fields.add(new Card.Field(APPROVALS, approvals(view)));
        fields.add(new Card.Field(STATUS, status(view)));
        repeats(view).ifPresent(fields::add);
        view.stats().filter(CampaignStats::reportedYet).ifPresent(stats -> addResults(fields, c, stats, view));
        String context = c.humanId() + " · version " + Fingerprint.shortForm(c.fingerprint())
                + c.ofauthMessageId().map(id -> " · OFAuth message " + id).orElse("");
        return new Card(
                title(c, view.binding().creatorName()),
                tone(c.state()),
                fields,
                Markup.literal(Formats.excerpt(c.content().text(), TEXT_PREVIEW)),
                context,
                actions(view));
    }

    /** One line per campaign for {@code /masscast list}. */
    public String line(Campaign c, ZoneId zone, Instant now) {
        return c.humanId() + " · " + c.state().label() + " · " + price(c.content()) + " · "
                + c.scheduledAt().map(at -> Formats.when(at, zone, now)).orElse("on approval")
                + " · " + Mention.of(c.requesterId()) + " · \""
                + Markup.literal(Formats.excerpt(c.content().text(), 40)) + "\"";
    }

    /** The estimated recipients: included list sizes added, excluded subtracted, plus explicit fan ids. */
    public static OptionalLong estimate(Audience audience, List<FanList> lists) {
        long total = audience.userIds().size();
        for (String id : audience.lists()) {
            Optional<Long> size =
                    lists.stream().filter(l -> l.id().equals(id)).findFirst().flatMap(FanList::usersCount);
            if (size.isEmpty()) {
                return OptionalLong.empty();
            }
            total += size.get();
        }
        for (String id : audience.excludedLists()) {
            total -= lists.stream()
                    .filter(l -> l.id().equals(id))
                    .findFirst()
                    .flatMap(FanList::usersCount)
                    .orElse(0L);
        }
        return OptionalLong.of(Math.max(0, total));
    }

    /** The repeat warning, while the campaign waits for approval and repeats a recent one. */
    static Optional<Card.Field> repeats(CampaignView view) {
        if (view.repeats().isEmpty() || view.campaign().state() != CampaignState.PENDING_APPROVAL) {
            return Optional.empty();
        }
        return Optional.of(new Card.Field(REPEATS, RepeatText.warning(view.repeats(), view.now())));
    }

    private static String title(Campaign c, String creator) {
        String kind = c.content().isFree()
                ? "Message"
                : "PPV " + Formats.money(c.content().price());
        return c.humanId() + " · " + kind + " for " + creator + " — " + headline(c.state());
    }

    static String headline(CampaignState state) {
        return switch (state) {
            case PENDING_APPROVAL -> "awaiting approval";
            case APPROVED, SUBMITTING -> "approved, sending to OFAuth";
            case IN_DOUBT -> "outcome unknown, decision needed";
            default -> state.label();
        };
    }

    static Card.Tone tone(CampaignState state) {
        return switch (state) {
            case PENDING_APPROVAL -> Card.Tone.PENDING;
            case APPROVED, SUBMITTING, SCHEDULED, SENDING, SENT -> Card.Tone.GOOD;
            case IN_DOUBT -> Card.Tone.WARNING;
            case FAILED, REJECTED -> Card.Tone.DANGER;
            case EXPIRED, CANCELLED, UNSENT -> Card.Tone.NEUTRAL;
        };
    }

    static String price(MessageContent content) {
        String price = content.isFree() ? "free" : Formats.money(content.price()) + " PPV";
        return content.lockedText() ? price + ", text locked" : price;
    }

    /** Each item as it was given; a file attached from chat as its name, type and size ({@code set.jpg, JPEG image, 2.4 MB}). */
    private static String media(MessageContent content, List<Attachment> attachments) {
        int media = content.media().size();
        if (media == 0) {
            return "none";
        }
        String previews = content.previewCount() == 0
                ? "no free preview"
                : content.previewCount() + " free preview" + (content.previewCount() == 1 ? "" : "s");
        return media + " item" + (media == 1 ? "" : "s") + " (" + previews + "): "
                + String.join(
                        ", ",
                        content.media().stream()
                                .map(item -> Attachment.named(item, attachments)
                                        .map(CampaignCards::describe)
                                        .orElse(item.toString()))
                                .toList());
    }

    /** A file attached in chat as the card names it: {@code set.jpg (JPEG image, 2.4 MB)}. */
    static String describe(Attachment a) {
        return Markup.literal(a.fileName()) + " (" + MediaLimits.label(a.contentType()) + ", "
                + MediaLimits.size(a.size()) + ")";
    }

    static String audience(Audience audience, CampaignView view) {
        List<String> parts = new ArrayList<>();
        if (!audience.lists().isEmpty()) {
            parts.add(String.join(
                    ", ",
                    audience.lists().stream().map(id -> listLabel(id, view)).toList()));
        }
        if (!audience.userIds().isEmpty()) {
            parts.add(
                    audience.userIds().size() + " fan id" + (audience.userIds().size() == 1 ? "" : "s"));
        }
        audience.subscribedAfter()
                .ifPresent(after -> parts.add("only fans subscribed after "
                        + after.atZone(view.binding().zone()).toLocalDate()));
        if (!audience.excludedLists().isEmpty()) {
            parts.add("excluding "
                    + String.join(
                            ", ",
                            audience.excludedLists().stream()
                                    .map(id -> listLabel(id, view))
                                    .toList()));
        }
        return String.join(" · ", parts);
    }

    private static String listLabel(String id, CampaignView view) {
        return view.list(id)
                .map(l -> Markup.literal(l.name())
                        + l.usersCount().map(n -> " (" + Formats.count(n) + ")").orElse(""))
                .orElse("list " + id);
    }

    private static String recipients(Audience audience, CampaignView view) {
        OptionalLong estimate = estimate(audience, view.lists());
        if (estimate.isEmpty()) {
            return "unknown (a list size is not available)";
        }
        String note = audience.subscribedAfter().isPresent()
                ? "estimate before the subscribed-after filter"
                : "estimate: list sizes added, exclusions subtracted";
        return "≈ " + Formats.count(estimate.getAsLong()) + " (" + note + ")";
    }

    static String approvals(CampaignView view) {
        int required = view.binding().policy().requiredApprovals();
        if (view.approvals().isEmpty()) {
            return "0 of " + required;
        }
        return view.approvals().size() + " of " + required + ": "
                + String.join(
                        ", ",
                        view.approvals().stream()
                                .map(a -> Mention.of(a.approverId()))
                                .toList());
    }

    static String status(CampaignView view) {
        Campaign c = view.campaign();
        ZoneId zone = view.binding().zone();
        String note = c.note().map(n -> ": " + n).orElse("");
        return switch (c.state()) {
            case PENDING_APPROVAL ->
                c.ofauthMessageId().isPresent()
                        ? "edited; the version approved earlier stays scheduled at OFAuth until this one is approved"
                        : "waiting for approval";
            case APPROVED ->
                "approved" + decidedBy(view, "approve") + "; submitting to OFAuth"
                        + c.note().map(n -> " (" + n + ")").orElse("");
            case SUBMITTING -> "submitting to OFAuth";
            case SCHEDULED ->
                "scheduled at OFAuth for "
                        + c.scheduledAt()
                                .map(at -> Formats.when(at, zone, view.now()))
                                .orElse("?") + missing(view);
            case SENDING ->
                "sending"
                        + c.sentAt()
                                .map(at -> " since " + Formats.when(at, zone, view.now()))
                                .orElse("") + missing(view);
            case SENT ->
                "sent"
                        + c.sentAt()
                                .map(at -> " " + Formats.when(at, zone, view.now()))
                                .orElse("")
                        + c.unsendableUntil()
                                .filter(until -> until.isAfter(view.now()))
                                .map(until -> "; can be unsent until " + Formats.when(until, zone, view.now()))
                                .orElse("")
                        + missing(view);
            case IN_DOUBT ->
                "unknown whether OFAuth sent it" + note
                        + ". masscast will not send it again on its own: if it reached fans press Mark as sent, "
                        + "if not press Send again";
            case FAILED -> "failed" + note;
            case REJECTED -> "rejected" + decidedBy(view, "reject") + note;
            case CANCELLED -> "cancelled" + decidedBy(view, "cancel");
            case EXPIRED -> "expired: not approved before its send time";
            case UNSENT -> "unsent" + decidedBy(view, "unsend") + "; fans who bought it keep access";
        };
    }

    /** The live numbers: sent, viewed (view rate), bought (conversion), revenue, and when OFAuth reported them. */
    private static void addResults(List<Card.Field> fields, Campaign c, CampaignStats stats, CampaignView view) {
        StatsFigures f = stats.figures();
        String sent = Formats.count(f.sent())
                + stats.recipients()
                        .filter(total -> total > f.sent())
                        .map(total -> " of " + Formats.count(total))
                        .orElse("");
        fields.add(new Card.Field(SENT, sent));
        fields.add(new Card.Field(VIEWED, Formats.count(f.viewed()) + share(f.viewed(), f.sent())));
        if (!c.content().isFree()) {
            fields.add(new Card.Field(BOUGHT, Formats.count(f.purchased()) + share(f.purchased(), f.sent())));
            fields.add(new Card.Field(
                    REVENUE,
                    BuyerNote.money(f.revenue())
                            + (f.revenueReported() ? " (reported by OFAuth)" : " (purchases × price)")));
        }
        fields.add(new Card.Field(AS_OF, clock(stats.asOf().orElseThrow(), view)));
    }

    /** {@code " · 45.0 % of sent"} ({@code 0.05 %} below one percent), or nothing before anything was sent. */
    static String share(long part, long sent) {
        if (sent == 0) {
            return "";
        }
        double percent = 100.0 * part / sent;
        return String.format(
                Locale.US, percent > 0 && percent < 1 ? " · %.2f %% of sent" : " · %.1f %% of sent", percent);
    }

    /** {@code 14:05 Europe/Berlin}, with the date when it is not today there. */
    static String clock(Instant at, CampaignView view) {
        ZoneId zone = view.binding().zone();
        boolean today =
                at.atZone(zone).toLocalDate().equals(view.now().atZone(zone).toLocalDate());
        return (today ? HOUR_MINUTE : DAY_HOUR_MINUTE).format(at.atZone(zone)) + " " + zone.getId();
    }

    private static String missing(CampaignView view) {
        return view.stats()
                .flatMap(CampaignStats::missingSince)
                .map(since -> "; OFAuth no longer lists it (since " + clock(since, view)
                        + "): deleted outside masscast? Figures as last seen")
                .orElse("");
    }

    private static String decidedBy(CampaignView view, String action) {
        return view.last(action)
                .filter(e -> !e.actorId().equals("masscast"))
                .map(e -> " by " + Mention.of(e.actorId()) + " " + Formats.relative(e.at(), view.now()))
                .orElse("");
    }

    private List<CardAction> actions(CampaignView view) {
        Campaign c = view.campaign();
        String fp = c.fingerprint();
        List<CardAction> actions = new ArrayList<>();
        switch (c.state()) {
            case PENDING_APPROVAL -> {
                actions.add(new CardAction(
                        "Approve",
                        new ActionId(ActionId.Verb.APPROVE, c.id(), fp),
                        PRIMARY,
                        Optional.of(approveConfirm(view))));
                actions.add(new CardAction(
                        "Reject", new ActionId(ActionId.Verb.REJECT, c.id(), fp), DANGER, Optional.empty()));
                actions.add(new CardAction(
                        "Edit", new ActionId(ActionId.Verb.EDIT, c.id(), fp), DEFAULT, Optional.empty()));
                actions.add(cancel(c));
            }
            case SCHEDULED -> {
                actions.add(new CardAction(
                        "Edit", new ActionId(ActionId.Verb.EDIT, c.id(), fp), DEFAULT, Optional.empty()));
                actions.add(cancel(c));
            }
            case SENDING, SENT -> unsend(c, "", view).ifPresent(actions::add);
            case IN_DOUBT -> actions.addAll(inDoubt(c, Optional.empty()));
            default -> {
                // finished campaigns keep no buttons
            }
        }
        return actions;
    }

    /**
     * Unsend, while OFAuth's unsend window is open; {@code what} names the campaign in the dialog (the card's own:
     * empty).
     */
    static Optional<CardAction> unsend(Campaign c, String what, CampaignView view) {
        Optional<Instant> until = c.unsendableUntil().filter(at -> at.isAfter(view.now()));
        if (c.ofauthMessageId().isEmpty() || until.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CardAction(
                "Unsend (until "
                        + HOUR_MINUTE.format(until.get().atZone(view.binding().zone())) + ")",
                new ActionId(ActionId.Verb.UNSEND, c.id(), c.fingerprint()),
                DANGER,
                Optional.of(new CardAction.Confirm(
                        "Unsend " + (what.isEmpty() ? c.humanId() : what) + "?",
                        "It disappears from fans' inboxes. Fans who already bought it keep access.",
                        "Unsend",
                        "Keep it",
                        true))));
    }

    /**
     * The decisions on an in-doubt campaign; {@code target} names it on the buttons when the card is not its own
     * (a campaign of an A/B test, on the test's card).
     */
    static List<CardAction> inDoubt(Campaign c, Optional<String> target) {
        String named = target.map(id -> " " + id).orElse("");
        return List.of(
                new CardAction(
                        "Mark" + named + " as sent",
                        new ActionId(ActionId.Verb.MARK_SENT, c.id(), c.fingerprint()),
                        DEFAULT,
                        Optional.empty(),
                        target),
                new CardAction(
                        "Send" + named + " again",
                        new ActionId(ActionId.Verb.SEND_AGAIN, c.id(), c.fingerprint()),
                        DANGER,
                        Optional.of(new CardAction.Confirm(
                                "Send " + c.humanId() + " again?",
                                "Only if you checked OnlyFans and it did NOT go out: otherwise fans get it twice.",
                                "Send again",
                                "Don't send",
                                true)),
                        target));
    }

    static CardAction cancel(Campaign c) {
        return new CardAction(
                "Cancel",
                new ActionId(ActionId.Verb.CANCEL, c.id(), c.fingerprint()),
                DEFAULT,
                Optional.of(new CardAction.Confirm(
                        "Cancel " + c.humanId() + "?", "It will not be sent.", "Cancel it", "Keep it", true)));
    }

    private static CardAction.Confirm approveConfirm(CampaignView view) {
        Campaign c = view.campaign();
        String price = c.content().isFree()
                ? "free"
                : "for " + Formats.money(c.content().price());
        String to = estimate(c.audience(), view.lists()).stream()
                .mapToObj(n -> "≈ " + Formats.count(n) + " fans")
                .findFirst()
                .orElse("the chosen audience");
        String when = c.scheduledAt()
                .map(at -> "at " + Formats.when(at, view.binding().zone(), view.now()))
                .orElse("right now");
        return new CardAction.Confirm(
                "Approve " + c.humanId() + "?",
                "Send " + price + " to " + to + " " + when + ", as "
                        + view.binding().creatorName() + ".",
                "Approve",
                "Not yet",
                false);
    }
}
