package io.masscast.core.command;

import io.masscast.core.policy.Fields;
import io.masscast.core.policy.MediaLimits;
import io.masscast.core.policy.SendPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The compose form's fields, in the order a form asks for them (that of {@link Fields#ALL}). No field is required
 * on its own: the send policy asks for a text or media, and for an audience, whichever way they are given.
 *
 * <p>After the message come the fields of an A/B test ({@link FormField.Group#AB_TEST}): how to split, then what
 * variants B and C change (text, lists, media, price; the rest of the message is the same for every variant). Last
 * comes the field masscast asks for only when it refuses a text that repeats one going out within minutes.
 */
public final class ComposeForm {
    /** Long enough for any list of ids or media a person would type. */
    private static final int LINE = 2000;

    /** The fields of one message. */
    public static final List<FormField> MESSAGE = List.of(
            new FormField(
                    Fields.TEXT,
                    "Message",
                    "What fans read; empty only for a message of media alone.",
                    "the text (\\n for a new line)",
                    FormField.Kind.TEXT,
                    false,
                    SendPolicy.MAX_TEXT_LENGTH),
            new FormField(
                    Fields.LISTS,
                    "Send to lists",
                    "Fans on these lists receive it.",
                    "list names or ids, separated by commas",
                    FormField.Kind.LISTS,
                    false,
                    LINE),
            new FormField(
                    Fields.EXCLUDE,
                    "Leave out lists",
                    "Fans on these lists don't, even if on a list above.",
                    "list names or ids, separated by commas",
                    FormField.Kind.LISTS,
                    false,
                    LINE),
            new FormField(
                    Fields.USERS,
                    "Specific fans",
                    "OnlyFans fan ids.",
                    "fan ids, separated by commas",
                    FormField.Kind.FAN_IDS,
                    false,
                    LINE),
            new FormField(
                    Fields.SUBSCRIBED_AFTER,
                    "Only fans subscribed after",
                    "In the creator's time zone.",
                    "a day like 2026-01-31",
                    FormField.Kind.DAY,
                    false,
                    10),
            new FormField(
                    Fields.MEDIA,
                    "Media",
                    "Vault ids, upload:… references or https:// links.",
                    "vault ids, upload:… references or https:// links, separated by commas",
                    FormField.Kind.MEDIA,
                    false,
                    LINE),
            new FormField(
                    Fields.FILES,
                    "Attach files",
                    "Photos, videos, GIFs or audio to upload to the vault (up to " + MediaLimits.MAX_FILE_MB
                            + " MB each).",
                    "paths of files on this computer, separated by commas",
                    FormField.Kind.FILES,
                    false,
                    LINE),
            new FormField(
                    Fields.PREVIEW,
                    "Free preview items",
                    "How many media items fans see before paying.",
                    "a whole number, 0 for none",
                    FormField.Kind.COUNT,
                    false,
                    4),
            new FormField(
                    Fields.PRICE,
                    "PPV price (USD)",
                    "0 sends it free; a PPV costs " + SendPolicy.MIN_PRICE.toPlainString() + " to "
                            + SendPolicy.MAX_PRICE.toPlainString() + ".",
                    "a price like 12.50, or 0",
                    FormField.Kind.MONEY,
                    false,
                    12),
            new FormField(
                    Fields.LOCKED,
                    "Lock the text too",
                    "Fans read the text only after buying.",
                    "yes or no",
                    FormField.Kind.FLAG,
                    false,
                    3),
            new FormField(
                    Fields.MARKDOWN,
                    "Format the text",
                    "Read *bold* and _italics_ in the text as markdown.",
                    "yes or no",
                    FormField.Kind.FLAG,
                    false,
                    3),
            new FormField(
                    Fields.AT,
                    "Send time",
                    "Empty sends it as soon as it is approved.",
                    "2026-03-21 20:00, tomorrow 9:30 or in 2h",
                    FormField.Kind.SEND_TIME,
                    false,
                    40));

    /** What variants B and C say about the field they change. */
    private static final Map<String, String> VARIANT_HINTS = Map.of(
            Fields.TEXT, "Its text; empty: variant A's.",
            Fields.LISTS, "Split by lists: its own lists.",
            Fields.MEDIA, "Its media; empty: A's.",
            Fields.PRICE, "Its PPV price; empty: A's.");

    public static final FormField SPLIT = new FormField(
            Fields.SPLIT,
            "A/B test",
            "2 or 3 variants, one approval.",
            "lists or random; empty: one message",
            FormField.Kind.CHOICE,
            false,
            6,
            FormField.Group.AB_TEST,
            List.of(
                    new FormField.Choice("", "No test: one message"),
                    new FormField.Choice("lists", "Test by lists: each variant its own lists"),
                    new FormField.Choice("random", "Random split of the lists' fans")));

    public static final FormField CONFIRM = new FormField(
            Fields.CONFIRM,
            "Send it although it repeats",
            "Only when asked: send a text repeating one that goes out soon.",
            "yes or no",
            FormField.Kind.FLAG,
            false,
            3,
            FormField.Group.ON_REQUEST,
            List.of());

    /** Every field, in the order of {@link Fields#ALL}. */
    public static final List<FormField> FIELDS = all();

    private ComposeForm() {}

    private static List<FormField> all() {
        List<FormField> fields = new ArrayList<>(MESSAGE);
        fields.add(SPLIT);
        for (String variant : Fields.LATER_VARIANTS) {
            for (String varied : Fields.VARIED) {
                FormField base = MESSAGE.stream()
                        .filter(f -> f.key().equals(varied))
                        .findFirst()
                        .orElseThrow();
                fields.add(new FormField(
                        Fields.ofVariant(varied, variant),
                        "Variant " + variant + " · " + base.label(),
                        VARIANT_HINTS.get(varied),
                        base.typing(),
                        base.kind(),
                        false,
                        base.maxLength(),
                        FormField.Group.AB_TEST,
                        List.of()));
            }
        }
        fields.add(CONFIRM);
        return List.copyOf(fields);
    }

    /** The fields of {@code group}, in form order. */
    public static List<FormField> of(FormField.Group group) {
        return FIELDS.stream().filter(f -> f.group() == group).toList();
    }

    public static FormField field(String key) {
        return FIELDS.stream()
                .filter(f -> f.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no compose field " + key));
    }
}
