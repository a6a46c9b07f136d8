package io.masscast.core.command;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A compose form to open: for a new campaign, or to edit {@code campaignId}. {@code values} prefill the
 * fields, keyed by the form keys of {@code io.masscast.core.policy.Fields}, written as a user would type them.
 */
public record FormSpec(
        Optional<Long> campaignId,
        String title,
        String creatorName,
        ZoneId zone,
        Map<String, String> values) {

    public FormSpec {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(creatorName, "creatorName");
        Objects.requireNonNull(zone, "zone");
        values = Map.copyOf(values);
    }

    public boolean isEdit() {
        return campaignId.isPresent();
    }

    public String value(String key) {
        return values.getOrDefault(key, "");
    }
}
