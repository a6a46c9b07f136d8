package io.masscast.core.command;

import io.masscast.core.model.Audience;
import io.masscast.core.model.Binding;
import io.masscast.core.model.CampaignDraft;
import io.masscast.core.model.FanList;
import io.masscast.core.model.MediaItem;
import io.masscast.core.model.MessageContent;
import io.masscast.core.model.SendTime;
import io.masscast.core.policy.FieldError;
import io.masscast.core.policy.Fields;
import io.masscast.core.policy.MediaRules;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Builds a {@link CampaignDraft} from form values ({@code key -> value}), on top of a base draft (empty for
 * {@code new}, the campaign for {@code edit}). Text ({@link RawValue}) is read by the rules below and every
 * unreadable value becomes a field error saying how to write it; a value the platform already typed
 * ({@link FieldValue}: a flag, a number, a day, an exact instant) is taken as it is. The send policy then judges
 * the result.
 */
public final class DraftParser {
    private static final Pattern FAN_ID = Pattern.compile("[1-9][0-9]{0,18}");

    private final Clock clock;

    public DraftParser(Clock clock) {
        this.clock = clock;
    }

    /** A draft, or the errors that kept it from being read. */
    public record Result(Optional<CampaignDraft> draft, List<FieldError> errors) {
        public Result {
            errors = List.copyOf(errors);
        }
    }

    public static CampaignDraft empty() {
        return new CampaignDraft(new MessageContent("", true, false, List.of(), 0, BigDecimal.ZERO),
                new Audience(List.of(), List.of(), List.of(), Optional.empty()), Optional.empty());
    }

    /**
     * Reads {@code values} over {@code base}. {@code lists} is asked for only when a list field is given,
     * because it may call OFAuth.
     */
    public Result parse(Map<String, ? extends FieldValue> values, CampaignDraft base, Binding binding,
                        Supplier<List<FanList>> lists) {
        List<FieldError> errors = new ArrayList<>();
        values.keySet().stream().filter(key -> !Fields.ALL.contains(key)).sorted().forEach(key ->
                errors.add(new FieldError(key, "Unknown field \"" + key + "\"" + closest(key) + ". Fields are: "
                        + String.join(", ", Fields.ALL) + ".")));
        MessageContent content = base.content();
        Audience audience = base.audience();
        String text = value(values, Fields.TEXT).orElse(content.text());
        boolean markdown = flag(values, Fields.MARKDOWN, content.markdown(), errors);
        boolean locked = flag(values, Fields.LOCKED, content.lockedText(), errors);
        List<MediaItem> media = values.containsKey(Fields.MEDIA) ? media(items(values.get(Fields.MEDIA)), errors) : content.media();
        int preview = values.containsKey(Fields.PREVIEW) ? preview(values.get(Fields.PREVIEW), errors) : content.previewCount();
        BigDecimal price = values.containsKey(Fields.PRICE) ? price(values.get(Fields.PRICE), errors) : content.price();
        List<String> userIds = values.containsKey(Fields.USERS) ? fanIds(items(values.get(Fields.USERS)), errors)
                : audience.userIds();
        List<String> included = audience.lists();
        List<String> excluded = audience.excludedLists();
        if (values.containsKey(Fields.LISTS) || values.containsKey(Fields.EXCLUDE)) {
            List<FanList> known = lists.get();
            included = listIds(values, Fields.LISTS, included, known, errors);
            excluded = listIds(values, Fields.EXCLUDE, excluded, known, errors);
        }
        Optional<Instant> subscribedAfter = values.containsKey(Fields.SUBSCRIBED_AFTER)
                ? subscribedAfter(values.get(Fields.SUBSCRIBED_AFTER), binding, errors) : audience.subscribedAfter();
        Optional<SendTime> sendAt = values.containsKey(Fields.AT) ? sendAt(values.get(Fields.AT), binding, errors) : base.sendAt();
        if (!errors.isEmpty()) {
            return new Result(Optional.empty(), errors);
        }
        CampaignDraft draft = new CampaignDraft(new MessageContent(text, markdown, locked, media, preview, price),
                new Audience(userIds, included, excluded, subscribedAfter), sendAt);
        return new Result(Optional.of(draft), List.of());
    }

    private static Optional<String> value(Map<String, ? extends FieldValue> values, String key) {
        return Optional.ofNullable(values.get(key)).map(FieldValue::text);
    }

    /** The items of a text value; a typed value is one item. */
    private static RawValue items(FieldValue value) {
        return value instanceof RawValue raw ? raw : RawValue.of(value.text());
    }

    private static boolean flag(Map<String, ? extends FieldValue> values, String key, boolean fallback, List<FieldError> errors) {
        if (!values.containsKey(key)) {
            return fallback;
        }
        if (values.get(key) instanceof FieldValue.Flag flag) {
            return flag.value();
        }
        String raw = values.get(key).text().strip().toLowerCase(Locale.ROOT);
        return switch (raw) {
            case "yes", "true", "on", "1" -> true;
            case "no", "false", "off", "0", "" -> false;
            default -> {
                errors.add(new FieldError(key, "\"" + raw + "\" is not yes or no: write " + key + "=yes or " + key + "=no."));
                yield fallback;
            }
        };
    }

