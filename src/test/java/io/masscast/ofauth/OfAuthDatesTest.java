package io.masscast.ofauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OfAuthDatesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2025-07-01T09:12:44Z",
                "2025-07-01T09:12:44+00:00",
                "2025-07-01T09:12:44.000Z",
                "2025-07-01T11:12:44+02:00",
                "2025-07-01T09:12:44",
                "2025-07-01 09:12:44+00:00",
                " 2025-07-01T09:12:44.000+00:00 "
            })
    void readsEveryTimestampStyleOfAuthUses(String text) {
        assertThat(OfAuthDates.parse(text)).isEqualTo(Instant.parse("2025-07-01T09:12:44Z"));
    }

    @Test
    void readsDatesAndDaysOfTimestamps() {
        assertThat(OfAuthDates.parse("2025-07-01")).isEqualTo(Instant.parse("2025-07-01T00:00:00Z"));
        assertThat(OfAuthDates.parseDate("2025-07-01T23:59:59Z")).isEqualTo(LocalDate.parse("2025-07-01"));
        assertThatThrownBy(() -> OfAuthDates.parse("yesterday")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesUtcWithWholeSeconds() {
        assertThat(OfAuthDates.format(Instant.parse("2025-07-04T18:00:00Z"))).isEqualTo("2025-07-04T18:00:00Z");
        assertThat(OfAuthDates.format(Instant.parse("2025-07-04T18:00:00.999Z")))
                .isEqualTo("2025-07-04T18:00:00Z");
        assertThat(OfAuthDates.ceilingSecond(Instant.parse("2025-07-04T18:00:00.001Z")))
                .isEqualTo(Instant.parse("2025-07-04T18:00:01Z"));
    }
}
