package io.masscast.adapter.discord;

import static io.masscast.adapter.discord.DiscordTestBed.ALICE_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.masscast.core.model.CampaignState;
import io.masscast.core.policy.Fields;
import io.masscast.testing.BadInputCases;
import io.masscast.testing.BadInputCases.FieldCase;
import io.masscast.testing.FakeOfAuthGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The generated bad values of the hardening suite through Discord: typed into the string options of
 * {@code /masscast new} (Discord itself checks the number and yes/no options), and into the compose modal's text
 * inputs and menus. Each is answered privately with a short message that names the field, nothing is stored, and
 * the answer comes within a deadline.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordBadInputTest {
    private static final long SEED = Long.getLong("masscast.hardening.seed", 20260320L);
    private static final int OPTION_CASES = 300;
    private static final int MODAL_CASES = 150;
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    /** The options of {@code new} that take text; the others are numbers and yes/no, typed by Discord. */
    private static final List<String> STRING_OPTIONS = List.of(
            Fields.TEXT, Fields.LISTS, Fields.EXCLUDE, Fields.USERS, Fields.SUBSCRIBED_AFTER, Fields.MEDIA, Fields.AT);

    private static final List<String> MODAL_FIELDS =
            List.of(Fields.TEXT, Fields.LISTS, Fields.EXCLUDE, Fields.PRICE, Fields.AT);

    private DiscordTestBed bed;
    private String modal;

    @BeforeAll
    void bind() {
        bed = DiscordTestBed.start();
        bed.bindChannel();
        modal = bed.events
                .awaitAnswer(
                        bed.slash(ALICE_MEMBER, "new", Map.of(Fields.MEDIA, "48213377,48213378", Fields.PREVIEW, 1L)))
                .json()
                .getString("custom_id");
        assertThat(bed.events
                        .awaitAnswer(bed.submit(ALICE_MEMBER, modal, validModal()))
                        .content())
                .as("the valid form is accepted")
                .contains("MC-1 is waiting for approval");
        assertThat(bed.events
                        .awaitAnswer(bed.slash(ALICE_MEMBER, "new", validOptions()))
                        .content())
                .as("the valid options are accepted")
                .contains("MC-2 is waiting for approval");
    }

    @AfterAll
    void stop() {
        bed.close();
    }

    @TestFactory
    Stream<DynamicTest> everyBadOptionIsRefusedNamingItsField() {
        List<FieldCase> cases = BadInputCases.fields(SEED, OPTION_CASES, STRING_OPTIONS);
        return IntStream.range(0, cases.size())
                .mapToObj(i -> DynamicTest.dynamicTest("#" + i + " " + cases.get(i), () -> {
                    Map<String, Object> options = validOptions();
                    options.put(cases.get(i).field(), cases.get(i).value());
                    refused(cases.get(i), () -> bed.slash(ALICE_MEMBER, "new", options));
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyBadModalValueIsRefusedNamingItsField() {
        List<FieldCase> cases = new ArrayList<>(BadInputCases.fields(SEED + 1, MODAL_CASES, MODAL_FIELDS));
        return IntStream.range(0, cases.size())
                .mapToObj(i -> DynamicTest.dynamicTest("#" + i + " " + cases.get(i), () -> {
                    FieldCase bad = cases.get(i);
                    Map<String, Object> values = validModal();
                    values.put(
                            bad.field(),
                            List.of(Fields.LISTS, Fields.EXCLUDE).contains(bad.field())
                                    ? List.of(bad.value().split(",", -1))
                                    : bad.value());
                    refused(bad, () -> bed.submit(ALICE_MEMBER, modal, values));
                }));
    }

    private void refused(FieldCase bad, java.util.function.Supplier<String> interaction) {
        String id = assertTimeoutPreemptively(DEADLINE, interaction::get);

        DiscordEvents.Answer answer = bed.events.awaitAnswer(id);
        assertThat(answer.isPrivate()).isTrue();
        assertThat(answer.content())
                .as("names the field")
                .contains("**" + bad.field() + "**")
                .hasSizeLessThanOrEqualTo(DiscordMessage.CONTENT_MAX);
        assertThat(bed.core.campaigns().list(DiscordTestBed.CHANNEL, EnumSet.allOf(CampaignState.class), 10))
                .as("nothing stored")
                .hasSize(2);
    }

    private static Map<String, Object> validOptions() {
        Map<String, Object> options = new HashMap<>();
        options.put(
                Fields.TEXT, "Weekend set, by options"); // MC-1's own text would be a twin, refused unless confirmed
        options.put(Fields.LISTS, FakeOfAuthGateway.VIP.name());
        options.put(Fields.MEDIA, "48213377,48213378");
        options.put(Fields.PREVIEW, 1L);
        options.put(Fields.PRICE, 12.5);
        return options;
    }

    private static Map<String, Object> validModal() {
        Map<String, Object> values = new HashMap<>();
        values.put(Fields.TEXT, "Weekend set");
        values.put(Fields.LISTS, List.of(FakeOfAuthGateway.VIP.id()));
        values.put(Fields.EXCLUDE, List.of());
        values.put(Fields.PRICE, "12.50");
        values.put(Fields.AT, "");
        return values;
    }
}