    private static List<MediaItem> media(RawValue raw, List<FieldError> errors) {
        List<MediaItem> media = new ArrayList<>();
        for (String item : raw.items()) {
            if (item.isBlank()) {
                continue;
            }
            MediaRules.classify(item).ifPresentOrElse(media::add,
                    () -> errors.add(new FieldError(Fields.MEDIA, MediaRules.explain(item.strip()) + ".")));
        }
        return media;
    }

    private static int preview(FieldValue value, List<FieldError> errors) {
        if (value instanceof FieldValue.Count count && count.value() >= 0 && count.value() <= Integer.MAX_VALUE) {
            return (int) count.value();
        }
        return preview(value.text(), errors);
    }

    private static int preview(String raw, List<FieldError> errors) {
        try {
            int value = Integer.parseInt(raw.strip().isEmpty() ? "0" : raw.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(new FieldError(Fields.PREVIEW, "\"" + raw + "\" is not a preview count: write a whole number "
                + "such as 0 or 1 (how many of the first media are free)."));
        return 0;
    }

    private static BigDecimal price(FieldValue value, List<FieldError> errors) {
        if (value instanceof FieldValue.Amount amount) {
            return amount.value();
        }
        return price(value.text(), errors);
    }

    private static BigDecimal price(String raw, List<FieldError> errors) {
        String value = raw.strip().replace("$", "");
        if (value.isEmpty() || value.equalsIgnoreCase("free")) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(Fields.PRICE, "\"" + raw + "\" is not a price: write it like 12.50, or 0 for free."));
            return BigDecimal.ZERO;
        }
    }

    private static List<String> fanIds(RawValue raw, List<FieldError> errors) {
        List<String> ids = new ArrayList<>();
        for (String item : raw.items()) {
            String id = item.strip();
            if (id.isEmpty()) {
                continue;
            }
            if (FAN_ID.matcher(id).matches()) {
                ids.add(id);
            } else {
                errors.add(new FieldError(Fields.USERS, "\"" + id + "\" is not a fan id: fan ids are positive numbers, "
                        + "separated by commas."));
            }
        }
        return ids;
    }

    private static List<String> listIds(Map<String, ? extends FieldValue> values, String key, List<String> fallback,
                                        List<FanList> known, List<FieldError> errors) {
        if (!values.containsKey(key)) {
            return fallback;
        }
        ListResolver.Resolved resolved = ListResolver.resolve(key, items(values.get(key)).items(), known);
        errors.addAll(resolved.errors());
        return resolved.ids();
    }

    private Optional<Instant> subscribedAfter(FieldValue value, Binding binding, List<FieldError> errors) {
        if (value instanceof FieldValue.Day day) {
            return Optional.of(day.value().atStartOfDay(binding.zone()).toInstant());
        }
        return subscribedAfter(value.text(), binding, errors);
    }

    private Optional<Instant> subscribedAfter(String raw, Binding binding, List<FieldError> errors) {
        if (raw.isBlank()) {
            return Optional.empty();
        }
        Optional<LocalDate> date = TimeInput.date(raw);
        if (date.isEmpty()) {
            errors.add(new FieldError(Fields.SUBSCRIBED_AFTER, "\"" + raw + "\" is not a date: write it like 2026-01-31."));
        }
        return date.map(d -> d.atStartOfDay(binding.zone()).toInstant());
    }

    /** An exact instant (a picker's) stays exact; typed text is a wall-clock time in the creator's zone. */
    private Optional<SendTime> sendAt(FieldValue value, Binding binding, List<FieldError> errors) {
        if (value instanceof FieldValue.Moment moment) {
            return Optional.of(SendTime.exact(moment.value()));
        }
        return sendAt(value.text(), binding, errors).map(SendTime::local);
    }

    private Optional<LocalDateTime> sendAt(String raw, Binding binding, List<FieldError> errors) {
        if (raw.isBlank() || raw.strip().equalsIgnoreCase("now")) {
            return Optional.empty();
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), binding.zone());
        Optional<LocalDateTime> at = TimeInput.dateTime(raw, now, binding.zone());
        if (at.isEmpty()) {
            errors.add(new FieldError(Fields.AT, "\"" + raw + "\" is not a send time: " + TimeInput.SEND_TIME_HELP + "."));
        }
        return at;
    }

    private static String closest(String key) {
        return Fields.ALL.stream()
                .min(Comparator.comparingInt(known -> ListResolver.distance(known, key)))
                .filter(known -> ListResolver.distance(known, key) <= 2)
                .map(known -> " (did you mean " + known + "?)")
                .orElse("");
    }
}
