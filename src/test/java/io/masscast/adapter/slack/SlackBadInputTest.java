package io.masscast.adapter.slack;

import static io.masscast.adapter.slack.SlackPayloads.dateTime;
import static io.masscast.adapter.slack.SlackPayloads.number;
import static io.masscast.adapter.slack.SlackPayloads.selected;
import static io.masscast.adapter.slack.SlackPayloads.text;
import static io.masscast.adapter.slack.SlackTestBed.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.masscast.core.policy.Fields;
import io.masscast.testing.BadInputCases;
import io.masscast.testing.BadInputCases.FieldCase;
import io.masscast.testing.FakeOfAuthGateway;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Generated bad values in the compose modal, submitted over HTTP as signed {@code view_submission} payloads:
 * each comes back as an error on the field's own input, the message short, nothing stored, within a deadline.
 * Broken UTF-16 can't travel in a UTF-8 request, and the checkboxes and the send-time picker can't carry typed
 * text, so those fields get their own cases (picker instants far in the past and future).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackBadInputTest {
    private static final long SEED = Long.getLong("masscast.hardening.seed", 20260320L);
    private static final int CASES = 300;
    /** Slack shows an input's error under it; a few sentences at most. */
    private static final int MAX_ERROR = 600;

    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final List<String> TYPED_FIELDS = List.of(
            Fields.TEXT,
            Fields.LISTS,
            Fields.EXCLUDE,
            Fields.USERS,
            Fields.SUBSCRIBED_AFTER,
            Fields.MEDIA,
            Fields.PREVIEW,
            Fields.PRICE);
    /** Send times a picker could hold that are never allowed: far past and future, just past, beyond 90 days. */
    private static final List<Long> BAD_PICKED_TIMES = List.of(
            (long) Integer.MIN_VALUE,
            (long) Integer.MAX_VALUE,
            0L,
            -1L,
            Instant.parse("2026-03-20T09:59:30Z").getEpochSecond(),
            Instant.parse("2026-03-19T10:00:00Z").getEpochSecond(),
            Instant.parse("2026-06-19T10:00:00Z").getEpochSecond(),
            Instant.parse("2030-01-01T00:00:00Z").getEpochSecond());

    private SlackTestBed bed;
    private JsonObject view;
    private final AtomicInteger submissions = new AtomicInteger();
    private int outboxBefore;

    @BeforeAll
    void openTheComposeModal() throws Exception {
        bed = SlackTestBed.start();
        bed.bindChannel();
        view = bed.openedView(bed.slash(ALICE, "new").triggerId());
        HttpResponse<String> probe = submit(valid());
        assertThat(probe.body()).as("the valid form is accepted").isEmpty();
        assertThat(bed.campaigns.find(1)).isPresent();
        outboxBefore = bed.stores.pendingOutbox().size();
    }

    @AfterAll
    void stop() {
        bed.close();
    }

    @TestFactory
    Stream<DynamicTest> everyBadModalValueComesBackOnItsInputAndStoresNothing() {
        List<FieldCase> cases = new ArrayList<>(BadInputCases.fields(SEED, CASES, TYPED_FIELDS).stream()
                .filter(c -> !c.kind().equals("broken surrogate"))
                .toList());
        BAD_PICKED_TIMES.forEach(at -> cases.add(new FieldCase(Fields.AT, Long.toString(at), "picked time")));
        return IntStream.range(0, cases.size())
                .mapToObj(i ->
                        DynamicTest.dynamicTest("#" + i + " " + cases.get(i), () -> refusedOnItsInput(cases.get(i))));
    }

    private void refusedOnItsInput(FieldCase bad) {
        Map<String, JsonObject> inputs = valid();
        inputs.put(bad.field(), input(bad));

        HttpResponse<String> answer = assertTimeoutPreemptively(DEADLINE, () -> submit(inputs));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonObject body = JsonParser.parseString(answer.body()).getAsJsonObject();
        assertThat(body.get("response_action").getAsString()).isEqualTo("errors");
        JsonObject errors = body.getAsJsonObject("errors");
        assertThat(errors.keySet())
                .as("the error is on the field's input")
                .contains(bad.field())
                .allSatisfy(block -> assertThat(BlockKitJson.inputs(view)).containsKey(block));
        errors.keySet()
                .forEach(block -> assertThat(errors.get(block).getAsString()).hasSizeLessThanOrEqualTo(MAX_ERROR));
        assertThat(bed.campaigns.find(2)).as("nothing stored").isEmpty();
        assertThat(bed.stores.pendingOutbox()).hasSize(outboxBefore);
    }

    private HttpResponse<String> submit(Map<String, JsonObject> inputs) {
        JsonObject payload = SlackPayloads.viewSubmission(ALICE, view, inputs);
        payload.addProperty("trigger_id", "trigger-submit-" + submissions.incrementAndGet()); // no two bodies alike
        return bed.post(SlackPayloads.form(payload));
    }

    private static Map<String, JsonObject> valid() {
        Map<String, JsonObject> inputs = new HashMap<>();
        inputs.put(Fields.TEXT, text("Weekend set"));
        inputs.put(Fields.LISTS, selected("multi_static_select", FakeOfAuthGateway.VIP.id()));
        inputs.put(ComposeModal.MEDIA_VAULT, selected("multi_static_select", "48213377", "48213378"));
        inputs.put(Fields.PREVIEW, number("1"));
        inputs.put(Fields.PRICE, number("12.50"));
        return inputs;
    }

    /** The bad value as the modal's input for its field sends it. */
    private static JsonObject input(FieldCase bad) {
        return switch (bad.field()) {
            case Fields.LISTS, Fields.EXCLUDE ->
                selected("multi_static_select", bad.value().split(",", -1));
            case Fields.SUBSCRIBED_AFTER -> SlackPayloads.date(bad.value());
            case Fields.PREVIEW, Fields.PRICE -> number(bad.value());
            case Fields.AT -> dateTime(Long.parseLong(bad.value()));
            default -> text(bad.value());
        };
    }
}
