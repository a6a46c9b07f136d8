package io.masscast.core.command;

import io.masscast.core.policy.Fields;
import io.masscast.core.policy.MediaLimits;
import io.masscast.core.policy.SendPolicy;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The compose form's fields, in the order a form asks for them (that of {@link Fields#ALL}). No field is required
 * on its own: the send policy asks for a text or media, and for an audience, whichever way they are given.
 */
public final class ComposeForm {
    /** Long enough for any list of ids or media a person would type. */
    private static final int LINE = 2000;

    public static final List<FormField> FIELDS = List.of(
            new FormField(Fields.TEXT, "Message", "What fans read. Leave it empty only if the message is media alone.",
                    "the text (\\n for a new line)", FormField.Kind.TEXT, false, SendPolicy.MAX_TEXT_LENGTH),
            new FormField(Fields.LISTS, "Send to lists", "Fans on these lists receive it.",
                    "list names or ids, separated by commas", FormField.Kind.LISTS, false, LINE),
            new FormField(Fields.EXCLUDE, "Leave out lists", "Fans on these lists don't, even if they are on a list above.",
                    "list names or ids, separated by commas", FormField.Kind.LISTS, false, LINE),
            new FormField(Fields.USERS, "Specific fans", "OnlyFans fan ids.",
                    "fan ids, separated by commas", FormField.Kind.FAN_IDS, false, LINE),
            new FormField(Fields.SUBSCRIBED_AFTER, "Only fans subscribed after", "A day in the creator's time zone.",
                    "a day like 2026-01-31", FormField.Kind.DAY, false, 10),
            new FormField(Fields.MEDIA, "Media", "Vault media, upload:… references or https:// links.",
                    "vault ids, upload:… references or https:// links, separated by commas", FormField.Kind.MEDIA, false, LINE),
            new FormField(Fields.FILES, "Attach files", "Photos, GIFs, videos or audio from your device, uploaded to the "
                    + "creator's vault when you submit and added after the media above (up to " + MediaLimits.MAX_FILE_MB
                    + " MB each).", "paths of files on this computer, separated by commas",
                    FormField.Kind.FILES, false, LINE),
            new FormField(Fields.PREVIEW, "Free preview items", "How many of the first media items fans see before paying.",
                    "a whole number, 0 for none", FormField.Kind.COUNT, false, 4),
            new FormField(Fields.PRICE, "PPV price (USD)", "0 sends it free; a PPV costs " + SendPolicy.MIN_PRICE.toPlainString()
                    + " to " + SendPolicy.MAX_PRICE.toPlainString() + ".", "a price like 12.50, or 0", FormField.Kind.MONEY, false, 12),
            new FormField(Fields.LOCKED, "Lock the text too", "Fans read the text only after buying.",
                    "yes or no", FormField.Kind.FLAG, false, 3),
            new FormField(Fields.MARKDOWN, "Format the text", "Read *bold* and _italics_ in the text as markdown.",
                    "yes or no", FormField.Kind.FLAG, false, 3),
            new FormField(Fields.AT, "Send time", "Empty sends it as soon as it is approved.",
                    "2026-03-21 20:00, tomorrow 9:30 or in 2h", FormField.Kind.SEND_TIME, false, 40));

    private ComposeForm() {
    }

    public static FormField field(String key) {
        return FIELDS.stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no compose field " + key));
    }
}
