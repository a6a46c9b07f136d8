package io.masscast.core.command;

import io.masscast.core.model.AbSplit;
import io.masscast.core.model.AbTest;
import io.masscast.core.model.AbTestDraft;
import io.masscast.core.model.Binding;
import io.masscast.core.model.CampaignDraft;
import io.masscast.core.model.FanList;
import io.masscast.core.policy.Excerpt;
import io.masscast.core.policy.FieldError;
import io.masscast.core.policy.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads an A/B test from form values: {@code split=lists|random} and the keys of variants B and C ({@code text_b},
 * {@code lists_b}, {@code media_b}, {@code price_b}, and {@code _c}), on top of the message the other keys describe,
 * which is variant A. A variant changes only what its keys say.
 *
 * <p>Built so that a typo can't quietly make a different test: a variant's key that does not exist ({@code txt_b},
 * {@code text_d}) is an unknown field; variant keys without {@code split} are refused, and so is {@code split} without
 * any variant; C needs B; a random split takes one audience (no {@code lists_b}), a split by lists takes every
 * variant's own lists. A blank value is no value (an untouched form field).
 */
final class AbTestParser {
    private final DraftParser drafts;

    AbTestParser(DraftParser drafts) {
        this.drafts = drafts;
    }

    /** A test, or the errors that kept it from being read; empty if the values describe one message. */
    record Result(Optional<AbTestDraft> test, List<FieldError> errors) {
        Result {
            errors = List.copyOf(errors);
        }
    }

    /** A variant's key past C, such as {@code text_d}: a fourth variant, which a test can't have. */
    private static final Pattern BEYOND_LAST = Pattern.compile("(?:" + String.join("|", Fields.VARIED) + ")_([d-z])");

    /** Whether the values ask for a test at all: a split, or any variant's key (even one past C), given. */
    static boolean asksForTest(Map<String, ? extends FieldValue> values) {
        return Fields.AB_TEST.stream().anyMatch(key -> given(values, key))
                || values.keySet().stream()
                        .anyMatch(key -> BEYOND_LAST.matcher(key).matches());
    }

