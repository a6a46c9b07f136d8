package io.masscast.core.policy;

import io.masscast.core.model.Audience;
import io.masscast.core.model.Binding;
import io.masscast.core.model.BindingPolicy;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignDraft;
import io.masscast.core.model.MediaItem;
import io.masscast.core.model.MessageContent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What may be sent, checked when a campaign is composed or edited and again when it is approved.
 * Every failure is a {@link FieldError} on the field to fix.
 */
public final class SendPolicy {
    public static final int MAX_TEXT_LENGTH = 10_000;
    public static final BigDecimal MIN_PRICE = new BigDecimal("3.00");
    public static final BigDecimal MAX_PRICE = new BigDecimal("200.00");
    public static final Duration MIN_LEAD = Duration.ofMinutes(1);
    public static final Duration MAX_LEAD = Duration.ofDays(90);

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Other committed sends of the same creator whose send time lies in [from, to). */
    @FunctionalInterface
    public interface SendsLookup {
        List<Campaign> between(Instant from, Instant to);
    }

    /** The outcome of checking a draft: errors, or the resolved send time with any notes for the requester. */
    public record DraftVerdict(List<FieldError> errors, Optional<Instant> scheduledAt, List<String> notes) {
        public DraftVerdict {
            errors = List.copyOf(errors);
            notes = List.copyOf(notes);
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Checks a draft for {@code binding} at {@code now}; {@code self} is the campaign being edited, if any. */
    public DraftVerdict checkDraft(CampaignDraft draft, Binding binding, Instant now, SendsLookup sends, long self) {
        List<FieldError> errors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        checkContent(draft.content(), errors);
        checkAudience(draft.audience(), now, errors);
        Optional<Instant> scheduledAt = Optional.empty();
        if (draft.sendAt().isPresent()) {
            ScheduleResolver.Resolution resolution =
                    ScheduleResolver.resolve(draft.sendAt().get(), binding.zone());
            resolution.error().ifPresent(errors::add);
            resolution.note().ifPresent(notes::add);
            scheduledAt = resolution.instant();
        }
        if (draft.sendAt().isEmpty() || scheduledAt.isPresent()) {
            checkTiming(scheduledAt, binding, now, sends, self, errors);
        }
        return new DraftVerdict(errors, scheduledAt, notes);
    }

    /** Checks a stored campaign again, as it stands at approval time. */
    public List<FieldError> checkBeforeApproval(Campaign campaign, Binding binding, Instant now, SendsLookup sends) {
        List<FieldError> errors = new ArrayList<>();
        checkContent(campaign.content(), errors);
        checkAudience(campaign.audience(), now, errors);
        checkTiming(campaign.scheduledAt(), binding, now, sends, campaign.id(), errors);
        return errors;
    }

    private static void checkContent(MessageContent content, List<FieldError> errors) {
        if (content.text().length() > MAX_TEXT_LENGTH) {
            errors.add(new FieldError(
                    Fields.TEXT,
                    "The text is " + content.text().length() + " characters; OnlyFans allows at most " + MAX_TEXT_LENGTH
                            + ". Shorten it."));
        } else if (content.text().isBlank() && content.media().isEmpty()) {
            errors.add(new FieldError(Fields.TEXT, "Write a text or add media: an empty message can't be sent."));
        } else {
            TextRules.problem(content.text(), MAX_TEXT_LENGTH, TextRules.Lines.MULTI)
                    .ifPresent(problem -> errors.add(new FieldError(Fields.TEXT, "The text " + problem)));
        }
        checkMedia(content, errors);
        checkPrice(content, errors);
    }

    private static void checkMedia(MessageContent content, List<FieldError> errors) {
        for (MediaItem item : content.media()) {
            if (!MediaRules.isValid(item)) {
                errors.add(new FieldError(Fields.MEDIA, MediaRules.explain(item.value())));
            }
        }
        int media = content.media().size();
        if (content.previewCount() < 0) {
            errors.add(new FieldError(Fields.PREVIEW, "The preview count can't be negative."));
        } else if (content.previewCount() > media) {
            errors.add(new FieldError(
                    Fields.PREVIEW,
                    "Preview count " + content.previewCount() + " is more than the " + media
                            + " media item(s); the first N media are the free previews."));
        }
    }

    private static void checkPrice(MessageContent content, List<FieldError> errors) {
        BigDecimal price = content.price();
        if (price.signum() < 0) {
            errors.add(new FieldError(Fields.PRICE, "The price can't be negative: use 0 (free) or 3.00 to 200.00."));
            return;
        }
        if (price.signum() == 0) {
            if (content.lockedText()) {
                errors.add(new FieldError(
                        Fields.LOCKED,
                        "Locked text needs a price: set a price of 3.00 to 200.00, or turn locking off."));
            }
            return;
        }
        if (price.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError(
                    Fields.PRICE,
                    "Prices have at most two decimals (cents): " + price.toPlainString() + " is not a valid price."));
        }
        if (price.compareTo(MIN_PRICE) < 0 || price.compareTo(MAX_PRICE) > 0) {
            errors.add(new FieldError(
                    Fields.PRICE,
                    "A PPV price must be 3.00 to 200.00 (or 0 for free); " + price.toPlainString()
                            + " is outside that range."));
        }
        if (content.media().isEmpty()) {
            errors.add(new FieldError(
                    Fields.MEDIA, "A priced message needs media to sell: add media, or set the price to 0."));
        } else if (content.previewCount() >= content.media().size()) {
            errors.add(new FieldError(
                    Fields.PREVIEW,
                    "Every media item is a free preview, so nothing is behind the price: "
                            + "lower the preview count."));
        }
    }

