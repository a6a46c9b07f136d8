package io.masscast.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.view.ViewState;
import io.masscast.core.command.FieldValue;
import io.masscast.core.command.RawValue;
import io.masscast.core.policy.FieldError;
import io.masscast.core.policy.Fields;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeValuesTest {

    @Test
    void thePickedInstantStaysExactEvenInTheRepeatedHour() {
        Instant secondHalfPastTwo =
                Instant.parse("2026-10-25T01:30:00Z"); // Berlin's clocks go back at 03:00 that night
        Map<String, FieldValue> picked = ComposeValues.read(state(Map.of(Fields.AT, dateTime(secondHalfPastTwo))));
        Map<String, FieldValue> none = ComposeValues.read(state(Map.of(Fields.AT, new ViewState.Value())));

        assertThat(picked.get(Fields.AT)).isEqualTo(new FieldValue.Moment(secondHalfPastTwo));
        assertThat(none.get(Fields.AT)).isEqualTo(RawValue.of(""));
    }

    @Test
    void numberInputsAndTheDatePickerArriveTyped() {
        ViewState.Value day = new ViewState.Value();
        day.setSelectedDate("2026-01-31");
        Map<String, FieldValue> values = ComposeValues.read(
                state(Map.of(Fields.PRICE, text("12.50"), Fields.PREVIEW, text("1"), Fields.SUBSCRIBED_AFTER, day)));
        Map<String, FieldValue> odd = ComposeValues.read(state(Map.of(Fields.PRICE, text("1e999999999"))));

        assertThat(values.get(Fields.PRICE)).isEqualTo(new FieldValue.Amount(new BigDecimal("12.50")));
        assertThat(values.get(Fields.PREVIEW)).isEqualTo(new FieldValue.Count(1));
        assertThat(values.get(Fields.SUBSCRIBED_AFTER)).isEqualTo(new FieldValue.Day(LocalDate.parse("2026-01-31")));
        assertThat(odd.get(Fields.PRICE))
                .as("not a number Slack would give: the core reads it and says what is wrong")
                .isEqualTo(RawValue.of("1e999999999"));
    }

    @Test
    void vaultPicksAndTypedMediaMergeIntoOneValue() {
        Map<String, FieldValue> values = ComposeValues.read(state(Map.of(
                ComposeModal.MEDIA_VAULT, options("48213377", "48213378"),
                Fields.MEDIA, text("99, https://cdn.example.com/a.jpg\nupload:abcdef12"))));

        assertThat(((RawValue) values.get(Fields.MEDIA)).items())
                .containsExactly("48213377", "48213378", "99", "https://cdn.example.com/a.jpg", "upload:abcdef12");
        assertThat(values).doesNotContainKey(ComposeModal.MEDIA_VAULT);
    }

    @Test
    void checkboxesAndEmptyInputsReadAsTheCoreExpects() {
        Map<String, FieldValue> values = ComposeValues.read(state(Map.of(
                Fields.LOCKED,
                options(ComposeModal.YES),
                Fields.MARKDOWN,
                new ViewState.Value(),
                Fields.USERS,
                text(" 101 , 202 "),
                Fields.PRICE,
                new ViewState.Value())));

        assertThat(values.get(Fields.LOCKED)).isEqualTo(new FieldValue.Flag(true));
        assertThat(values.get(Fields.MARKDOWN)).isEqualTo(new FieldValue.Flag(false));
        assertThat(((RawValue) values.get(Fields.USERS)).items()).containsExactly("101", "202");
        assertThat(values.get(Fields.PRICE)).isEqualTo(RawValue.of(""));
        assertThat(values).doesNotContainKeys(Fields.TEXT, Fields.LISTS);
    }

    @Test
    void errorsLandOnInputBlocksEvenForAKeyWithoutAnInput() {
        List<FieldError> found = List.of(
                new FieldError(Fields.PRICE, "Too low."),
                new FieldError(Fields.PRICE, "Two decimals at most."),
                new FieldError("audience", "Choose someone."),
                new FieldError(Fields.TEXT, "Too long."));
        ViewState withText = state(Map.of(Fields.TEXT, text("x"), Fields.PRICE, text("1")));
        ViewState textKept = state(Map.of(Fields.LISTS, options(), Fields.PRICE, text("1")));

        assertThat(ComposeValues.errorsByBlock(found, withText))
                .containsExactly(
                        Map.entry(Fields.PRICE, "Too low. Two decimals at most."),
                        Map.entry(Fields.TEXT, "audience: Choose someone. Too long."));
        assertThat(ComposeValues.errorsByBlock(found, textKept))
                .as("no text input: the first input there is takes them")
                .containsExactly(
                        Map.entry(Fields.PRICE, "Too low. Two decimals at most."),
                        Map.entry(Fields.LISTS, "audience: Choose someone. text: Too long."));
    }

    private static ViewState state(Map<String, ViewState.Value> inputs) {
        Map<String, Map<String, ViewState.Value>> values = new HashMap<>();
        inputs.forEach((block, value) -> values.put(block, Map.of(block, value)));
        ViewState state = new ViewState();
        state.setValues(values);
        return state;
    }

    private static ViewState.Value dateTime(Instant at) {
        ViewState.Value value = new ViewState.Value();
        value.setSelectedDateTime((int) at.getEpochSecond());
        return value;
    }

    private static ViewState.Value text(String typed) {
        ViewState.Value value = new ViewState.Value();
        value.setValue(typed);
        return value;
    }

    private static ViewState.Value options(String... picked) {
        ViewState.Value value = new ViewState.Value();
        value.setSelectedOptions(java.util.Arrays.stream(picked)
                .map(v -> {
                    ViewState.SelectedOption option = new ViewState.SelectedOption();
                    option.setValue(v);
                    return option;
                })
                .toList());
        return value;
    }
}
