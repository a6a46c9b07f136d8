package io.masscast.ofauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OfAuthClientConfigTest {

    private static final String KEY = "sk_sandbox_do_not_print_9f8e7d";

    @Test
    void toStringNeverShowsTheApiKey() {
        OfAuthClientConfig config = OfAuthClientConfig.defaults(KEY);

        assertThat(config.toString()).doesNotContain(KEY).contains("apiKey=****", "https://api.ofauth.com");
        assertThat(config.withBaseUrl("http://localhost:1").toString()).doesNotContain(KEY);
    }

    @Test
    @SuppressWarnings("ObjectToString") // what toString prints is the point
    void theClientAndItsPartsDoNotPrintTheKeyEither() {
        try (OfAuthClient client = OfAuthClient.create(OfAuthClientConfig.defaults(KEY))) {
            assertThat(client.toString()).doesNotContain(KEY);
        }
        assertThat(new ApiKeyInterceptor(KEY).toString()).doesNotContain(KEY);
    }

    @Test
    void defaultsFollowOfAuthsDocumentedLimits() {
        OfAuthClientConfig config = OfAuthClientConfig.defaults(KEY);

        assertThat(config.baseUrl()).isEqualTo(OfAuthClientConfig.DEFAULT_BASE_URL);
        assertThat(config.rateLimit().burst()).isEqualTo(90);
        assertThat(config.rateLimit().refillTokens()).isEqualTo(60);
        assertThat(config.rateLimit().refillPeriod()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.rateLimit().backgroundReserve()).isEqualTo(30);
        assertThat(config.rateLimit().interactiveReserve()).isEqualTo(5);
    }

    @Test
    void baseUrlIsAcceptedWithOrWithoutTrailingSlash() {
        OfAuthClientConfig bare = OfAuthClientConfig.defaults(KEY).withBaseUrl("https://api-next.ofauth.com");
        OfAuthClientConfig slashed = OfAuthClientConfig.defaults(KEY).withBaseUrl("https://api-next.ofauth.com/");
        OfAuthClientConfig prefixed = OfAuthClientConfig.defaults(KEY).withBaseUrl("http://proxy.local/ofauth//");

        assertThat(bare.httpBaseUrl()).isEqualTo(slashed.httpBaseUrl());
        assertThat(bare.httpBaseUrl().toString()).isEqualTo("https://api-next.ofauth.com/");
        assertThat(prefixed.httpBaseUrl().toString()).isEqualTo("http://proxy.local/ofauth/");
    }

    @Test
    void invalidSettingsFailFastWithoutEchoingTheKey() {
        assertThatThrownBy(() -> OfAuthClientConfig.defaults(" ")).hasMessageContaining("apiKey");
        assertThatThrownBy(() -> OfAuthClientConfig.defaults(KEY).withBaseUrl("ftp://x"))
                .hasMessageContaining("baseUrl")
                .hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> new OfAuthClientConfig.RateLimit(
                        90,
                        60,
                        Duration.ofMinutes(1),
                        90,
                        5,
                        Duration.ZERO,
                        Duration.ZERO,
                        Duration.ZERO,
                        Duration.ZERO))
                .hasMessageContaining("reserves");
    }
}
