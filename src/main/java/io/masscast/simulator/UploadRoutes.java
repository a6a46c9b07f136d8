package io.masscast.simulator;

import java.util.Map;

/** The media upload flow: init, single PUT or parts + complete, and the dedupe check. */
final class UploadRoutes implements RouteSet {
    private static final String BASE = "/v2/access/uploads";

    @Override
    public void register(Router<ApiRoute> routes) {
        routes.add("POST", BASE + "/init", new ApiRoute(Permission.VAULT_WRITE, UploadRoutes::init))
                .add("POST", BASE + "/complete", new ApiRoute(Permission.VAULT_WRITE, UploadRoutes::complete))
                .add("POST", BASE + "/check", new ApiRoute(Permission.VAULT_WRITE, UploadRoutes::check))
                .add("PUT", BASE + "/{mediaUploadId}", new ApiRoute(Permission.VAULT_WRITE, UploadRoutes::putWhole))
                .add(
                        "PUT",
                        BASE + "/{mediaUploadId}/parts/{partNumber}",
                        new ApiRoute(Permission.VAULT_WRITE, UploadRoutes::putPart));
    }

    private static ApiResponse init(ApiCall call) {
        Map<String, Object> body = call.jsonObject();
        requireString(body, "filename");
        long size = positiveLong(body, "size");
        String contentType = requireString(body, "contentType");
        MediaType type = MediaType.fromContentType(contentType)
                .orElseThrow(() -> ApiError.badRequest(
                        "contentType: not an image, video or audio type (got \"" + contentType + "\")"));
        Uploads.Plan plan = call.account().uploads().init(size, type);
        return ApiResponse.json(Json.object("mediaUploadId", plan.mediaUploadId()))
                .withHeaders(Map.of(
                        "x-ofauth-upload-total-parts", Integer.toString(plan.totalParts()),
                        "x-ofauth-upload-part-size", Long.toString(plan.partSize())));
    }

    private static ApiResponse putWhole(ApiCall call) {
        String id = call.pathParam("mediaUploadId");
        VaultMedia media = call.account().uploads().putWhole(id, call.request().body(), call.now());
        return finished(call, id, media);
    }

    private static ApiResponse putPart(ApiCall call) {
        String id = call.pathParam("mediaUploadId");
        int partNumber;
        try {
            partNumber = Integer.parseInt(call.pathParam("partNumber"));
        } catch (NumberFormatException notNumeric) {
            throw ApiError.badRequest("partNumber: must be an integer (got \"" + call.pathParam("partNumber") + "\")");
        }
        String etag =
                call.account().uploads().putPart(id, partNumber, call.request().body());
        return ApiResponse.json(Json.object("mediaUploadId", id, "partNumber", partNumber, "etag", etag));
    }

    private static ApiResponse complete(ApiCall call) {
        String id = requireString(call.jsonObject(), "mediaUploadId");
        return finished(call, id, call.account().uploads().complete(id, call.now()));
    }

    private static ApiResponse check(ApiCall call) {
        Map<String, Object> body = call.jsonObject();
        String etag = requireString(body, "etag");
        long size = positiveLong(body, "size");
        return ApiResponse.json(call.account()
                .uploads()
                .findFinished(etag, size)
                .map(media -> Json.object("exists", true, "media", MediaRenderer.media(media)))
                .orElseGet(() -> Json.object("exists", false)));
    }

    private static ApiResponse finished(ApiCall call, String id, VaultMedia media) {
        return ApiResponse.json(
                call.account().uploads().namesMedia()
                        ? Json.object("mediaUploadId", id, "media", MediaRenderer.media(media))
                        : Json.object("mediaUploadId", id));
    }

    private static String requireString(Map<String, Object> body, String field) {
        if (body.get(field) instanceof String text && !text.isBlank()) {
            return text;
        }
        throw ApiError.badRequest(field + ": required non-empty string");
    }

    private static long positiveLong(Map<String, Object> body, String field) {
        if (body.get(field) instanceof Number number
                && number.doubleValue() >= 1
                && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.longValue();
        }
        throw ApiError.badRequest(field + ": required positive integer (bytes)");
    }
}
