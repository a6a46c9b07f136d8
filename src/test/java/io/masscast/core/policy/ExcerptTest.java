package io.masscast.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void aShortValueIsShownWholeInQuotes() {
        assertThat(Excerpt.of("VIP whale")).isEqualTo("\"VIP whale\"");
        assertThat(Excerpt.of("")).isEqualTo("\"\"");
    }

    @Test
    void aLongValueIsCutAndItsLengthSaid() {
        assertThat(Excerpt.of("9".repeat(40_000_000))).isEqualTo("\"" + "9".repeat(40) + "…\" (40,000,000 characters)");
    }

    @Test
    void controlAndInvisibleCharactersAreShownByCodeNeverRaw() {
        assertThat(Excerpt.of("a\u001B[2Jb\u0000\u200B\nc\td")).isEqualTo("\"a<U+001B>[2Jb<U+0000><U+200B>\\nc\\td\"");
        assertThat(Excerpt.of("x\u202Ey")).isEqualTo("\"x<U+202E>y\"");
        assertThat(Excerpt.of("emoji 🔥 ok")).isEqualTo("\"emoji 🔥 ok\"");
    }

    @Test
    void aPlainNameIsShownAsItIs() {
        assertThat(Excerpt.name("price")).isEqualTo("price");
        assertThat(Excerpt.name("pri ce")).isEqualTo("\"pri ce\"");
        assertThat(Excerpt.name("k".repeat(1000))).endsWith("(1,000 characters)");
    }
}
