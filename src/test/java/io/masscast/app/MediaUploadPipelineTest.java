package io.masscast.app;

import static io.masscast.app.AttachedFiles.file;
import static io.masscast.app.AttachedFiles.mediaItems;
import static io.masscast.app.Pipeline.ALICE;
import static io.masscast.app.Pipeline.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.command.ActionId;
import io.masscast.core.command.CampaignCards;
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
import io.masscast.jobs.JobRuntime;
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
 * Files attached in chat, uploaded through OFAuth's upload flow on the simulator: init, parts, complete, then the
 * campaign's POST carries the upload reference; a failed upload leaves no campaign; a request after the reference
 * may have been used (Send again, the replace of an edit) carries the upload's vault id instead.
 */
class MediaUploadPipelineTest {
    private static final Actor BOB = Actor.of("bob", "Bob");
    /** Now: the simulator runs on the real clock, and takes no send time in its past. */
    private final Instant start = Instant.now();

    @TempDir
    Path folder;

    private static Reply submit(
            Pipeline pipeline, Optional<Long> campaignId, Map<String, FieldValue> extra, ChatFile... files) {
        Map<String, FieldValue> values = new LinkedHashMap<>();
        if (campaignId.isEmpty()) {
            values.put(Fields.TEXT, RawValue.of("New set is up"));
            values.put(Fields.LISTS, new RawValue(List.of("fans")));
            values.put(Fields.PRICE, RawValue.of("12.50"));
        }
        values.putAll(extra);
        if (files.length > 0) {
            values.put(Fields.FILES, new FieldValue.Files(List.of(files)));
        }
        return pipeline.wiring.router().submitForm(CHANNEL, ALICE, campaignId, values);
    }

    private static List<String> paths(Pipeline pipeline, String prefix) {
        return pipeline.simulator.requests().stream()
                .filter(r -> r.path().startsWith(prefix))
                .map(r -> r.method() + " " + r.path())
                .toList();
    }

    private static List<Attachment> attachments(Pipeline pipeline, Campaign campaign) {
        return pipeline.wiring.database().inTransaction(s -> s.attachments().forCampaign(campaign.id()));
    }

    private static List<Campaign> stored(Pipeline pipeline) {
        return pipeline.wiring
                .database()
                .inTransaction(s -> s.campaigns().inChannel(CHANNEL, EnumSet.allOf(CampaignState.class), 10));
    }

    private static String mediaOnCard(Pipeline pipeline) {
        Card card = pipeline.channel.cardOf("MC-1").orElseThrow();
        return card.fields().stream()
                .filter(f -> f.label().equals(CampaignCards.MEDIA))
                .findFirst()
                .orElseThrow()
                .value();
    }

    @Test
    void aFileGoesUpInPartsAndThePostCarriesItsReference() {
        MutableClock clock = new MutableClock(start);
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            pipeline.simulator.uploadPartSize(1_000); // a 2,500-byte file: three parts
            Reply reply = submit(pipeline, Optional.empty(), Map.of(), file("set 1.jpg", "image/jpeg", 2_500));

            assertThat(((Reply.Text) reply).text()).startsWith("MC-1 is waiting for approval.");
            String ref = attachments(pipeline, pipeline.campaign(1)).get(0).uploadRef();
            assertThat(paths(pipeline, "/v2/access/uploads"))
                    .containsExactly(
                            "POST /v2/access/uploads/init",
                            "PUT /v2/access/uploads/" + ref + "/parts/1",
                            "PUT /v2/access/uploads/" + ref + "/parts/2",
                            "PUT /v2/access/uploads/" + ref + "/parts/3",
                            "POST /v2/access/uploads/complete");
            List<RecordedRequest> uploads = pipeline.simulator.requests().stream()
                    .filter(r -> r.path().startsWith("/v2/access/uploads"))
                    .toList();
            assertThat(uploads.get(0).body())
                    .isEqualTo("{\"filename\":\"set 1.jpg\",\"size\":2500,\"contentType\":\"image/jpeg\"}");
            assertThat(uploads.subList(1, 4))
                    .extracting(RecordedRequest::body)
                    .containsExactly(
                            "<1000 bytes of image/jpeg>", "<1000 bytes of image/jpeg>", "<500 bytes of image/jpeg>");
            assertThat(pipeline.campaign(1).content().media())
                    .extracting(Object::toString)
                    .containsExactly(ref);

            pipeline.tick();
            assertThat(mediaOnCard(pipeline)).isEqualTo("1 item (no free preview): set 1.jpg (JPEG image, 3 KB)");
            pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(1));
            pipeline.tickUntilSubmitted();

