package io.masscast.adapter.slack;

import com.slack.api.model.view.ViewState;
import io.masscast.core.command.ComposeForm;
import io.masscast.core.command.FieldValue;
import io.masscast.core.command.RawValue;
import io.masscast.core.policy.FieldError;
import io.masscast.core.policy.Fields;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a submitted compose modal into the core's form values ({@link Fields} key to value), and places the
 * core's field errors on the modal's input blocks for {@code response_action: errors}. What Slack's inputs give
 * typed stays typed: the date-time picker's exact instant, the number inputs' numbers, the date picker's day,
 * the checkboxes; picked options are items as they are. A field the modal does not show (a text too long for
 * it) is not in the values, so the campaign keeps it.
 */
final class ComposeValues {
    private ComposeValues() {}

    static Map<String, FieldValue> read(ViewState state) {
        Map<String, Map<String, ViewState.Value>> blocks = inputs(state);
        Map<String, FieldValue> values = new LinkedHashMap<>();
        for (String key : Fields.ALL) {
            if (!key.equals(Fields.FILES)) { // read with Slack's help: SlackFiles
                input(blocks, key).ifPresent(value -> values.put(key, read(key, value)));
            }
        }
        List<String> media = new ArrayList<>();
        input(blocks, ComposeModal.MEDIA_VAULT).ifPresent(picked -> media.addAll(selected(picked)));
        Optional.ofNullable(values.get(Fields.MEDIA)).ifPresent(typed -> media.addAll(((RawValue) typed).items()));
        if (blocks.containsKey(ComposeModal.MEDIA_VAULT) || blocks.containsKey(Fields.MEDIA)) {
            values.put(Fields.MEDIA, new RawValue(media));
        }
        return values;
    }

    /**
     * Error messages by input block id; several errors on one field are shown together. An error for a key the
     * modal has no input for goes on its first input, so Slack never gets an unknown block id.
     */
    static Map<String, String> errorsByBlock(List<FieldError> errors, ViewState state) {
        Set<String> shown = inputs(state).keySet();
        String fallback =
                Fields.ALL.stream().filter(shown::contains).findFirst().orElse(Fields.TEXT);
        Map<String, String> byBlock = new LinkedHashMap<>();
        for (FieldError error : errors) {
            boolean hasInput = shown.contains(error.field());
            String block = hasInput ? error.field() : fallback;
            String message = hasInput ? error.message() : error.field() + ": " + error.message();
            byBlock.merge(block, message, (first, more) -> first + " " + more);
        }
        return byBlock;
    }

    private static Map<String, Map<String, ViewState.Value>> inputs(ViewState state) {
        return MalformedPayload.require(
                MalformedPayload.require(state, "view state").getValues(), "view state values");
    }

    private static Optional<ViewState.Value> input(Map<String, Map<String, ViewState.Value>> blocks, String blockId) {
        return Optional.ofNullable(blocks.get(blockId)).map(actions -> actions.get(blockId));
    }

    /** A value as the input of its field's kind gives it. */
    private static FieldValue read(String key, ViewState.Value value) {
        return switch (ComposeForm.field(key).kind()) {
            case LISTS -> new RawValue(selected(value));
            case FAN_IDS, MEDIA -> new RawValue(separated(value.getValue()));
            case DAY -> day(value.getSelectedDate());
            case FLAG -> new FieldValue.Flag(selected(value).contains(ComposeModal.YES));
            case SEND_TIME ->
                Optional.ofNullable(value.getSelectedDateTime())
                        .<FieldValue>map(seconds -> new FieldValue.Moment(Instant.ofEpochSecond(seconds)))
                        .orElse(RawValue.of(""));
            case MONEY -> amount(value.getValue());
            case COUNT -> count(value.getValue());
            case CHOICE ->
                RawValue.of(
                        value.getSelectedOption() == null
                                ? ""
                                : orEmpty(value.getSelectedOption().getValue()));
            case TEXT -> RawValue.of(orEmpty(value.getValue()));
            case FILES -> throw new IllegalArgumentException("files are read through SlackFiles, not the view state");
        };
    }

    private static FieldValue day(String picked) {
        try {
            return picked == null || picked.isBlank() ? RawValue.of("") : new FieldValue.Day(LocalDate.parse(picked));
        } catch (DateTimeException e) {
            return RawValue.of(picked); // the core says what is wrong with it
        }
    }

    /** A number input's value is a string of digits Slack checked; anything else goes to the core as text. */
    private static FieldValue amount(String number) {
        return number != null && number.matches("[0-9]{1,6}(\\.[0-9]{1,6})?")
                ? new FieldValue.Amount(new BigDecimal(number))
                : RawValue.of(orEmpty(number));
    }

    private static FieldValue count(String number) {
        return number != null && number.matches("[0-9]{1,9}")
                ? new FieldValue.Count(Long.parseLong(number))
                : RawValue.of(orEmpty(number));
    }

    private static List<String> selected(ViewState.Value value) {
        return value.getSelectedOptions() == null
                ? List.of()
                : value.getSelectedOptions().stream()
                        .map(ViewState.SelectedOption::getValue)
                        .toList();
    }

    /** Ids typed into one field, separated by commas, spaces or new lines. */
    private static List<String> separated(String typed) {
        return typed == null
                ? List.of()
                : Arrays.stream(typed.split("[,\\s]+"))
                        .filter(item -> !item.isBlank())
                        .toList();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
