package io.masscast.simulator;

import static io.masscast.simulator.MassMessageTestData.aMessage;
import static io.masscast.simulator.SimulatorClient.DEMO;
import static io.masscast.simulator.SimulatorClient.MASS_MESSAGES;
import static io.masscast.simulator.SimulatorClient.READ_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class VaultAndUploadTest {
    private static final String VAULT = "/v2/access/vault/media";
    private static final String UPLOADS = "/v2/access/uploads";
    private static final long FIVE_MIB = 5L * 1024 * 1024;
    private static final byte[] BYTES = {1, 2, 3};

    @AutoClose
    private final OfAuthSimulator simulator = OfAuthSimulator.start(SimulatorConfig.defaults());

    private final SimulatorClient client = new SimulatorClient(simulator);

    @Test
    void theVaultPagesNewestFirstWithLimitsOneToForty() {
        SimResponse firstPage = client.get(DEMO, VAULT);

        assertThat(firstPage.list("list")).hasSize(24);
        assertThat(firstPage.bool("hasMore")).isTrue();
        assertThat(firstPage.list("list").get(0)).containsKeys("id", "type", "createdAt", "isReady");
        assertThat(client.allPages(DEMO, VAULT, 40)).hasSize(120);
        assertThat(client.get(DEMO, VAULT + "?limit=41").status()).isEqualTo(400);
        assertThat(client.get(DEMO, VAULT + "?mediaType=video&limit=40").list("list"))
                .isNotEmpty()
                .allSatisfy(media ->
                        assertThat(media).containsEntry("type", "video").containsKey("duration"));
    }

    @Test
    void aSingleUploadIsFinalisedByOnePutAndLandsInTheVault() {
        SimResponse init = client.post(DEMO, UPLOADS + "/init", initBody(123_456, "image/jpeg"));
        String uploadId = init.string("mediaUploadId");

        assertThat(init.headerNumber("x-ofauth-upload-total-parts")).isEqualTo(1);
        assertThat(init.headerNumber("x-ofauth-upload-part-size")).isEqualTo(FIVE_MIB);
        SimResponse put = putBytes(UPLOADS + "/" + uploadId, "image/jpeg");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.string("mediaUploadId")).isEqualTo(uploadId);
        long mediaId = put.number("media", "id");
        assertThat(put.string("media", "type")).isEqualTo("photo");
        assertThat(client.get(DEMO, VAULT).number("list", 0, "id")).isEqualTo(mediaId);
        assertThat(putBytes(UPLOADS + "/" + uploadId, "image/jpeg").status()).isEqualTo(400);
    }

    @Test
    void aMultipartUploadNeedsEveryPartThenComplete() {
        String uploadId = client.post(DEMO, UPLOADS + "/init", initBody(2 * FIVE_MIB + 1, "video/mp4"))
                .string("mediaUploadId");
        String complete = "{\"mediaUploadId\":\"" + uploadId + "\"}";

        assertThat(putBytes(UPLOADS + "/" + uploadId, "video/mp4").status()).isEqualTo(400);
        SimResponse part = putBytes(UPLOADS + "/" + uploadId + "/parts/1", "video/mp4");
        assertThat(part.number("partNumber")).isEqualTo(1);
        assertThat(part.string("etag")).isNotBlank();
        assertThat(client.post(DEMO, UPLOADS + "/complete", complete).status()).isEqualTo(400);
        assertThat(putBytes(UPLOADS + "/" + uploadId + "/parts/4", "video/mp4").status())
                .isEqualTo(400);
        putBytes(UPLOADS + "/" + uploadId + "/parts/2", "video/mp4");
        putBytes(UPLOADS + "/" + uploadId + "/parts/3", "video/mp4");

        SimResponse completed = client.post(DEMO, UPLOADS + "/complete", complete);

        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.string("media", "type")).isEqualTo("video");
        assertThat(completed.number("media", "id")).isPositive();
    }

    @Test
    void anUploadReferenceIsSingleUse() {
        String uploadId = finishedUpload();
        String body = aMessage().with("mediaItems", List.of(uploadId)).json();

        assertThat(client.post(DEMO, MASS_MESSAGES, body).status()).isEqualTo(200);
        SimResponse reused = client.post(DEMO, MASS_MESSAGES, body);

        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.string("error")).startsWith("mediaItems").contains("already used");
    }

    @Test
    void aFailedCreateDoesNotConsumeTheUploadReference() {
        String uploadId = finishedUpload();

        SimResponse refused =
                client.create(aMessage().with("mediaItems", List.of(uploadId)).priced(500));
        SimResponse accepted = client.create(aMessage().with("mediaItems", List.of(uploadId)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(accepted.status()).isEqualTo(200);
    }

    @Test
    void anUnfinishedUploadCannotBeSent() {
        String uploadId =
                client.post(DEMO, UPLOADS + "/init", initBody(10, "image/png")).string("mediaUploadId");

        SimResponse response = client.create(aMessage().with("mediaItems", List.of(uploadId)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.string("error")).contains("not finished");
    }

    @Test
    void checkFindsAFinishedUploadByTheMd5OfItsBytesAndItsSize() throws Exception {
        String uploadId =
                client.post(DEMO, UPLOADS + "/init", initBody(3, "image/png")).string("mediaUploadId");
        long mediaId = putBytes(UPLOADS + "/" + uploadId, "image/png").number("media", "id");
        String etag = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(BYTES));

        SimResponse found = client.post(DEMO, UPLOADS + "/check", "{\"etag\":\"" + etag + "\",\"size\":3}");
        SimResponse otherSize = client.post(DEMO, UPLOADS + "/check", "{\"etag\":\"" + etag + "\",\"size\":4}");

        assertThat(found.bool("exists")).isTrue();
        assertThat(found.number("media", "id")).isEqualTo(mediaId);
        assertThat(otherSize.bool("exists")).isFalse();
    }

    @Test
    void initValidatesItsFields() {
        assertThat(client.post(DEMO, UPLOADS + "/init", initBody(0, "image/png"))
                        .string("error"))
                .startsWith("size");
        assertThat(client.post(DEMO, UPLOADS + "/init", initBody(10, "application/pdf"))
                        .string("error"))
                .startsWith("contentType");
        assertThat(client.post(DEMO, UPLOADS + "/init", "{\"size\":10,\"contentType\":\"image/png\"}")
                        .string("error"))
                .startsWith("filename");
    }

    @Test
    void uploadingNeedsVaultWrite() {
        SimResponse response = client.post(READ_ONLY, UPLOADS + "/init", initBody(10, "image/png"));

        assertThat(response.status()).isEqualTo(403);
    }

    private String finishedUpload() {
        String uploadId =
                client.post(DEMO, UPLOADS + "/init", initBody(3, "image/png")).string("mediaUploadId");
        putBytes(UPLOADS + "/" + uploadId, "image/png");
        return uploadId;
    }

    private SimResponse putBytes(String path, String contentType) {
        return client.send(client.authorized(DEMO, path)
                .setHeader("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(BYTES)));
    }

    private static String initBody(long size, String contentType) {
        return new String(
                Json.write(Map.of("filename", "set.bin", "size", size, "contentType", contentType)),
                StandardCharsets.UTF_8);
    }
}