            assertThat(pipeline.creates()).hasSize(1);
            assertThat(mediaItems(pipeline.creates().get(0))).isEqualTo("\"" + ref + "\"");
            assertThat(pipeline.state(1)).isIn(CampaignState.SENDING, CampaignState.SENT);
        }
    }

    @Test
    void aFailedUploadLeavesNoCampaignAndSaysWhichFile() {
        MutableClock clock = new MutableClock(start);
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            pipeline.simulator.uploadPartSize(1_000);
            pipeline.simulator.faults().add(Fault.status("POST", "/v2/access/uploads/complete", 500));

            Reply reply = submit(
                    pipeline,
                    Optional.empty(),
                    Map.of(),
                    file("a.jpg", "image/jpeg", 900),
                    file("b.mp4", "video/mp4", 1_800));
            pipeline.tick();

            assertThat(reply).isInstanceOf(Reply.Errors.class);
            assertThat(((Reply.Errors) reply).errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo(Fields.FILES);
                assertThat(error.message())
                        .isEqualTo("Could not upload b.mp4 (file 2 of 2): OFAuth answered with a server"
                                + " error (HTTP 500). Nothing was created (the file uploaded before it stays unused in the vault);"
                                + " submit again, or attach fewer or smaller files.");
            });
            assertThat(stored(pipeline)).as("no campaign").isEmpty();
            assertThat(pipeline.channel.posted()).as("no card").isZero();
            assertThat(pipeline.creates()).isEmpty();
        }
    }

    @Test
    void filesMasscastDoesNotTakeAreRefusedBeforeAnythingIsUploaded() {
        try (Pipeline pipeline = new Pipeline(folder, new MutableClock(start))) {
            Reply reply = submit(
                    pipeline,
                    Optional.empty(),
                    Map.of(),
                    file("notes.pdf", "application/pdf", 100),
                    new ChatFile("huge.mov", "video/quicktime", 250_000_000L, () -> {
                        throw new AssertionError("never read");
                    }));

            assertThat(((Reply.Errors) reply).errors())
                    .extracting(e -> e.field() + ": " + e.message())
                    .containsExactly(
                            "files: \"notes.pdf\" is of type application/pdf: masscast attaches JPEG, PNG and GIF images, MP4 and MOV"
                                    + " videos, and MP3, M4A and WAV audio.",
                            "files: \"huge.mov\" is 250.0 MB: a file attached here is at most 200 MB. Put larger media in the"
                                    + " vault in OnlyFans and give its vault id under media.");
            assertThat(paths(pipeline, "/v2/access/uploads")).isEmpty();
            assertThat(stored(pipeline)).as("no campaign").isEmpty();
        }
    }

    @Test
    void aDraftThePolicyRefusesUploadsNothing() {
        try (Pipeline pipeline = new Pipeline(folder, new MutableClock(start))) {
            Reply reply = submit(
                    pipeline,
                    Optional.empty(),
                    Map.of(Fields.PREVIEW, RawValue.of("2")),
                    file("a.jpg", "image/jpeg", 500)); // two previews of one item

            assertThat(reply).isInstanceOf(Reply.Errors.class);
            assertThat(((Reply.Errors) reply).errors())
                    .extracting(e -> e.field())
                    .contains(Fields.PREVIEW);
            assertThat(paths(pipeline, "/v2/access/uploads")).isEmpty();
        }
    }

    @Test
    void sendAgainAfterAnInDoubtCreateCarriesTheVaultIdNotTheUsedReference() {
        MutableClock clock = new MutableClock(start);
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            submit(pipeline, Optional.empty(), Map.of(), file("a.jpg", "image/jpeg", 700));
            Attachment attachment = attachments(pipeline, pipeline.campaign(1)).get(0);
            pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(1));
            pipeline.simulator.faults().add(Fault.dropAfterCreate()); // OFAuth creates it, the answer is lost
            submitterOnly(pipeline);
            assertThat(pipeline.state(1)).isEqualTo(CampaignState.IN_DOUBT);

            pipeline.click(BOB, ActionId.Verb.SEND_AGAIN, pipeline.campaign(1));
            submitterOnly(pipeline);

            assertThat(pipeline.creates()).hasSize(2);
            assertThat(mediaItems(pipeline.creates().get(0))).isEqualTo("\"" + attachment.uploadRef() + "\"");
            assertThat(mediaItems(pipeline.creates().get(1)))
                    .isEqualTo(attachment.vaultMediaId().orElseThrow().toString());
            assertThat(pipeline.state(1))
                    .as("OFAuth took the vault id")
                    .isIn(CampaignState.SENDING, CampaignState.SENT);
        }
    }

    @Test
    void theReplaceOfAScheduledCampaignsEditCarriesTheVaultId() {
        MutableClock clock = new MutableClock(start);
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            submit(
                    pipeline,
                    Optional.empty(),
                    Map.of(Fields.AT, RawValue.of("in 3h")),
                    file("a.jpg", "image/jpeg", 700));
            Attachment attachment = attachments(pipeline, pipeline.campaign(1)).get(0);
            pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(1));
            pipeline.tickUntilSubmitted();
            assertThat(pipeline.state(1))
                    .as(pipeline.campaign(1).note().orElse(""))
                    .isEqualTo(CampaignState.SCHEDULED);

            submit(pipeline, Optional.of(pipeline.campaign(1).id()), Map.of(Fields.PRICE, RawValue.of("15")));
            pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(1));
            pipeline.tickUntilSubmitted();

            List<RecordedRequest> replaces = pipeline.requests("PUT", "/v2/access/mass-messages/");
            assertThat(replaces).hasSize(1);
            assertThat(mediaItems(replaces.get(0)))
                    .isEqualTo(attachment.vaultMediaId().orElseThrow().toString());
            assertThat(pipeline.state(1))
                    .as(pipeline.campaign(1).note().orElse(""))
                    .isEqualTo(CampaignState.SCHEDULED);
            assertThat(pipeline.campaign(1).content().price()).isEqualByComparingTo("15");
        }
    }

    /** Ticks only the submitter and the outbox: no reconciler decides a doubt before the test does. */
    private static void submitterOnly(Pipeline pipeline) {
        JobRuntime.runGuarded(pipeline.job("submitter"));
        JobRuntime.runGuarded(pipeline.job("outbox"));
    }
}
