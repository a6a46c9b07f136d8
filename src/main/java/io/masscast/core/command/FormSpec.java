package io.masscast.core.command;

import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A compose form to open: for a new campaign, or to edit {@code campaignId}. {@code values} prefill the fields,
 * keyed by the form keys of {@code io.masscast.core.policy.Fields}: typed values where the core knows them (a
 * campaign's lists as ids, its exact send time), text where a person typed it. {@link ComposeForm#FIELDS} says
 * how to lay the fields out. {@code notes} are what this form adds to a field's hint (the send time's best hour
 * from history), keyed the same way.
 */
public record FormSpec(
        Optional<Long> campaignId,
        String title,
        String creatorName,
        ZoneId zone,
        Map<String, FieldValue> values,
        Map<String, String> notes) {

    public FormSpec {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(creatorName, "creatorName");
        Objects.requireNonNull(zone, "zone");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        notes = Map.copyOf(notes);
    }

    /** A form without notes. */
    public FormSpec(
            Optional<Long> campaignId, String title, String creatorName, ZoneId zone, Map<String, FieldValue> values) {
        this(campaignId, title, creatorName, zone, values, Map.of());
    }

    public boolean isEdit() {
        return campaignId.isPresent();
    }

    /** The same form with {@code more} values prefilled over these. */
    public FormSpec with(Map<String, ? extends FieldValue> more) {
        Map<String, FieldValue> all = new LinkedHashMap<>(values);
        all.putAll(more);
        return new FormSpec(campaignId, title, creatorName, zone, all, notes);
    }

    /** The same form with {@code note} added to the hint of {@code key}; an empty note changes nothing. */
    public FormSpec withNote(String key, String note) {
        if (note.isBlank()) {
            return this;
        }
        Map<String, String> all = new LinkedHashMap<>(notes);
        all.put(key, note);
        return new FormSpec(campaignId, title, creatorName, zone, values, all);
    }

    /** What this form adds to the hint of {@code key}, if anything. */
    public Optional<String> note(String key) {
        return Optional.ofNullable(notes.get(key));
    }

    /** The field's hint with this form's note for it, if any. */
    public String hint(FormField field) {
        return note(field.key()).map(note -> field.hint() + " " + note).orElse(field.hint());
    }

    /** The prefilled value of {@code key}, if any. */
    public Optional<FieldValue> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The prefilled value of {@code key} as a person types it into a text field ({@link FormValues#typed}). */
    public String typed(String key) {
        return FormValues.typed(values, key, zone).orElse("");
    }
}