    private static void checkAudience(Audience audience, Instant now, List<FieldError> errors) {
        if (!audience.isNamed()) {
            errors.add(new FieldError(
                    Fields.LISTS,
                    "Choose who receives it: at least one list, fan ids or a "
                            + "subscribed-after date. masscast never sends to everyone by accident."));
        }
        Set<String> both = new HashSet<>(audience.lists());
        both.retainAll(audience.excludedLists());
        if (!both.isEmpty()) {
            errors.add(new FieldError(
                    Fields.EXCLUDE,
                    "List(s) " + String.join(", ", both.stream().sorted().toList())
                            + " are both included and excluded: remove them from one side."));
        }
        audience.subscribedAfter()
                .filter(after -> after.isAfter(now))
                .ifPresent(after -> errors.add(new FieldError(
                        Fields.SUBSCRIBED_AFTER,
                        "The subscribed-after date is in the future, so nobody would receive it: pick a past date.")));
    }

    private static void checkTiming(
            Optional<Instant> scheduledAt,
            Binding binding,
            Instant now,
            SendsLookup sends,
            long self,
            List<FieldError> errors) {
        Instant sendTime = scheduledAt.orElse(now);
        ZoneId zone = binding.zone();
        // a time outside the window is refused on its own: the channel's rules for that day are moot (and a day
        // at the edge of what java.time can represent has no "next day" to count sends in)
        if (scheduledAt.isPresent()) {
            if (sendTime.isBefore(now.plus(MIN_LEAD))) {
                errors.add(
                        new FieldError(
                                Fields.AT,
                                "The send time " + local(sendTime, zone)
                                        + " must be at least one minute from now. Pick a later time, or leave it empty to send on approval."));
                return;
            } else if (sendTime.isAfter(now.plus(MAX_LEAD))) {
                errors.add(new FieldError(
                        Fields.AT,
                        "The send time " + local(sendTime, zone)
                                + " is more than 90 days ahead. Pick an earlier date."));
                return;
            }
        }
        BindingPolicy policy = binding.policy();
        policy.quietHours()
                .filter(quiet -> quiet.contains(sendTime.atZone(zone).toLocalTime()))
                .ifPresent(quiet -> errors.add(new FieldError(
                        Fields.AT,
                        local(sendTime, zone) + " falls in this channel's quiet hours (" + quiet + " " + zone.getId()
                                + "). Schedule it outside them.")));
        checkCap(sendTime, binding, sends, self, errors);
        checkGap(sendTime, binding, sends, self, errors);
    }

    private static void checkCap(
            Instant sendTime, Binding binding, SendsLookup sends, long self, List<FieldError> errors) {
        if (binding.policy().dailyCap().isEmpty()) {
            return;
        }
        int cap = binding.policy().dailyCap().get();
        LocalDate day = sendTime.atZone(binding.zone()).toLocalDate();
        Instant dayStart = day.atStartOfDay(binding.zone()).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(binding.zone()).toInstant();
        long others = sends.between(dayStart, dayEnd).stream()
                .filter(c -> c.id() != self)
                .count();
        if (others >= cap) {
            errors.add(new FieldError(
                    Fields.AT,
                    binding.creatorName() + " already has " + others + " send(s) on " + day
                            + " and this channel allows " + cap + " a day. Pick another day."));
        }
    }

    private static void checkGap(
            Instant sendTime, Binding binding, SendsLookup sends, long self, List<FieldError> errors) {
        Duration gap = binding.policy().minGap();
        if (gap.isZero()) {
            return;
        }
        sends.between(sendTime.minus(gap).plusMillis(1), sendTime.plus(gap)).stream()
                .filter(c -> c.id() != self)
                .findFirst()
                .ifPresent(near -> errors.add(new FieldError(
                        Fields.AT,
                        near.humanId() + " goes out at "
                                + local(near.sendTime(), binding.zone()) + " and this channel keeps " + describe(gap)
                                + " between sends. Pick a time at least that far from it.")));
    }

    static String local(Instant instant, ZoneId zone) {
        ZonedDateTime time = instant.atZone(zone);
        return LOCAL_TIME.format(time) + " " + zone.getId();
    }

    static String describe(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + " h" : minutes + " min";
    }
}
