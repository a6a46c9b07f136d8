package io.masscast.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What the OFAuth client (and, in simulator mode, the simulator) needs.
 *
 * @param baseUrl base the {@code v2/…} paths are resolved against; always ends with {@code /}
 * @param ratePerMinute token-bucket refill per connection
 * @param burst token-bucket capacity per connection; may be below the rate for a smoother flow
 */
public record OfAuthSettings(
        OfAuthMode mode,
        Optional<Secret> apiKey,
        URI baseUrl,
        int ratePerMinute,
        int burst,
        Optional<Secret> webhookSecret) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.ofauth.com/");
    public static final int DEFAULT_RATE_PER_MINUTE = 60;
    public static final int DEFAULT_BURST = 90;

    private static final String SANDBOX_KEY_PREFIX = "sk_sandbox_";

    public OfAuthSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        if (mode == OfAuthMode.LIVE && apiKey.isEmpty()) {
            throw new IllegalArgumentException("live OFAuth needs an API key");
        }
        if (ratePerMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("OFAuth rate per minute and burst must be at least 1");
        }
        baseUrl = Urls.requireHttpBase(Objects.requireNonNull(baseUrl, "baseUrl"), "OFAuth base URL");
    }

    /** OFAuth picks sandbox or live data by the key's prefix; worth saying at start-up. */
    public boolean sandboxKey() {
        return apiKey.map(key -> key.reveal().startsWith(SANDBOX_KEY_PREFIX)).orElse(false);
    }

    public String describe() {
        String target = mode == OfAuthMode.LIVE
                ? "live at " + baseUrl + (sandboxKey() ? " with a sandbox key" : "")
                : "built-in simulator" + (apiKey.isPresent() ? " (OFAUTH_API_KEY is set but not used)" : "");
        return "OFAuth: " + target
                + "; " + ratePerMinute + " calls/min per connection, burst " + burst
                + "; webhooks " + (webhookSecret.isPresent() ? "verified" : "refused (no OFAUTH_WEBHOOK_SECRET)");
    }
}
