package io.masscast.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoreConfigTest {

    @Test
    void thePasswordIsNeverShown() {
        StoreConfig config = new StoreConfig("jdbc:postgresql://db:5432/masscast?ssl=true&password=in-url-secret",
                Optional.of("masscast"), Optional.of("hunter2"));

        assertThat(config.toString())
                .doesNotContain("hunter2", "in-url-secret")
                .contains("jdbc:postgresql://db:5432/masscast?ssl=true&password=***", "user=masscast", "password=***");
    }

    @Test
    void aConfigWithoutCredentialsSaysSo() {
        assertThat(StoreConfig.of(StoreConfig.DEFAULT_URL).toString())
                .isEqualTo("StoreConfig[url=jdbc:sqlite:masscast.db, user=<none>, password=<none>]");
    }

    @Test
    void onlySqliteFilesAndPostgresqlAreAccepted() {
        assertThat(StoreConfig.of("jdbc:sqlite:/var/lib/masscast/masscast.db").url()).endsWith("masscast.db");
        assertThat(StoreConfig.of("jdbc:postgresql://db/masscast").url()).startsWith("jdbc:postgresql:");

        assertThatThrownBy(() -> StoreConfig.of("jdbc:mysql://db/masscast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:sqlite:");
        assertThatThrownBy(() -> StoreConfig.of("jdbc:sqlite::memory:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoreConfig.of("jdbc:sqlite:")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnreachableDatabaseFailsToOpenWithoutShowingThePassword() {
        StoreConfig unreachable = new StoreConfig("jdbc:postgresql://127.0.0.1:1/masscast?password=in-url-secret",
                Optional.of("masscast"), Optional.of("hunter2"));

        assertThatThrownBy(() -> Database.open(unreachable))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Could not connect to jdbc:postgresql://127.0.0.1:1/masscast?password=***")
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain("hunter2", "in-url-secret");
                    }
                });
    }
}
