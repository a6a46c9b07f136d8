package io.masscast.adapter.slack;

import com.slack.api.model.view.ViewState;
import io.masscast.core.command.RawValue;
import io.masscast.core.policy.FieldError;
import io.masscast.core.policy.Fields;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a submitted compose modal into the core's form values ({@link Fields} key to items), and places the
 * core's field errors on the modal's input blocks for {@code response_action: errors}.
 */
final class ComposeValues {
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Where an error for a key the modal has no input for is shown, so Slack never gets an unknown block id. */
    private static final String FALLBACK_BLOCK = Fields.TEXT;

    private ComposeValues() {
    }

    /** The form values, with the send time turned from the picker's instant into the creator's local time. */
    static Map<String, RawValue> read(ViewState state, ZoneId zone) {
        Map<String, Map<String, ViewState.Value>> blocks = MalformedPayload.require(
                MalformedPayload.require(state, "view state").getValues(), "view state values");
        Map<String, RawValue> values = new LinkedHashMap<>();
        for (String key : Fields.ALL) {
            input(blocks, key).ifPresent(value -> values.put(key, read(key, value, zone)));
        }
        List<String> media = new ArrayList<>();
        input(blocks, ComposeModal.MEDIA_VAULT).ifPresent(picked -> media.addAll(selected(picked)));
        Optional.ofNullable(values.get(Fields.MEDIA)).ifPresent(typed -> media.addAll(typed.items()));
        if (blocks.containsKey(ComposeModal.MEDIA_VAULT) || blocks.containsKey(Fields.MEDIA)) {
            values.put(Fields.MEDIA, new RawValue(media));
        }
        return values;
    }

    /** Error messages by input block id; several errors on one field are shown together. */
    static Map<String, String> errorsByBlock(List<FieldError> errors) {
        Map<String, String> byBlock = new LinkedHashMap<>();
        for (FieldError error : errors) {
            boolean hasInput = Fields.ALL.contains(error.field());
            String block = hasInput ? error.field() : FALLBACK_BLOCK;
            String message = hasInput ? error.message() : error.field() + ": " + error.message();
            byBlock.merge(block, message, (first, more) -> first + " " + more);
        }
        return byBlock;
    }

    private static Optional<ViewState.Value> input(Map<String, Map<String, ViewState.Value>> blocks, String blockId) {
        return Optional.ofNullable(blocks.get(blockId)).map(actions -> actions.get(blockId));
    }

    private static RawValue read(String key, ViewState.Value value, ZoneId zone) {
        return switch (key) {
            case Fields.LISTS, Fields.EXCLUDE -> new RawValue(selected(value));
            case Fields.USERS, Fields.MEDIA -> new RawValue(separated(value.getValue()));
            case Fields.SUBSCRIBED_AFTER -> RawValue.of(orEmpty(value.getSelectedDate()));
            case Fields.LOCKED, Fields.MARKDOWN -> RawValue.of(selected(value).contains(ComposeModal.YES) ? "yes" : "no");
            case Fields.AT -> RawValue.of(Optional.ofNullable(value.getSelectedDateTime())
                    .map(seconds -> LocalDateTime.ofInstant(Instant.ofEpochSecond(seconds), zone).format(LOCAL_TIME))
                    .orElse(""));
            default -> RawValue.of(orEmpty(value.getValue()));
        };
    }

    private static List<String> selected(ViewState.Value value) {
        return value.getSelectedOptions() == null ? List.of()
                : value.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue).toList();
    }

    /** Ids typed into one field, separated by commas, spaces or new lines. */
    private static List<String> separated(String typed) {
        return typed == null ? List.of() : Arrays.stream(typed.split("[,\\s]+")).filter(item -> !item.isBlank()).toList();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
