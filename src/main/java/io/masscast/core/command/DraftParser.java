package io.masscast.core.command;

import io.masscast.core.model.Audience;
import io.masscast.core.model.Binding;
import io.masscast.core.model.CampaignDraft;
import io.masscast.core.model.FanList;
import io.masscast.core.model.MediaItem;
import io.masscast.core.model.MessageContent;
import io.masscast.core.model.SendTime;
import io.masscast.core.policy.Excerpt;
import io.masscast.core.policy.FieldError;
import io.masscast.core.policy.Fields;
import io.masscast.core.policy.MediaRules;
import io.masscast.core.policy.NumberInput;
import io.masscast.core.policy.SendPolicy;
import io.masscast.core.policy.TextRules;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Builds a {@link CampaignDraft} from form values ({@code key -> value}), on top of a base draft (empty for
 * {@code new}, the campaign for {@code edit}). Text ({@link RawValue}) is read by the rules below and every
 * unreadable value becomes a field error saying how to write it; a value the platform already typed
 * ({@link FieldValue}: a flag, a number, a day, an exact instant) is taken as it is, within the same bounds. The
 * send policy then judges the result.
 */
public final class DraftParser {
    private static final Pattern FAN_ID = Pattern.compile("[1-9][0-9]{0,18}");
    /** More fan ids than a "specific fans" send needs; a larger audience belongs in a list. */
    static final int MAX_FAN_IDS = 10_000;

    static final int MAX_LISTS = 100;
    static final int MAX_MEDIA = 100;
    static final int MAX_PREVIEW = 999;
    /** Errors shown per field; more of the same kind are counted, not listed. */
    private static final int MAX_ERRORS_PER_FIELD = 3;
    /** OnlyFans opened in 2016: an earlier subscription date can only be a typo. */
    static final LocalDate EARLIEST_SUBSCRIPTION = LocalDate.of(2016, 1, 1);

