package io.masscast.simulator;

/** Create, read, replace and delete one mass message. */
final class MassMessageRoutes implements RouteSet {
    private static final String COLLECTION = "/v2/access/mass-messages";
    private static final String ONE = COLLECTION + "/{massMessageId}";

    private final MassMessageRequestParser parser;
    private final MessageRenderer renderer;

    MassMessageRoutes(MassMessageRequestParser parser, MessageRenderer renderer) {
        this.parser = parser;
        this.renderer = renderer;
    }

    @Override
    public void register(Router<ApiRoute> routes) {
        routes.add("POST", COLLECTION, new ApiRoute(Permission.MESSAGES_WRITE, this::create))
                .add("GET", ONE, new ApiRoute(Permission.MESSAGES_READ, this::get))
                .add("PUT", ONE, new ApiRoute(Permission.MESSAGES_WRITE, this::replace))
                .add("DELETE", ONE, new ApiRoute(Permission.MESSAGES_WRITE, this::delete));
    }

    private ApiResponse create(ApiCall call) {
        MessageDraft draft = parser.parse(call.jsonObject(), call.now());
        MassMessage created = call.account().create(draft, call.now());
        return ApiResponse.json(renderer.created(call.account(), created, call.now()));
    }

    private ApiResponse get(ApiCall call) {
        MassMessage message = call.account().require(messageId(call));
        return ApiResponse.json(renderer.message(call.account(), message, call.now()));
    }

    private ApiResponse replace(ApiCall call) {
        long id = messageId(call);
        call.account().require(id); // an unknown id is a 404 even when the body is invalid too
        MessageDraft draft = parser.parse(call.jsonObject(), call.now());
        MassMessage replaced = call.account().replace(id, draft, call.now());
        return ApiResponse.json(renderer.created(call.account(), replaced, call.now()));
    }

    private ApiResponse delete(ApiCall call) {
        MassMessage canceled = call.account().cancel(messageId(call), call.now());
        return ApiResponse.json(
                Json.object("success", true, "queue", renderer.queue(call.account(), canceled, call.now())));
    }

    /** The path id; anything that is not a number cannot name a message, so it is a 404 like an unknown id. */
    static long messageId(ApiCall call) {
        String raw = call.pathParam("massMessageId");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException notNumeric) {
            throw ApiError.resourceNotFound("Mass message " + raw);
        }
    }
}
