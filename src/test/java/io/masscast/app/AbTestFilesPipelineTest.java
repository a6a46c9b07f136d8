package io.masscast.app;

import static io.masscast.app.AttachedFiles.file;
import static io.masscast.app.Pipeline.ALICE;
import static io.masscast.app.Pipeline.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.command.Card;
import io.masscast.core.command.FieldValue;
import io.masscast.core.command.RawValue;
import io.masscast.core.command.Reply;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Attachment;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.ChatFile;
import io.masscast.core.policy.Fields;
import io.masscast.simulator.Fault;
import io.masscast.simulator.RecordedRequest;
import io.masscast.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files attached to an A/B test on the OFAuth simulator: they join variant A's media and that of each variant taking
 * A's; an upload reference works for one message only, so the other messages carry the upload's vault id, or, when
 * OFAuth names none, an upload of their own. Every variant's POST is accepted.
 */
class AbTestFilesPipelineTest {
    private static final Actor BOB = Actor.of("bob", "Bob");
    private static final String TIPPERS = "1204999";

    /** Now: the simulator runs on the real clock. */
    private final Instant start = Instant.now();

    @TempDir
    Path folder;

    /** A test by lists: A "fans" at $12.50, B Tippers at $15, {@code extra} on top, the files attached. */
    private static Reply submitTest(Pipeline pipeline, Map<String, String> extra, ChatFile... files) {
        Map<String, FieldValue> values = new LinkedHashMap<>();
        values.put(Fields.TEXT, RawValue.of("Option A"));
        values.put(Fields.LISTS, new RawValue(List.of("VIP whales")));
        values.put(Fields.PRICE, RawValue.of("12.50"));
        values.put(Fields.SPLIT, RawValue.of("lists"));
        values.put(Fields.ofVariant(Fields.TEXT, "B"), RawValue.of("Option B"));
        values.put(Fields.ofVariant(Fields.LISTS, "B"), new RawValue(List.of(TIPPERS)));
        values.put(Fields.ofVariant(Fields.PRICE, "B"), RawValue.of("15"));
        extra.forEach((key, value) -> values.put(key, RawValue.of(value)));
        values.put(Fields.FILES, new FieldValue.Files(List.of(files)));
        return pipeline.wiring.router().submitForm(CHANNEL, ALICE, Optional.empty(), values);
    }

    private static List<RecordedRequest> inits(Pipeline pipeline) {
        return pipeline.requests("POST", "/v2/access/uploads/init");
    }

    private static String mediaItemsOf(Pipeline pipeline, String text) {
        return pipeline.creates().stream()
                .filter(r -> r.body().contains("\"text\":\"" + text + "\""))
                .map(AttachedFiles::mediaItems)
                .findFirst()
                .orElseThrow();
    }

    private static List<Attachment> attachments(Pipeline pipeline, int campaign) {
        long id = pipeline.campaign(campaign).id();
        return pipeline.wiring.database().inTransaction(s -> s.attachments().forCampaign(id));
    }

    private static String variantOnCard(Pipeline pipeline, String variant) {
        Card card = pipeline.channel.cardOf("MC-1").orElseThrow();
        return card.fields().stream()
                .filter(f -> f.label().equals("Variant " + variant))
                .findFirst()
                .orElseThrow()
                .value();
    }

    private static void approveAndSend(Pipeline pipeline) {
        Reply approved = pipeline.run(BOB, "/masscast approve MC-1");
        assertThat(((Reply.Text) approved).text()).contains("You approved the A/B test MC-1");
        pipeline.tickUntilSubmitted();
        pipeline.tick();
    }

