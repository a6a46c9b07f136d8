package io.masscast.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The form keys of a campaign, shared by the command parser, the policy messages and every adapter's form: the keys
 * of one message ({@link #DRAFT}), those that make it an A/B test ({@link #AB_TEST}: {@code split} and the keys of
 * variants B and C, such as {@code text_b} and {@code price_c}), and {@link #CONFIRM}, which the requester sets only
 * when masscast asks for it.
 */
public final class Fields {
    public static final String TEXT = "text";
    public static final String LISTS = "lists";
    public static final String EXCLUDE = "exclude";
    public static final String USERS = "users";
    public static final String SUBSCRIBED_AFTER = "subscribed_after";
    public static final String MEDIA = "media";
    /** Files attached in chat, uploaded to OFAuth and added to the media. */
    public static final String FILES = "files";

    public static final String PREVIEW = "preview";
    public static final String PRICE = "price";
    public static final String LOCKED = "locked";
    public static final String MARKDOWN = "markdown";
    public static final String AT = "at";
    /** How an A/B test splits its audience: {@code lists} or {@code random}; absent: one message. */
    public static final String SPLIT = "split";
    /** Yes: send although the text is the same as a campaign going out within minutes. */
    public static final String CONFIRM = "confirm";

    /** The keys of one message, in the order a form asks for them. */
    public static final List<String> DRAFT =
            List.of(TEXT, LISTS, EXCLUDE, USERS, SUBSCRIBED_AFTER, MEDIA, FILES, PREVIEW, PRICE, LOCKED, MARKDOWN, AT);
    /** What a variant of an A/B test may change; the rest of the message is the same for every variant. */
    public static final List<String> VARIED = List.of(TEXT, LISTS, MEDIA, PRICE);
    /** Variants after the first (which the keys of {@link #DRAFT} describe). */
    public static final List<String> LATER_VARIANTS = List.of("B", "C");
    /** {@code split}, then the keys of variant B, then those of C. */
    public static final List<String> AB_TEST = abTest();
    /** Every key, in the order a form asks for them. */
    public static final List<String> ALL = all();

    private Fields() {}

    /** The key of {@code field} for a later variant: {@code text_b}. */
    public static String ofVariant(String field, String variant) {
        return field + "_" + variant.toLowerCase(Locale.ROOT);
    }

    /** The variant ({@code B}, {@code C}) a key like {@code price_c} belongs to, if it is a variant's key. */
    public static Optional<String> variantOf(String key) {
        return LATER_VARIANTS.stream()
                .filter(v -> VARIED.stream().anyMatch(f -> ofVariant(f, v).equals(key)))
                .findFirst();
    }

    /** The field of one message a variant's key varies: {@code text} for {@code text_b}. */
    public static String baseOf(String key) {
        return variantOf(key).map(v -> key.substring(0, key.length() - 2)).orElse(key);
    }

    private static List<String> abTest() {
        List<String> keys = new ArrayList<>(List.of(SPLIT));
        LATER_VARIANTS.forEach(variant -> VARIED.forEach(field -> keys.add(ofVariant(field, variant))));
        return List.copyOf(keys);
    }

    private static List<String> all() {
        List<String> keys = new ArrayList<>(DRAFT);
        keys.addAll(AB_TEST);
        keys.add(CONFIRM);
        return List.copyOf(keys);
    }
}