    Result parse(Map<String, ? extends FieldValue> values, Binding binding, Supplier<List<FanList>> lists) {
        // a mistyped key (txt_b) is named first: the test's own checks would otherwise hide it
        List<FieldError> errors = new ArrayList<>(DraftParser.unknownFields(values.keySet().stream()
                .filter(key -> !BEYOND_LAST.matcher(key).matches())
                .toList()));
        values.keySet().stream()
                .filter(key -> BEYOND_LAST.matcher(key).matches())
                .sorted()
                .forEach(key -> errors.add(new FieldError(
                        key,
                        "An A/B test has at most " + AbTest.LABELS.size() + " variants, "
                                + String.join(", ", AbTest.LABELS) + ": " + key
                                + " would add one more. Leave it out, or give it to a"
                                + " variant there is (" + Fields.ofVariant(key.substring(0, key.length() - 2), "C")
                                + "=).")));
        Optional<AbSplit> split = split(values, errors);
        List<String> variants = new ArrayList<>(List.of(AbTest.LABELS.get(0)));
        for (String later : Fields.LATER_VARIANTS) {
            boolean hasKeys = Fields.VARIED.stream().anyMatch(field -> given(values, Fields.ofVariant(field, later)));
            if (hasKeys && variants.size() < AbTest.LABELS.indexOf(later)) {
                errors.add(new FieldError(
                        firstKey(values, later),
                        "Variant " + later + " comes after variant "
                                + AbTest.LABELS.get(AbTest.LABELS.indexOf(later) - 1)
                                + ": give that one's keys first, such as text_"
                                + AbTest.LABELS
                                        .get(AbTest.LABELS.indexOf(later) - 1)
                                        .toLowerCase(Locale.ROOT) + "=."));
            } else if (hasKeys) {
                variants.add(later);
            }
        }
        if (split.isPresent() && variants.size() == 1) {
            errors.add(new FieldError(
                    Fields.SPLIT,
                    "An A/B test needs variant B at least: say what it changes with text_b=," + " price_b= or media_b="
                            + (split.get() == AbSplit.LISTS ? ", and its lists with lists_b=." : ".")));
        }
        if (split.isEmpty() && variants.size() > 1 && errors.isEmpty()) {
            errors.add(new FieldError(
                    Fields.SPLIT,
                    String.join(", ", givenVariantKeys(values))
                            + (givenVariantKeys(values).size() == 1 ? " makes" : " make") + " this an A/B test:"
                            + " say how to split it, split=lists (each variant its own lists) or split=random (masscast splits the"
                            + " lists' fans)."));
        }
        if (split.filter(s -> s == AbSplit.RANDOM).isPresent()) {
            variants.stream()
                    .skip(1)
                    .map(v -> Fields.ofVariant(Fields.LISTS, v))
                    .filter(key -> given(values, key))
                    .forEach(key -> errors.add(new FieldError(
                            key,
                            "A random split sends every variant to one audience, the" + " lists in lists=: leave out "
                                    + key + ", or split by lists (split=lists).")));
        }
        if (!errors.isEmpty()) {
            return new Result(Optional.empty(), errors);
        }
        Map<String, FieldValue> message = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (!Fields.AB_TEST.contains(key) && !key.equals(Fields.CONFIRM)) {
                message.put(key, value);
            }
        });
        DraftParser.Result first = drafts.parse(message, DraftParser.empty(), binding, lists);
        errors.addAll(first.errors());
        List<CampaignDraft> parsed = new ArrayList<>();
        first.draft().ifPresent(parsed::add);
        for (String variant : variants.subList(1, variants.size())) {
            Map<String, FieldValue> changed = new LinkedHashMap<>();
            for (String field : Fields.VARIED) {
                String key = Fields.ofVariant(field, variant);
                if (given(values, key)) {
                    changed.put(field, values.get(key));
                }
            }
            if (split.get() == AbSplit.LISTS && !changed.containsKey(Fields.LISTS)) {
                changed.put(Fields.LISTS, RawValue.of(""));
            }
            first.draft().ifPresent(a -> {
                DraftParser.Result own = drafts.parse(changed, a, binding, lists);
                own.errors().stream()
                        .filter(e -> changed.containsKey(e.field()))
                        .forEach(e -> errors.add(new FieldError(
                                Fields.ofVariant(e.field(), variant), "Variant " + variant + ": " + e.message())));
                own.draft().ifPresent(parsed::add);
            });
        }
        if (!errors.isEmpty()) {
            return new Result(Optional.empty(), errors);
        }
        return new Result(Optional.of(new AbTestDraft(split.get(), parsed)), List.of());
    }

    private static Optional<AbSplit> split(Map<String, ? extends FieldValue> values, List<FieldError> errors) {
        if (!given(values, Fields.SPLIT)) {
            return Optional.empty();
        }
        String typed = values.get(Fields.SPLIT).text().strip().toLowerCase(Locale.ROOT);
        for (AbSplit split : AbSplit.values()) {
            if (split.key().equals(typed)) {
                return Optional.of(split);
            }
        }
        errors.add(new FieldError(
                Fields.SPLIT,
                Excerpt.of(typed) + " is not a split: write split=lists (each variant its"
                        + " own lists) or split=random (masscast splits the lists' fans at random)."));
        return Optional.empty();
    }

    /** A value was given and is not blank (an untouched form field gives an empty one). */
    private static boolean given(Map<String, ? extends FieldValue> values, String key) {
        FieldValue value = values.get(key);
        return value != null
                && !(value instanceof RawValue raw
                        ? raw.items().stream().allMatch(DraftParser::isNothing)
                        : value.text().isBlank());
    }

    private static String firstKey(Map<String, ? extends FieldValue> values, String variant) {
        return Fields.VARIED.stream()
                .map(f -> Fields.ofVariant(f, variant))
                .filter(key -> given(values, key))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> givenVariantKeys(Map<String, ? extends FieldValue> values) {
        return List.copyOf(new LinkedHashSet<>(
                Fields.AB_TEST.stream().filter(key -> given(values, key)).toList()));
    }
}
