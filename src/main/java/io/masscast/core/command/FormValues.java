package io.masscast.core.command;

import io.masscast.core.model.Audience;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignDraft;
import io.masscast.core.model.MediaItem;
import io.masscast.core.model.MessageContent;
import io.masscast.core.policy.Fields;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Converts between drafts and the form values people see and type ({@code key -> "value"}). */
public final class FormValues {
    private FormValues() {
    }

    /** The draft a campaign was made from, with its send time back in the creator's zone. */
    public static CampaignDraft draftOf(Campaign campaign, ZoneId zone) {
        Optional<LocalDateTime> sendAt = campaign.scheduledAt().map(at -> LocalDateTime.ofInstant(at, zone));
        return new CampaignDraft(campaign.content(), campaign.audience(), sendAt);
    }

    /** A draft as prefilled form values, in the syntax {@code key=value} accepts. */
    public static Map<String, String> of(CampaignDraft draft, ZoneId zone) {
        MessageContent content = draft.content();
        Audience audience = draft.audience();
        Map<String, String> values = new LinkedHashMap<>();
        values.put(Fields.TEXT, content.text());
        values.put(Fields.LISTS, items(audience.lists()));
        values.put(Fields.EXCLUDE, items(audience.excludedLists()));
        values.put(Fields.USERS, String.join(",", audience.userIds()));
        values.put(Fields.SUBSCRIBED_AFTER, audience.subscribedAfter().map(at -> at.atZone(zone).toLocalDate().toString()).orElse(""));
        values.put(Fields.MEDIA, String.join(",", content.media().stream().map(MediaItem::value).toList()));
        values.put(Fields.PREVIEW, Integer.toString(content.previewCount()));
        values.put(Fields.PRICE, content.isFree() ? "0" : content.price().toPlainString());
        values.put(Fields.LOCKED, content.lockedText() ? "yes" : "no");
        values.put(Fields.MARKDOWN, content.markdown() ? "yes" : "no");
        values.put(Fields.AT, draft.sendAt().map(at -> at.toLocalDate() + " " + at.toLocalTime()).orElse(""));
        return values;
    }

    /** What someone submitted, shown back to them with the errors. */
    public static Map<String, String> of(Map<String, RawValue> submitted) {
        Map<String, String> values = new LinkedHashMap<>();
        submitted.forEach((key, value) -> values.put(key, key.equals(Fields.TEXT) ? value.joined() : items(value.items())));
        return values;
    }

    private static String items(List<String> items) {
        return String.join(",", items.stream().map(FormValues::quoteIfNeeded).toList());
    }

    static String quoteIfNeeded(String item) {
        return item.matches("[^\\s,\"]*") ? item : "\"" + item.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