    @Test
    void aFileOfATestIsUploadedOnceAndTheOtherVariantSendsItsVaultId() {
        try (Pipeline pipeline = new Pipeline(folder, new MutableClock(start))) {
            Reply reply = submitTest(pipeline, Map.of(), file("set 1.jpg", "image/jpeg", 2_500));

            assertThat(((Reply.Text) reply).text())
                    .startsWith("A/B test MC-1 (2 variants, split by lists: A MC-1 · B MC-2) is waiting for approval")
                    .contains("The attached file goes with 2 messages of the test; uploaded once, the others send"
                            + " OFAuth's vault id of it.");
            assertThat(inits(pipeline)).hasSize(1);
            Attachment uploaded = attachments(pipeline, 1).get(0);
            pipeline.tick();
            assertThat(variantOnCard(pipeline, "A")).contains("1 media item, attached: set 1.jpg (JPEG image, 3 KB)");
            assertThat(variantOnCard(pipeline, "B")).contains("1 media item, attached: set 1.jpg (JPEG image, 3 KB)");

            approveAndSend(pipeline);

            assertThat(pipeline.creates()).hasSize(2);
            assertThat(mediaItemsOf(pipeline, "Option A")).isEqualTo("\"" + uploaded.uploadRef() + "\"");
            assertThat(mediaItemsOf(pipeline, "Option B"))
                    .isEqualTo(uploaded.vaultMediaId().orElseThrow().toString());
            assertThat(List.of(pipeline.state(1), pipeline.state(2)))
                    .as("OFAuth took both")
                    .allMatch(state -> state == CampaignState.SENDING || state == CampaignState.SENT);
        }
    }

    @Test
    void withoutAVaultIdFromOFAuthEachMessageGetsAnUploadOfItsOwn() {
        try (Pipeline pipeline = new Pipeline(folder, new MutableClock(start))) {
            pipeline.simulator.uploadsNameTheirMedia(false);

            Reply reply = submitTest(pipeline, Map.of(), file("teaser.mp4", "video/mp4", 1_200));

            assertThat(((Reply.Text) reply).text())
                    .contains("OFAuth gave no vault id for every file, so they were uploaded 2 times, once for each"
                            + " message (an upload works for one message only).");
            assertThat(inits(pipeline)).hasSize(2);
            String refA = attachments(pipeline, 1).get(0).uploadRef();
            String refB = attachments(pipeline, 2).get(0).uploadRef();
            assertThat(refA).isNotEqualTo(refB);

            approveAndSend(pipeline);

            assertThat(mediaItemsOf(pipeline, "Option A")).isEqualTo("\"" + refA + "\"");
            assertThat(mediaItemsOf(pipeline, "Option B")).isEqualTo("\"" + refB + "\"");
            assertThat(List.of(pipeline.state(1), pipeline.state(2)))
                    .allMatch(state -> state == CampaignState.SENDING || state == CampaignState.SENT);
        }
    }

    @Test
    void aVariantWithMediaOfItsOwnDoesNotCarryTheFiles() {
        try (Pipeline pipeline = new Pipeline(folder, new MutableClock(start))) {
            Reply reply = submitTest(
                    pipeline, Map.of(Fields.ofVariant(Fields.MEDIA, "B"), "48213377"), file("a.png", "image/png", 600));

            assertThat(((Reply.Text) reply).text()).doesNotContain("attached file");
            assertThat(inits(pipeline)).hasSize(1);
            assertThat(attachments(pipeline, 2)).isEmpty();

            approveAndSend(pipeline);

            assertThat(mediaItemsOf(pipeline, "Option A"))
                    .isEqualTo("\"" + attachments(pipeline, 1).get(0).uploadRef() + "\"");
            assertThat(mediaItemsOf(pipeline, "Option B")).isEqualTo("48213377");
        }
    }

    @Test
    void aFailedUploadLeavesNoTest() {
        try (Pipeline pipeline = new Pipeline(folder, new MutableClock(start))) {
            pipeline.simulator.uploadPartSize(1_000);
            pipeline.simulator.faults().add(Fault.status("POST", "/v2/access/uploads/complete", 500));

            Reply reply = submitTest(pipeline, Map.of(), file("a.jpg", "image/jpeg", 1_800));
            pipeline.tick();

            assertThat(reply)
                    .isInstanceOfSatisfying(
                            Reply.Errors.class,
                            errors -> assertThat(errors.errors())
                                    .singleElement()
                                    .satisfies(error -> {
                                        assertThat(error.field()).isEqualTo(Fields.FILES);
                                        assertThat(error.message())
                                                .startsWith(
                                                        "Could not upload a.jpg: OFAuth answered with a server error");
                                    }));
            List<Campaign> stored = pipeline.wiring
                    .database()
                    .inTransaction(s -> s.campaigns().inChannel(CHANNEL, EnumSet.allOf(CampaignState.class), 10));
            assertThat(stored).as("no campaign").isEmpty();
            assertThat(pipeline.channel.posted()).as("no card").isZero();
        }
    }
}
