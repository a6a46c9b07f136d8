package io.masscast.app;

import static io.masscast.app.Pipeline.ALICE;
import static io.masscast.app.Pipeline.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.command.ComposeForm;
import io.masscast.core.command.FieldValue;
import io.masscast.core.command.FormField;
import io.masscast.core.command.FormSpec;
import io.masscast.core.command.RawValue;
import io.masscast.core.command.Reply;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Campaign;
import io.masscast.core.policy.Fields;
import io.masscast.testing.MutableClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values a platform already typed reach the command layer as they are. The sharpest case: on the night the clocks
 * go back (Europe/Berlin, 2026-10-25), 02:30 happens twice; a picker's second 02:30 is an exact instant and must
 * stay that instant, not be read back as a wall-clock time (which takes the first one, an hour early).
 */
class TypedInputTest {
    private static final Instant SECOND_0230 = Instant.parse("2026-10-25T01:30:00Z"); // 02:30 CET, after the change
    private static final Actor BOB = Actor.of("bob", "Bob");
    private static final Instant FIRST_0230 = Instant.parse("2026-10-25T00:30:00Z"); // 02:30 CEST, before it

    @TempDir
    Path folder;

    private Pipeline pipeline;

    @BeforeEach
    void start() {
        pipeline = new Pipeline(folder, MutableClock.at("2026-10-20T10:00:00Z"));
    }

    @AfterEach
    void stop() {
        pipeline.close();
    }

    @Test
    void aPickedInstantInTheRepeatedHourIsTheCampaignsSendTime() {
        Map<String, FieldValue> form = validForm();
        form.put(Fields.AT, new FieldValue.Moment(SECOND_0230));

        Reply reply = pipeline.wiring.router().submitForm(CHANNEL, ALICE, Optional.empty(), form);

        assertThat(reply).isInstanceOf(Reply.Text.class);
        assertThat(campaign(1).scheduledAt()).contains(SECOND_0230);
    }

    @Test
    void anEditThatLeavesTheSendTimeAsShownKeepsTheExactInstant() {
        Map<String, FieldValue> form = validForm();
        form.put(Fields.AT, new FieldValue.Moment(SECOND_0230));
        pipeline.wiring.router().submitForm(CHANNEL, ALICE, Optional.empty(), form);
        FormSpec edit = ((Reply.Form) pipeline.run(ALICE, "edit MC-1")).spec();
        Map<String, RawValue> typedBack = new LinkedHashMap<>();
        for (FormField field : ComposeForm.FIELDS) {
            typedBack.put(
                    field.key(),
                    field.kind() == FormField.Kind.TEXT
                            ? RawValue.of(edit.typed(field.key()))
                            : RawValue.parse(edit.typed(field.key())));
        }
        typedBack.put(Fields.TEXT, RawValue.of("New set, now with a teaser"));

        Reply reply = pipeline.wiring.router().submitForm(CHANNEL, ALICE, Optional.of(1L), typedBack);

        assertThat(edit.typed(Fields.AT)).isEqualTo("2026-10-25 02:30");
        assertThat(((Reply.Text) reply).text()).contains("MC-1 was edited");
        assertThat(campaign(1).content().text()).isEqualTo("New set, now with a teaser");
        assertThat(campaign(1).scheduledAt()).contains(SECOND_0230);
    }

    @Test
    void theRepeatedHourTypedAsTextTakesTheFirstOneAndSaysSo() {
        Reply reply = pipeline.run(
                ALICE,
                "new text=\"New set\" lists=fans media=48213377,48213378 preview=1 price=12.50 "
                        + "at=\"2026-10-25 02:30\"");

        assertThat(((Reply.Text) reply).text()).contains("happens twice");
        assertThat(campaign(1).scheduledAt()).contains(FIRST_0230);
    }

    @Test
    void aTypedCommandRunsWithoutBeingWrittenOut() {
        Map<String, FieldValue> options = validForm();
        options.put(Fields.SUBSCRIBED_AFTER, new FieldValue.Day(LocalDate.parse("2026-01-01")));
        options.put(Fields.LOCKED, new FieldValue.Flag(true));

        Reply reply = pipeline.wiring.router().run(CHANNEL, ALICE, "new", List.of(), options);

        assertThat(((Reply.Text) reply).text()).contains("MC-1 is waiting for approval");
        Campaign campaign = campaign(1);
        assertThat(campaign.content().price()).isEqualByComparingTo("12.50");
        assertThat(campaign.content().previewCount()).isEqualTo(1);
        assertThat(campaign.content().lockedText()).isTrue();
        assertThat(campaign.audience().subscribedAfter()).contains(Instant.parse("2025-12-31T23:00:00Z"));
        assertThat(pipeline.wiring
                        .router()
                        .run(CHANNEL, BOB, "reject", List.of("MC-1", "Too early, wait for Monday"), Map.of()))
                .isInstanceOf(Reply.Text.class);
        assertThat(campaign(1).note()).contains("Too early, wait for Monday");
    }

    private static Map<String, FieldValue> validForm() {
        Map<String, FieldValue> form = new LinkedHashMap<>();
        form.put(Fields.TEXT, RawValue.of("New set"));
        form.put(Fields.LISTS, RawValue.of("fans"));
        form.put(Fields.MEDIA, RawValue.of("48213377", "48213378"));
        form.put(Fields.PREVIEW, new FieldValue.Count(1));
        form.put(Fields.PRICE, new FieldValue.Amount(new BigDecimal("12.50")));
        return form;
    }

    private Campaign campaign(int number) {
        return pipeline.campaign(number);
    }
}
