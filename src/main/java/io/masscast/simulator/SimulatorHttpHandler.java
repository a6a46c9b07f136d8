package io.masscast.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each exchange, sends {@code /_sim/} to the control API, and for everything else records the request,
 * applies a pending fault if one matches, and lets the OFAuth API answer.
 */
final class SimulatorHttpHandler implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(SimulatorHttpHandler.class);
    private static final String BAD_GATEWAY_PAGE =
            "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>";

    private final OfAuthApi api;
    private final ControlApi control;
    private final RequestLog requestLog;
    private final FaultInjector faults;
    private final AccessRateLimiter limiter;
    private final ErrorRenderer errors;
    private final SimClock clock;

    SimulatorHttpHandler(
            OfAuthApi api,
            ControlApi control,
            RequestLog requestLog,
            FaultInjector faults,
            AccessRateLimiter limiter,
            ErrorRenderer errors,
            SimClock clock) {
        this.api = api;
        this.control = control;
        this.requestLog = requestLog;
        this.faults = faults;
        this.limiter = limiter;
        this.errors = errors;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            IncomingRequest request = read(exchange);
            if (request.path().startsWith("/_sim/")) {
                write(exchange, control.handle(request));
                return;
            }
            requestLog.record(request.toRecord(clock.now()));
            Optional<ApiResponse> response = answer(request, faults.take(request.method(), request.path()));
            if (response.isPresent()) {
                write(exchange, response.get());
            }
        } catch (IOException clientGone) {
            log.debug(
                    "client went away during {} {}: {}",
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    clientGone.toString());
        } catch (RuntimeException bug) {
            log.warn(
                    "simulator could not serve {} {}",
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    bug);
        } finally {
            // Without a response written, closing the exchange closes the connection: the client sees EOF.
            exchange.close();
        }
    }

    /** The response to write, or empty to hang up without answering. */
    private Optional<ApiResponse> answer(IncomingRequest request, Optional<Fault> fault) {
        if (fault.isEmpty()) {
            return Optional.of(api.handle(request));
        }
        return switch (fault.get().kind()) {
            case STATUS -> Optional.of(errors.render(ApiError.server(fault.get().status())));
            case NON_JSON_ERROR -> Optional.of(ApiResponse.text(fault.get().status(), "text/html", BAD_GATEWAY_PAGE));
            case RATE_LIMIT_STORM ->
                Optional.of(errors.render(ApiError.rateLimited()).withHeaders(limiter.stormHeaders()));
            case MALFORMED_JSON -> Optional.of(api.handle(request).truncatedTo200());
            case DROP_AFTER_CREATE -> {
                api.handle(request);
                yield Optional.empty();
            }
            case LATENCY -> {
                ApiResponse response = api.handle(request);
                pause(fault.get().latencyMs());
                yield Optional.of(response);
            }
        };
    }

    private static IncomingRequest read(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        var headers = exchange.getRequestHeaders();
        return new IncomingRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(),
                headers.getFirst("apiKey"),
                headers.getFirst("x-connection-id"),
                headers.getFirst("Content-Type"),
                body);
    }

    private static void write(HttpExchange exchange, ApiResponse response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        response.headers()
                .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
