package io.masscast.simulator;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The simulator's own endpoints under {@code /_sim/}: recorded requests, faults, connection status, the clock,
 * every mass message, and OFAuth's system webhooks (where to send them, and sending one). No API key; the server
 * listens on loopback only.
 */
final class ControlApi {
    private final RequestLog requests;
    private final FaultInjector faults;
    private final Accounts accounts;
    private final SimClock clock;
    private final MessageRenderer renderer;
    private final WebhookSender webhooks;
    private final Router<BiFunction<Map<String, String>, IncomingRequest, ApiResponse>> routes = new Router<>();

    ControlApi(
            RequestLog requests,
            FaultInjector faults,
            Accounts accounts,
            SimClock clock,
            MessageRenderer renderer,
            WebhookSender webhooks) {
        this.requests = requests;
        this.faults = faults;
        this.accounts = accounts;
        this.clock = clock;
        this.renderer = renderer;
        this.webhooks = webhooks;
        routes.add("GET", "/_sim/requests", (params, request) -> recordedRequests())
                .add("DELETE", "/_sim/requests", (params, request) -> clearRequests())
                .add("GET", "/_sim/faults", (params, request) -> activeFaults())
                .add("POST", "/_sim/faults", (params, request) -> addFault(request))
                .add("DELETE", "/_sim/faults", (params, request) -> clearFaults())
                .add(
                        "POST",
                        "/_sim/connections/{id}/expire",
                        (params, request) -> setConnection(params.get("id"), true))
                .add(
                        "POST",
                        "/_sim/connections/{id}/restore",
                        (params, request) -> setConnection(params.get("id"), false))
                .add("GET", "/_sim/clock", (params, request) -> clockNow())
                .add("POST", "/_sim/clock/advance", (params, request) -> advanceClock(request))
                .add("GET", "/_sim/messages", (params, request) -> messages())
                .add("POST", "/_sim/uploads", (params, request) -> uploadPlan(request))
                .add("GET", "/_sim/webhooks", (params, request) -> webhookTarget())
                .add("POST", "/_sim/webhooks", (params, request) -> configureWebhooks(request))
                .add("POST", "/_sim/webhooks/send", (params, request) -> sendWebhook(request));
    }

    ApiResponse handle(IncomingRequest request) {
        try {
            return routes.match(request.method(), request.path())
                    .map(match -> match.handler().apply(match.params(), request))
                    .orElseGet(() -> problem(404, "no control route " + request.method() + " " + request.path()));
        } catch (IllegalArgumentException invalid) {
            return problem(400, invalid.getMessage());
        } catch (IllegalStateException undelivered) {
            return problem(502, undelivered.getMessage());
        }
    }

    private ApiResponse recordedRequests() {
        return ApiResponse.json(requests.snapshot().stream()
                .map(recorded -> Json.object(
                        "method", recorded.method(),
                        "path", recorded.path(),
                        "query", recorded.query(),
                        "body", recorded.body(),
                        "connectionId", recorded.connectionId(),
                        "receivedAt", OfDates.ofAuth(recorded.receivedAt())))
                .toList());
    }

    private ApiResponse clearRequests() {
        requests.clear();
        return ApiResponse.noContent();
    }

    private ApiResponse activeFaults() {
        return ApiResponse.json(
                faults.active().stream().map(ControlApi::faultJson).toList());
    }

    private ApiResponse addFault(IncomingRequest request) {
        Map<?, ?> body = jsonObject(request);
        FaultKind kind = FaultKind.fromWireName(optionalString(body, "kind"));
        Fault fault = new Fault(
                optionalString(body, "method"),
                optionalString(body, "path"),
                kind,
                (int) number(body, "status", kind == FaultKind.NON_JSON_ERROR ? 502 : 0),
                (long) number(body, "latencyMs", 0),
                (int) number(body, "times", 1));
        faults.add(fault);
        return ApiResponse.json(201, faultJson(fault));
    }

    private ApiResponse clearFaults() {
        faults.clear();
        return ApiResponse.noContent();
    }

    /** Expires or restores a connection; with a webhook target set, OFAuth's event about it goes out too. */
    private ApiResponse setConnection(String id, boolean expire) {
        return accounts.find(id)
                .map(account -> {
                    if (expire) {
                        account.expire(clock.now());
                    } else {
                        account.restore(clock.now());
                    }
                    Map<String, Object> json = Json.object(
                            "id", id, "status", account.connection().status().wireName());
                    webhooks.send(expire ? "connection.expired" : "connection.updated", account, Duration.ZERO, false)
                            .ifPresent(delivery -> json.put("webhook", deliveryJson(delivery)));
                    return ApiResponse.json(json);
                })
                .orElseGet(() -> problem(404, "unknown connection " + id));
    }

