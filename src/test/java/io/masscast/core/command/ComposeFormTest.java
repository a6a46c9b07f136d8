package io.masscast.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.policy.Fields;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComposeFormTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void theFormHasOneFieldPerFormKeyInTheirOrder() {
        assertThat(ComposeForm.FIELDS).extracting(FormField::key).containsExactlyElementsOf(Fields.ALL);
        assertThat(ComposeForm.FIELDS)
                .allSatisfy(field -> assertThat(field.label()).isNotBlank().hasSizeLessThanOrEqualTo(45));
    }

    @Test
    void theMessageComesFirstThenTheAbTestThenWhatIsAskedOnlyOnRequest() {
        assertThat(ComposeForm.of(FormField.Group.MESSAGE))
                .extracting(FormField::key)
                .containsExactlyElementsOf(Fields.DRAFT);
        assertThat(ComposeForm.of(FormField.Group.AB_TEST))
                .extracting(FormField::key)
                .containsExactly(
                        "split", "text_b", "lists_b", "media_b", "price_b", "text_c", "lists_c", "media_c", "price_c");
        assertThat(ComposeForm.of(FormField.Group.ON_REQUEST))
                .extracting(FormField::key)
                .containsExactly("confirm");
        assertThat(ComposeForm.field("price_c")).satisfies(field -> {
            assertThat(field.label()).isEqualTo("Variant C · PPV price (USD)");
            assertThat(field.kind()).isEqualTo(FormField.Kind.MONEY);
        });
        assertThat(ComposeForm.SPLIT.choices())
                .extracting(FormField.Choice::value)
                .containsExactly("", "lists", "random");
    }

    @Test
    void aPrefilledValueIsTypedSoThatReadingItBackGivesTheSameItems() {
        FormSpec spec = new FormSpec(
                Optional.empty(),
                "New",
                "Mila",
                BERLIN,
                Map.of(
                        Fields.LISTS, new RawValue(List.of("VIP whales", "a, b", "say \"hi\"")),
                        Fields.AT, new FieldValue.Moment(Instant.parse("2026-07-01T18:00:00Z")),
                        Fields.LOCKED, new FieldValue.Flag(true)));

        assertThat(RawValue.parse(spec.typed(Fields.LISTS)).items())
                .containsExactly("VIP whales", "a, b", "say \"hi\"");
        assertThat(spec.typed(Fields.AT)).isEqualTo("2026-07-01 20:00");
        assertThat(spec.typed(Fields.LOCKED)).isEqualTo("yes");
        assertThat(spec.typed(Fields.MEDIA)).isEmpty();
    }
}
