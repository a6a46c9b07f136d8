package io.masscast.ofauth;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.core.port.OfAuthFailure.BadPayload;
import io.masscast.core.port.OfAuthFailure.Forbidden;
import io.masscast.core.port.OfAuthFailure.InvalidRequest;
import io.masscast.core.port.OfAuthFailure.NetworkError;
import io.masscast.core.port.OfAuthFailure.NotFound;
import io.masscast.core.port.OfAuthFailure.RateLimited;
import io.masscast.core.port.OfAuthFailure.ServerError;
import io.masscast.core.port.OfAuthFailure.Unauthenticated;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import okhttp3.Headers;

/**
 * Turns whatever went wrong with one exchange into exactly one {@link OfAuthFailure}, with a short message
 * that says what happened. Error bodies are read in every documented form, as plain text, or not at all;
 * the API key is scrubbed from anything OFAuth echoes back.
 */
final class FailureMapper {

    private static final Set<String> SESSION_CODES = Set.of("SESSION_EXPIRED", "SESSION_NOT_PROVIDED");
    private static final int MAX_TEXT = 300;
    private static final String UNKNOWN_OUTCOME =
            "; outcome unknown: OFAuth may have created the message, reconcile before sending again";

    private final JsonAdapter<ErrorJson> errors;
    private final JsonAdapter<Object> anyJson;
    private final String apiKey;
    private final Duration defaultRetryAfter;

    FailureMapper(Moshi moshi, String apiKey, Duration defaultRetryAfter) {
        this.errors = moshi.adapter(ErrorJson.class);
        this.anyJson = moshi.adapter(Object.class);
        this.apiKey = apiKey;
        this.defaultRetryAfter = defaultRetryAfter;
    }

    AttemptFailure fromResponse(Operation op, int status, Headers headers, String rawBody, Instant now) {
        ErrorJson error = parse(rawBody.replace(apiKey, "****"));
        Optional<String> requestId =
                Optional.ofNullable(error.requestId()).or(() -> Optional.ofNullable(headers.get("x-request-id")));
        String code =
                error.machineCode() == null ? "" : error.machineCode().strip().toUpperCase(Locale.ROOT);
        String detail = "HTTP " + status + describe(error);
        if (status == 401) {
            if (SESSION_CODES.contains(code) || "refresh_session".equals(error.actionRequired())) {
                return definite(new Unauthenticated(
                        op.name() + ": the creator's OFAuth session has expired or is missing;"
                                + " reconnect the account via OFAuth Link (" + detail + ")",
                        Unauthenticated.Cause.SESSION,
                        requestId));
            }
            if ("RULES_OUTDATED".equals(code)) {
                return new AttemptFailure(
                        new Unauthenticated(
                                op.name() + ": OFAuth was updating its rules, try again (" + detail + ")",
                                Unauthenticated.Cause.RULES_OUTDATED,
                                requestId),
                        true);
            }
            return definite(new Unauthenticated(
                    op.name() + ": OFAuth did not accept the API key (" + detail + ")",
                    Unauthenticated.Cause.API_KEY,
                    requestId));
        }
        if (status == 403) {
            return definite(new Forbidden(
                    op.name() + ": the connection lacks the permission for this call (" + detail + ")", requestId));
        }
        if (status == 404) {
            return definite(new NotFound(op.name() + ": not found (" + detail + ")", requestId));
        }
        if (status == 429) {
            Duration retryAfter = RateLimitHeaders.retryAfter(headers, now).orElse(defaultRetryAfter);
            return new AttemptFailure(
                    new RateLimited(
                            op.name() + ": OFAuth's rate limit was reached (" + detail + "); retry in "
                                    + seconds(retryAfter),
                            retryAfter,
                            requestId),
                    true);
        }
        if (status >= 500) {
            return new AttemptFailure(
                    new ServerError(
                            op.name() + ": OFAuth failed (" + detail + ")" + unknownOutcome(op), status, requestId),
                    true);
        }
        if (status >= 400) {
            return definite(new InvalidRequest(reason(error, status), requestId));
        }
        String location = headers.get("Location") == null ? "" : " to " + headers.get("Location");
        return definite(new ServerError(
                op.name() + ": OFAuth answered with an unexpected HTTP " + status + location + unknownOutcome(op),
                status,
                requestId));
    }

    AttemptFailure fromTransmission(Operation op, TransmissionException e) {
        String what = e.requestMayHaveLeft()
                ? op.name() + ": the connection failed after the request was sent (" + e.getMessage() + ")"
                        + unknownOutcome(op)
                : op.name() + ": could not reach OFAuth (" + e.getMessage() + ")";
        return new AttemptFailure(new NetworkError(what, e.requestMayHaveLeft(), e.getCause()), true);
    }

    /**
     * The failure of the last attempt of a call whose earlier attempt may have been acted on (its answer was lost):
     * a refusal now may only say that it was done already, so the refusal says so.
     */
    OfAuthFailure afterLostAnswer(OfAuthFailure last) {
        if (last instanceof InvalidRequest invalid) {
            return new InvalidRequest(
                    invalid.reason() + " (an earlier attempt's answer was lost, so OFAuth may have done"
                            + " it already)",
                    invalid.requestId());
        }
        return last;
    }

    OfAuthFailure badPayload(Operation op, Exception e) {
        return new BadPayload(
                op.name() + ": OFAuth's answer could not be read (" + truncate(String.valueOf(e.getMessage())) + ")"
                        + unknownOutcome(op),
                e);
    }

    private static AttemptFailure definite(OfAuthFailure failure) {
        return new AttemptFailure(failure, false);
    }

    private ErrorJson parse(String body) {
        String text = body.strip();
        if (text.startsWith("{")) {
            try {
                ErrorJson parsed = errors.fromJson(text);
                if (parsed != null) {
                    return parsed;
                }
            } catch (IOException | RuntimeException e) {
                // not one of OFAuth's error objects: keep the text as it is
            }
        }
        return new ErrorJson(text.isEmpty() ? null : truncate(text), null, null, null, null, null, null);
    }

    private String describe(ErrorJson error) {
        String code = error.machineCode();
        String text = error.humanText();
        if (code == null && text == null) {
            return "";
        }
        return " " + (code == null ? truncate(text) : text == null ? code : code + ": " + truncate(text));
    }

    /** OFAuth's own words for a refusal: its text, then its details, else its code, else the status. */
    private String reason(ErrorJson error, int status) {
        String text = error.humanText() != null ? error.humanText() : error.machineCode();
        String details = error.details() == null
                ? null
                : error.details() instanceof String s ? s : anyJson.toJson(error.details());
        if (text == null && details == null) {
            return "HTTP " + status + " without a reason";
        }
        return truncate(text == null ? details : details == null ? text : text + " (" + details + ")");
    }

    private static String unknownOutcome(Operation op) {
        return op.kind() == Operation.Kind.CREATE ? UNKNOWN_OUTCOME : "";
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }

    private static String truncate(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
