package io.masscast.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.view.ViewState;
import io.masscast.core.command.RawValue;
import io.masscast.core.policy.FieldError;
import io.masscast.core.policy.Fields;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComposeValuesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void thePickedInstantBecomesTheCreatorsLocalTime() {
        Map<String, RawValue> summer = ComposeValues.read(state(Map.of(Fields.AT,
                dateTime(Instant.parse("2026-07-01T18:00:00Z")))), BERLIN);
        Map<String, RawValue> winter = ComposeValues.read(state(Map.of(Fields.AT,
                dateTime(Instant.parse("2026-01-15T18:00:00Z")))), BERLIN);
        Map<String, RawValue> none = ComposeValues.read(state(Map.of(Fields.AT, new ViewState.Value())), BERLIN);

        assertThat(summer.get(Fields.AT)).isEqualTo(RawValue.of("2026-07-01 20:00"));
        assertThat(winter.get(Fields.AT)).isEqualTo(RawValue.of("2026-01-15 19:00"));
        assertThat(none.get(Fields.AT)).isEqualTo(RawValue.of(""));
    }

    @Test
    void vaultPicksAndTypedMediaMergeIntoOneValue() {
        Map<String, RawValue> values = ComposeValues.read(state(Map.of(
                ComposeModal.MEDIA_VAULT, options("48213377", "48213378"),
                Fields.MEDIA, text("99, https://cdn.example.com/a.jpg\nupload:abcdef12"))), BERLIN);

        assertThat(values.get(Fields.MEDIA).items())
                .containsExactly("48213377", "48213378", "99", "https://cdn.example.com/a.jpg", "upload:abcdef12");
        assertThat(values).doesNotContainKey(ComposeModal.MEDIA_VAULT);
    }

    @Test
    void checkboxesAndEmptyInputsReadAsTheCoreExpects() {
        Map<String, RawValue> values = ComposeValues.read(state(Map.of(
                Fields.LOCKED, options(ComposeModal.YES),
                Fields.MARKDOWN, new ViewState.Value(),
                Fields.USERS, text(" 101 , 202 "),
                Fields.PRICE, new ViewState.Value())), BERLIN);

        assertThat(values.get(Fields.LOCKED)).isEqualTo(RawValue.of("yes"));
        assertThat(values.get(Fields.MARKDOWN)).isEqualTo(RawValue.of("no"));
        assertThat(values.get(Fields.USERS).items()).containsExactly("101", "202");
        assertThat(values.get(Fields.PRICE)).isEqualTo(RawValue.of(""));
        assertThat(values).doesNotContainKeys(Fields.TEXT, Fields.LISTS);
    }

    @Test
    void errorsLandOnInputBlocksEvenForAKeyWithoutAnInput() {
        Map<String, String> errors = ComposeValues.errorsByBlock(List.of(
                new FieldError(Fields.PRICE, "Too low."),
                new FieldError(Fields.PRICE, "Two decimals at most."),
                new FieldError("audience", "Choose someone.")));

        assertThat(errors).containsExactly(
                Map.entry(Fields.PRICE, "Too low. Two decimals at most."),
                Map.entry(Fields.TEXT, "audience: Choose someone."));
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
        value.setSelectedOptions(java.util.Arrays.stream(picked).map(v -> {
            ViewState.SelectedOption option = new ViewState.SelectedOption();
            option.setValue(v);
            return option;
        }).toList());
        return value;
    }
}
