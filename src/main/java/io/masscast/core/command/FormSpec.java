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
 * how to lay the fields out.
 */
public record FormSpec(
        Optional<Long> campaignId,
        String title,
        String creatorName,
        ZoneId zone,
        Map<String, FieldValue> values) {

    public FormSpec {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(creatorName, "creatorName");
        Objects.requireNonNull(zone, "zone");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public boolean isEdit() {
        return campaignId.isPresent();
    }

    /** The same form with {@code more} values prefilled over these. */
    public FormSpec with(Map<String, ? extends FieldValue> more) {
        Map<String, FieldValue> all = new LinkedHashMap<>(values);
        all.putAll(more);
        return new FormSpec(campaignId, title, creatorName, zone, all);
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
