package io.masscast.core.command;

import java.util.List;

/**
 * A value a user gave for a form key, as items: {@code lists="VIP whales",fans} is two items, a quoted
 * text one. Form-based adapters pass selected options as items directly.
 */
public record RawValue(List<String> items) implements FieldValue {
    public RawValue {
        items = List.copyOf(items);
    }

    /** Reads a value as a person types it: {@code "VIP whales",fans} is two items. */
    public static RawValue parse(String typed) {
        return ArgumentParser.parseValue(typed);
    }

    public static RawValue of(String... items) {
        return new RawValue(List.of(items));
    }

    /** The value as one string (items joined by commas), for scalar keys. */
    public String joined() {
        return String.join(",", items);
    }

    @Override
    public String text() {
        return joined();
    }

    public boolean isBlank() {
        return items.stream().allMatch(String::isBlank);
    }
}
