package io.masscast.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void toStringIsRedacted() {
        Secret secret = Secret.of("pw_s3cr3t");

        assertThat(secret).hasToString("****");
        assertThat(String.valueOf(List.of(secret, Optional.of(secret)))).doesNotContain("s3cr3t");
        assertThat(String.format("%s", secret)).isEqualTo("****");
    }

    @Test
    void revealGivesTheValue() {
        assertThat(Secret.of("pw_s3cr3t").reveal()).isEqualTo("pw_s3cr3t");
    }

    @Test
    void secretsWithTheSameValueAreEqual() {
        assertThat(Secret.of("a-value")).isEqualTo(Secret.of("a-value")).hasSameHashCodeAs(Secret.of("a-value"));
        assertThat(Secret.of("a-value")).isNotEqualTo(Secret.of("another-value"));
    }

    @Test
    void aBlankSecretIsRefused() {
        assertThatThrownBy(() -> Secret.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
