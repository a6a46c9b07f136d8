package io.masscast.core.command;

import io.masscast.core.model.Audience;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignDraft;
import io.masscast.core.model.MediaItem;
import io.masscast.core.model.MessageContent;
import io.masscast.core.model.SendTime;
import io.masscast.core.policy.Fields;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converts between drafts and the values of a compose form: typed values for inputs that take them (pickers,
 * number inputs, checkboxes), and the same values written as a person types them for text inputs.
 */
public final class FormValues {
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The fields that take several items; the others are one value each. */
    private static final Set<String> SEVERAL = Set.of(Fields.LISTS, Fields.EXCLUDE, Fields.USERS, Fields.MEDIA);

    private FormValues() {}

    /** The draft a campaign was made from; its send time stays the exact instant it has. */
    public static CampaignDraft draftOf(Campaign campaign) {
        return new CampaignDraft(
                campaign.content(), campaign.audience(), campaign.scheduledAt().map(SendTime::exact));
    }

    /** A draft as form values: list and media items as they are, numbers, flags, the day and the exact send time. */
    public static Map<String, FieldValue> of(CampaignDraft draft, ZoneId zone) {
        MessageContent content = draft.content();
        Audience audience = draft.audience();
        Map<String, FieldValue> values = new LinkedHashMap<>();
        values.put(Fields.TEXT, RawValue.of(content.text()));
        values.put(Fields.LISTS, new RawValue(audience.lists()));
        values.put(Fields.EXCLUDE, new RawValue(audience.excludedLists()));
        values.put(Fields.USERS, new RawValue(audience.userIds()));
        audience.subscribedAfter()
                .ifPresent(at -> values.put(
                        Fields.SUBSCRIBED_AFTER,
                        new FieldValue.Day(at.atZone(zone).toLocalDate())));
        values.put(
                Fields.MEDIA,
                new RawValue(content.media().stream().map(MediaItem::value).toList()));
        values.put(Fields.PREVIEW, new FieldValue.Count(content.previewCount()));
        values.put(Fields.PRICE, new FieldValue.Amount(content.price()));
        values.put(Fields.LOCKED, new FieldValue.Flag(content.lockedText()));
        values.put(Fields.MARKDOWN, new FieldValue.Flag(content.markdown()));
        draft.sendAt()
                .ifPresent(at -> values.put(
                        Fields.AT,
                        at instanceof SendTime.Exact exact
                                ? new FieldValue.Moment(exact.at())
                                : RawValue.of(((SendTime.Local) at).at().format(LOCAL_TIME))));
        return values;
    }

    /**
     * A form value as a person would type it into a text field, so that reading it back gives the same value:
     * items separated by commas (quoted when they hold one), a time in {@code zone}.
     */
    public static String typed(String key, FieldValue value, ZoneId zone) {
        if (value instanceof FieldValue.Moment moment) {
            return LocalDateTime.ofInstant(moment.value(), zone).format(LOCAL_TIME);
        }
        if (value instanceof RawValue raw && SEVERAL.contains(key)) {
            return items(raw.items());
        }
        return value.text();
    }

    /** {@code key}'s value in {@code values} as {@link #typed}, or empty. */
    public static Optional<String> typed(Map<String, FieldValue> values, String key, ZoneId zone) {
        return Optional.ofNullable(values.get(key)).map(value -> typed(key, value, zone));
    }

    private static String items(List<String> items) {
        return String.join(",", items.stream().map(FormValues::quoteIfNeeded).toList());
    }

    static String quoteIfNeeded(String item) {
        return item.matches("[^\\s,\"]*")
                ? item
                : "\"" + item.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