    private static final Pattern PRICE_WORDS = Pattern.compile("(?i)free");

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
        return new CampaignDraft(
                new MessageContent("", true, false, List.of(), 0, BigDecimal.ZERO),
                new Audience(List.of(), List.of(), List.of(), Optional.empty()),
                Optional.empty());
    }

    /**
     * Reads {@code values} over {@code base}. {@code lists} is asked for only when a list field is given,
     * because it may call OFAuth.
     */
    public Result parse(
            Map<String, ? extends FieldValue> values,
            CampaignDraft base,
            Binding binding,
            Supplier<List<FanList>> lists) {
        List<FieldError> errors = new ArrayList<>(unknownFields(values.keySet()));
        MessageContent content = base.content();
        Audience audience = base.audience();
        String text = values.containsKey(Fields.TEXT) ? text(values.get(Fields.TEXT), errors) : content.text();
        boolean markdown = flag(values, Fields.MARKDOWN, content.markdown(), errors);
        boolean locked = flag(values, Fields.LOCKED, content.lockedText(), errors);
        List<MediaItem> media =
                values.containsKey(Fields.MEDIA) ? media(items(values.get(Fields.MEDIA)), errors) : content.media();
        int preview = values.containsKey(Fields.PREVIEW)
                ? preview(values.get(Fields.PREVIEW), errors)
                : content.previewCount();
        BigDecimal price = values.containsKey(Fields.PRICE) ? price(values.get(Fields.PRICE), errors) : content.price();
        List<String> userIds =
                values.containsKey(Fields.USERS) ? fanIds(items(values.get(Fields.USERS)), errors) : audience.userIds();
        List<String> included = audience.lists();
        List<String> excluded = audience.excludedLists();
        if ((values.containsKey(Fields.LISTS) || values.containsKey(Fields.EXCLUDE)) && listsReadable(values, errors)) {
            List<FanList> known = lists.get();
            included = listIds(values, Fields.LISTS, included, known, errors);
            excluded = listIds(values, Fields.EXCLUDE, excluded, known, errors);
        }
        Optional<Instant> subscribedAfter = values.containsKey(Fields.SUBSCRIBED_AFTER)
                ? subscribedAfter(values.get(Fields.SUBSCRIBED_AFTER), binding, errors)
                : audience.subscribedAfter();
        Optional<SendTime> sendAt =
                values.containsKey(Fields.AT) ? sendAt(values.get(Fields.AT), binding, errors) : base.sendAt();
        if (!errors.isEmpty()) {
            return new Result(Optional.empty(), capped(errors));
        }
        CampaignDraft draft = new CampaignDraft(
                new MessageContent(text, markdown, locked, media, preview, price),
                new Audience(userIds, included, excluded, subscribedAfter),
                sendAt);
        return new Result(Optional.of(draft), List.of());
    }

    /** The items of a text value; a typed value is one item. */
    private static RawValue items(FieldValue value) {
        return value instanceof RawValue raw ? raw : RawValue.of(value.text());
    }

    /** The text is one value: a comma outside quotes would otherwise silently become part of it, without its space. */
    private static String text(FieldValue value, List<FieldError> errors) {
        RawValue raw = items(value);
        if (raw.items().size() > 1) {
            errors.add(new FieldError(
                    Fields.TEXT,
                    "The text has a comma outside quotes: put the whole text in quotes, "
                            + "as in text=\"Hello, you\"."));
        }
        return raw.joined();
    }

    /** Lists are looked up by name only when there are a sane number of short names; else each says what is wrong. */
    private static boolean listsReadable(Map<String, ? extends FieldValue> values, List<FieldError> errors) {
        int before = errors.size();
        for (String key : List.of(Fields.LISTS, Fields.EXCLUDE)) {
            if (!values.containsKey(key)) {
                continue;
            }
            RawValue raw = items(values.get(key));
            if (raw.items().size() > MAX_LISTS) {
                errors.add(new FieldError(
                        key,
                        Formats.count(raw.items().size()) + " lists are more than masscast takes (" + MAX_LISTS
                                + "): name fewer lists."));
                continue;
            }
            raw.items().stream()
                    .filter(item -> item.length() > TextRules.MAX_NAME_LENGTH)
                    .forEach(item -> errors.add(new FieldError(
                            key,
                            Excerpt.of(item) + " is not a list name or id: those are at most "
                                    + TextRules.MAX_NAME_LENGTH + " characters. /masscast lists shows them all.")));
        }
        return errors.size() == before;
    }

    /**
     * Whether an item of a list value is no item at all: empty, or spaces and tabs (as around a trailing comma).
     * Anything else without a visible character is an item that is wrong, never silently dropped.
     */
    static boolean isNothing(String item) {
        return item.chars().allMatch(c -> c == ' ' || c == '\t');
    }

    /** At most a few errors per field, then how many more there are, so a reply stays short. */
    private static List<FieldError> capped(List<FieldError> errors) {
        List<FieldError> shown = new ArrayList<>();
        Map<String, Integer> perField = new LinkedHashMap<>();
        for (FieldError error : errors) {
            int n = perField.merge(error.field(), 1, Integer::sum);
            if (n <= MAX_ERRORS_PER_FIELD) {
                shown.add(error);
            }
        }
        perField.forEach((field, n) -> {
            if (n > MAX_ERRORS_PER_FIELD) {
                shown.add(new FieldError(
                        field,
                        "… and " + Formats.count(n - MAX_ERRORS_PER_FIELD) + " more problems like these in " + field
                                + "."));
            }
        });
        return shown;
    }

    private static boolean flag(
            Map<String, ? extends FieldValue> values, String key, boolean fallback, List<FieldError> errors) {
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
                errors.add(new FieldError(
                        key, Excerpt.of(raw) + " is not yes or no: write " + key + "=yes or " + key + "=no."));
                yield fallback;
            }
        };
    }

    private static List<MediaItem> media(RawValue raw, List<FieldError> errors) {
        List<MediaItem> media = new ArrayList<>();
        if (raw.items().size() > MAX_MEDIA) {
            errors.add(new FieldError(
                    Fields.MEDIA,
                    Formats.count(raw.items().size()) + " media items are more than one " + "message takes ("
                            + MAX_MEDIA + "): pick fewer."));
            return media;
        }
        for (String item : raw.items()) {
            if (isNothing(item)) {
                continue;
            }
            Optional<MediaItem> parsed =
                    item.length() > MediaRules.MAX_LENGTH ? Optional.empty() : MediaRules.classify(item);
            parsed.ifPresentOrElse(
                    media::add, () -> errors.add(new FieldError(Fields.MEDIA, MediaRules.explain(item.strip()) + ".")));
        }
        return media;
    }

    private static int preview(FieldValue value, List<FieldError> errors) {
        if (value instanceof FieldValue.Count count && count.value() >= 0 && count.value() <= MAX_PREVIEW) {
            return (int) count.value();
        }
        return preview(value.text(), errors);
    }

    private static int preview(String raw, List<FieldError> errors) {
        if (raw.isBlank()) {
            return 0;
        }
        OptionalInt value = NumberInput.whole(raw, 0, MAX_PREVIEW);
        if (value.isEmpty()) {
            errors.add(new FieldError(
                    Fields.PREVIEW,
                    Excerpt.of(raw) + " is not a preview count" + NumberInput.hint(raw)
                            + ": write a whole number such as 0 or 1 (how many of the first media are free)."));
        }
        return value.orElse(0);
    }

    private static BigDecimal price(FieldValue value, List<FieldError> errors) {
        if (value instanceof FieldValue.Amount amount) {
            return amount.value();
        }
        return price(value.text(), errors);
    }

    /** A price such as {@code 12.50}, {@code $12.50}, {@code 0} or {@code free}; its range is the send policy's. */
    private static BigDecimal price(String raw, List<FieldError> errors) {
        String value = raw.strip();
        if (value.isEmpty() || PRICE_WORDS.matcher(value).matches()) {
            return BigDecimal.ZERO;
        }
        Optional<BigDecimal> price = NumberInput.decimal(value.startsWith("$") ? value.substring(1) : value);
        if (price.isEmpty()) {
            errors.add(new FieldError(
                    Fields.PRICE,
                    Excerpt.of(raw) + " is not a price" + NumberInput.hint(value)
                            + ": write it like 12.50, or 0 for free; a PPV price is 3.00 to 200.00."));
        }
        return price.orElse(BigDecimal.ZERO);
    }

    private static List<String> fanIds(RawValue raw, List<FieldError> errors) {
        List<String> ids = new ArrayList<>();
        if (raw.items().size() > MAX_FAN_IDS) {
            errors.add(new FieldError(
                    Fields.USERS,
                    Formats.count(raw.items().size()) + " fan ids are more than masscast " + "sends to one by one ("
                            + Formats.count(MAX_FAN_IDS) + "): put them in a list on OnlyFans and use lists=."));
            return ids;
        }
        for (String item : raw.items()) {
            String id = item.strip();
            if (isNothing(item)) {
                continue;
            }
            if (FAN_ID.matcher(id).matches()) {
                ids.add(id);
            } else {
                errors.add(new FieldError(
                        Fields.USERS,
                        Excerpt.of(item) + " is not a fan id: fan ids are positive numbers, "
                                + "separated by commas."));
            }
        }
        return ids;
    }

    private static List<String> listIds(
            Map<String, ? extends FieldValue> values,
            String key,
            List<String> fallback,
            List<FanList> known,
            List<FieldError> errors) {
        if (!values.containsKey(key)) {
            return fallback;
        }
        ListResolver.Resolved resolved =
                ListResolver.resolve(key, items(values.get(key)).items(), known);
        errors.addAll(resolved.errors());
        return resolved.ids();
    }

    private Optional<Instant> subscribedAfter(FieldValue value, Binding binding, List<FieldError> errors) {
        String raw = value.text();
        if (raw.isBlank()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), binding.zone());
        Optional<LocalDate> date = value instanceof FieldValue.Day day ? Optional.of(day.value()) : TimeInput.date(raw);
        if (date.isEmpty()) {
            errors.add(new FieldError(
                    Fields.SUBSCRIBED_AFTER,
                    Excerpt.of(raw) + " is not a date: write it like " + today.minusMonths(1) + "."));
            return Optional.empty();
        }
        if (date.get().isBefore(EARLIEST_SUBSCRIPTION) || date.get().isAfter(today)) {
            errors.add(new FieldError(
                    Fields.SUBSCRIBED_AFTER,
                    Excerpt.of(raw) + " is out of range: pick a date from " + EARLIEST_SUBSCRIPTION
                            + " (when OnlyFans opened) to today, " + today + "."));
            return Optional.empty();
        }
        return date.map(d -> d.atStartOfDay(binding.zone()).toInstant());
    }

    /**
     * A send time: an exact instant (a picker's) stays exact; typed text is a wall-clock time in the creator's zone.
     * Far outside the policy's window, either is refused here, before anything computes with it.
     */
    private Optional<SendTime> sendAt(FieldValue value, Binding binding, List<FieldError> errors) {
        String raw = value.text();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), binding.zone());
        if (value instanceof FieldValue.Moment moment) {
            boolean near = !moment.value().isBefore(clock.instant().minus(Duration.ofDays(1)))
                    && !moment.value()
                            .isAfter(clock.instant().plus(SendPolicy.MAX_LEAD).plus(Duration.ofDays(1)));
            return near ? Optional.of(SendTime.exact(moment.value())) : outOfRange(raw, now, errors);
        }
        if (raw.isBlank() || raw.strip().equalsIgnoreCase("now")) {
            return Optional.empty();
        }
        Optional<LocalDateTime> at = TimeInput.dateTime(raw, now, binding.zone());
        if (at.isEmpty()) {
            errors.add(new FieldError(
                    Fields.AT, Excerpt.of(raw) + " is not a send time: " + TimeInput.SEND_TIME_HELP + "."));
            return Optional.empty();
        }
        LocalDate latest = now.toLocalDate().plusDays(SendPolicy.MAX_LEAD.toDays() + 1);
        if (at.get().toLocalDate().isBefore(now.toLocalDate().minusDays(1))
                || at.get().toLocalDate().isAfter(latest)) {
            return outOfRange(raw, now, errors);
        }
        return at.map(SendTime::local);
    }

    private static Optional<SendTime> outOfRange(String raw, LocalDateTime now, List<FieldError> errors) {
        LocalDate latest = now.toLocalDate().plusDays(SendPolicy.MAX_LEAD.toDays() + 1);
        errors.add(new FieldError(
                Fields.AT,
                Excerpt.of(raw) + " is out of range: a send time is from now to "
                        + SendPolicy.MAX_LEAD.toDays() + " days ahead (" + now.toLocalDate() + " to "
                        + latest.minusDays(1)
                        + "), or empty to send on approval."));
        return Optional.empty();
    }

    /** A key that is no field, with the field it was probably meant to be. */
    static List<FieldError> unknownFields(Collection<String> keys) {
        return keys.stream()
                .filter(key -> !Fields.ALL.contains(key))
                .sorted()
                .map(key -> new FieldError(
                        key,
                        "Unknown field " + Excerpt.of(key) + closest(key) + ". Fields are: "
                                + String.join(", ", Fields.ALL) + "."))
                .toList();
    }

    private static String closest(String key) {
        if (key.length() > 2 * Fields.SUBSCRIBED_AFTER.length()) {
            return "";
        }
        return Fields.ALL.stream()
                .min(Comparator.comparingInt(known -> ListResolver.distance(known, key)))
                .filter(known -> ListResolver.distance(known, key) <= 2)
                .map(known -> " (did you mean " + known + "?)")
                .orElse("");
    }
}