    private ApiResponse webhookTarget() {
        return ApiResponse.json(webhooks.target()
                .map(target -> Json.object(
                        "url",
                        target.url().toString(),
                        "scheme",
                        target.scheme().name().toLowerCase(Locale.ROOT)))
                .orElseGet(() -> Json.object("url", null)));
    }

    private ApiResponse configureWebhooks(IncomingRequest request) {
        Map<?, ?> body = jsonObject(request);
        String url = optionalString(body, "url");
        String secret = optionalString(body, "secret");
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException(
                    "url: required, an http(s) URL such as http://127.0.0.1:3000/webhooks/ofauth");
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("secret: required, the OFAUTH_WEBHOOK_SECRET masscast verifies with");
        }
        webhooks.configure(new WebhookSender.Target(
                URI.create(url), secret, WebhookSender.Scheme.fromWireName(optionalString(body, "scheme"))));
        return webhookTarget();
    }

    /** {@code {"type": "connection.expired", "connectionId": "conn_demo", "ageSeconds": 0, "forged": false}} */
    private ApiResponse sendWebhook(IncomingRequest request) {
        Map<?, ?> body = jsonObject(request);
        String type = optionalString(body, "type");
        if (type == null || !type.startsWith("connection.")) {
            throw new IllegalArgumentException("type: connection.expired, connection.updated or connection.created");
        }
        String connectionId = optionalString(body, "connectionId");
        CreatorAccount account = accounts.find(connectionId)
                .orElseThrow(() -> new IllegalArgumentException("connectionId: unknown connection " + connectionId));
        boolean forged = Boolean.TRUE.equals(body.get("forged"));
        Duration age = Duration.ofSeconds((long) number(body, "ageSeconds", 0));
        return webhooks.send(type, account, age, forged)
                .map(delivery -> ApiResponse.json(deliveryJson(delivery)))
                .orElseGet(() -> problem(409, "no webhook target: POST /_sim/webhooks {url, secret, scheme} first"));
    }

    private static Map<String, Object> deliveryJson(WebhookSender.Delivery delivery) {
        return Json.object("eventId", delivery.eventId(), "status", delivery.status(), "body", delivery.body());
    }

    private ApiResponse clockNow() {
        return ApiResponse.json(Json.object("now", OfDates.ofAuth(clock.now())));
    }

    private ApiResponse advanceClock(IncomingRequest request) {
        double seconds = number(jsonObject(request), "seconds", -1);
        if (seconds < 0) {
            throw new IllegalArgumentException("seconds: required number >= 0");
        }
        clock.advance(Duration.ofMillis(Math.round(seconds * 1000)));
        return clockNow();
    }

    /** {@code {"partSize": 1048576}}: later uploads are planned in parts of that many bytes. */
    private ApiResponse uploadPlan(IncomingRequest request) {
        long partSize = (long) number(jsonObject(request), "partSize", 0);
        if (partSize < 1) {
            throw new IllegalArgumentException("partSize: required, bytes per upload part (1 or more)");
        }
        accounts.all().forEach(account -> account.uploads().partSize(partSize));
        return ApiResponse.json(Json.object("partSize", partSize));
    }

    private ApiResponse messages() {
        return ApiResponse.json(accounts.all().stream()
                .flatMap(account ->
                        account.messages().stream().map(message -> renderer.inspection(account, message, clock.now())))
                .toList());
    }

    private static Map<String, Object> faultJson(Fault fault) {
        return Json.object(
                "method", fault.method(),
                "path", fault.path(),
                "kind", fault.kind().wireName(),
                "status", fault.status(),
                "latencyMs", fault.latencyMs(),
                "times", fault.times());
    }

    private static Map<?, ?> jsonObject(IncomingRequest request) {
        try {
            if (Json.read(request.bodyText()) instanceof Map<?, ?> object) {
                return object;
            }
        } catch (IOException | RuntimeException malformed) {
            // reported below
        }
        throw new IllegalArgumentException("body must be a JSON object");
    }

    private static String optionalString(Map<?, ?> body, String field) {
        Object value = body.get(field);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException(field + ": must be a string");
    }

    private static double number(Map<?, ?> body, String field, double defaultValue) {
        Object value = body.get(field);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw new IllegalArgumentException(field + ": must be a number");
    }

    private static ApiResponse problem(int status, String message) {
        return ApiResponse.json(status, Json.object("error", message));
    }
}
