package io.masscast.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberInputTest {

    @Test
    void plainDecimalsAreRead() {
        assertThat(NumberInput.decimal("12.50")).contains(new BigDecimal("12.50"));
        assertThat(NumberInput.decimal(" 3 ")).contains(new BigDecimal("3"));
        assertThat(NumberInput.decimal("-5")).contains(new BigDecimal("-5"));
        assertThat(NumberInput.whole("2", 1, 3)).hasValue(2);
    }

    @Test
    void exponentsSeparatorsLocaleDigitsAndSpecialValuesAreNotNumbers() {
        for (String bad : List.of(
                "1e-999999999",
                "1e999999999",
                "1E3",
                "NaN",
                "Infinity",
                "-Infinity",
                "0x10",
                "1.234,50",
                "1,234.50",
                "12,50",
                "٣",
                "３",
                "१२",
                "1_000",
                "+3",
                ".5",
                "5.",
                "$1$2",
                "",
                " ",
                "1 000",
                "١٢٫٥٠")) {
            assertThat(NumberInput.decimal(bad)).as(bad).isEmpty();
            assertThat(NumberInput.whole(bad, 0, Integer.MAX_VALUE)).as(bad).isEmpty();
        }
        assertThat(NumberInput.whole("4", 1, 3)).isEmpty();
        assertThat(NumberInput.whole("9999999999", 0, Integer.MAX_VALUE)).isEmpty();
    }

    @Test
    void aMillionDigitsCostNothing() {
        String huge = "1" + "0".repeat(1_000_000);

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertThat(NumberInput.decimal(huge)).isEmpty();
            assertThat(NumberInput.whole(huge, 0, 10)).isEmpty();
            assertThat(NumberInput.hint(huge)).isEmpty();
        });
    }

    @Test
    void theHintSaysWhatIsWrongWithTheWayANumberIsWritten() {
        assertThat(NumberInput.hint("٣")).isEqualTo(" (use the digits 0-9)");
        assertThat(NumberInput.hint("1.234,50")).isEqualTo(" (a dot before the decimals, no thousands separators)");
        assertThat(NumberInput.hint("1e-9")).isEqualTo(" (write the number out, without an exponent)");
        assertThat(NumberInput.hint("abc")).isEmpty();
    }
}
