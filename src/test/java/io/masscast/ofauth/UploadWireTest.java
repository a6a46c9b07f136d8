package io.masscast.ofauth;

import static io.masscast.ofauth.WireFixture.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.masscast.core.model.UploadPlan;
import io.masscast.core.model.UploadedMedia;
import io.masscast.core.port.OfAuthFailure;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** OFAuth's upload flow on the wire (OFAUTH.md §8): init, one PUT or parts and complete. */
class UploadWireTest {
    private static final String UPLOAD = "upload:6f1c2a90-2b7e-4c1e-9d7a-0e5b1f3c8a21";

    @RegisterExtension
    final WireFixture wire = new WireFixture();

    @Test
    void initSendsTheSchemasFieldsAndReadsThePlanFromTheHeaders() throws Exception {
        wire.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .addHeader("x-ofauth-upload-total-parts", "3")
                .addHeader("x-ofauth-upload-part-size", "5242880")
                .body("{\"mediaUploadId\": \"" + UPLOAD + "\"}")
                .build());

        UploadPlan plan = wire.client.initUpload(CONNECTION, "set 1.mp4", 12_000_000, "video/mp4");

        RecordedRequest request = wire.takeAccess("POST", "/v2/access/uploads/init");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(request.getBody().utf8())
                .isEqualTo("{\"filename\":\"set 1.mp4\",\"size\":12000000,\"contentType\":\"video/mp4\"}");
        assertThat(plan).isEqualTo(new UploadPlan(UPLOAD, 3, 5_242_880));
    }

    @Test
    void withoutPlanHeadersTheBodysPartCountOrOnePartIsThePlan() throws Exception {
        wire.enqueue(200, "{\"mediaUploadId\": \"" + UPLOAD + "\", \"totalParts\": 2}");
        wire.enqueue(200, "{\"mediaUploadId\": \"" + UPLOAD + "\"}");

        assertThat(wire.client.initUpload(CONNECTION, "a.jpg", 1001, "image/jpeg"))
                .isEqualTo(new UploadPlan(UPLOAD, 2, 501));
        assertThat(wire.client.initUpload(CONNECTION, "a.jpg", 1001, "image/jpeg"))
                .isEqualTo(new UploadPlan(UPLOAD, 1, 1001));
    }

    @Test
    void aPlanThatCannotHoldTheFileIsABadPayload() {
        wire.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .addHeader("x-ofauth-upload-total-parts", "2")
                .addHeader("x-ofauth-upload-part-size", "10")
                .body("{\"mediaUploadId\": \"" + UPLOAD + "\"}")
                .build());

        assertThatThrownBy(() -> wire.client.initUpload(CONNECTION, "a.jpg", 1000, "image/jpeg"))
                .isInstanceOf(OfAuthFailure.BadPayload.class);
    }

    @Test
    void aOnePartUploadIsOnePutOfTheRawBytesAndGivesTheVaultId() throws Exception {
        wire.enqueue(
                200, "{\"mediaUploadId\": \"" + UPLOAD + "\", \"media\": {\"id\": 48213999, \"type\": \"photo\"}}");
        byte[] bytes = "JPEG bytes".getBytes(StandardCharsets.UTF_8);

        UploadedMedia done = wire.client.uploadWhole(CONNECTION, UPLOAD, "image/jpeg", bytes);

        RecordedRequest request = wire.takeAccess("PUT", "/v2/access/uploads/" + UPLOAD);
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("image/jpeg");
        assertThat(request.getBody().toByteArray()).isEqualTo(bytes);
        assertThat(done).isEqualTo(new UploadedMedia(UPLOAD, Optional.of(48213999L)));
    }

    @Test
    void partsArePutByNumberAndCompleteNamesTheUpload() throws Exception {
        wire.enqueue(200, "{\"mediaUploadId\": \"" + UPLOAD + "\", \"partNumber\": 2, \"etag\": \"abc\"}");
        wire.enqueue(200, "{\"mediaUploadId\": \"" + UPLOAD + "\"}");

        wire.client.uploadPart(CONNECTION, UPLOAD, 2, "video/mp4", new byte[] {1, 2, 3});
        UploadedMedia done = wire.client.completeUpload(CONNECTION, UPLOAD);

        RecordedRequest part = wire.takeAccess("PUT", "/v2/access/uploads/" + UPLOAD + "/parts/2");
        assertThat(part.getBody().toByteArray()).containsExactly(1, 2, 3);
        RecordedRequest complete = wire.takeAccess("POST", "/v2/access/uploads/complete");
        assertThat(complete.getBody().utf8()).isEqualTo("{\"mediaUploadId\":\"" + UPLOAD + "\"}");
        assertThat(done)
                .as("no media in the answer: no vault id")
                .isEqualTo(new UploadedMedia(UPLOAD, Optional.empty()));
    }

    @Test
    void aPartIsRepeatedAfterAServerErrorButACompletionIsNot() throws Exception {
        wire.enqueue(503, "{\"error\": \"unavailable\", \"type\": \"SERVICE_UNAVAILABLE\"}");
        wire.enqueue(200, "{\"mediaUploadId\": \"" + UPLOAD + "\", \"partNumber\": 1, \"etag\": \"abc\"}");
        wire.enqueue(503, "{\"error\": \"unavailable\", \"type\": \"SERVICE_UNAVAILABLE\"}");

        wire.client.uploadPart(CONNECTION, UPLOAD, 1, "video/mp4", new byte[] {1});
        assertThatThrownBy(() -> wire.client.completeUpload(CONNECTION, UPLOAD)).isInstanceOf(OfAuthFailure.class);

        assertThat(wire.server.getRequestCount())
                .as("part twice, completion once")
                .isEqualTo(3);
    }
}
