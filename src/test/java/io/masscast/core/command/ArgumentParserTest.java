package io.masscast.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgumentParserTest {

    @Test
    void readsPositionalWordsAndKeyValues() {
        ArgumentParser.Parsed parsed = ArgumentParser.parse("MC-3 price=12.50 lists=fans,1187345");

        assertThat(parsed.positional()).containsExactly("MC-3");
        assertThat(parsed.named().get("price").items()).containsExactly("12.50");
        assertThat(parsed.named().get("lists").items()).containsExactly("fans", "1187345");
        assertThat(parsed.problems()).isEmpty();
    }

    @Test
    void quotedItemsMayHoldSpacesCommasAndEscapes() {
        ArgumentParser.Parsed parsed = ArgumentParser.parse(
                "text=\"Hi, \\\"you\\\"\\nsee you\" lists=\"VIP whales\",fans exclude=\"Do not PPV\"");

        assertThat(parsed.named().get("text").items()).containsExactly("Hi, \"you\"\nsee you");
        assertThat(parsed.named().get("lists").items()).containsExactly("VIP whales", "fans");
        assertThat(parsed.named().get("exclude").items()).containsExactly("Do not PPV");
    }

    @Test
    void keysAreCaseAndDashInsensitive() {
        assertThat(ArgumentParser.parse("Subscribed-After=2026-01-01").named()).containsKey("subscribed_after");
    }

    @Test
    void anUnclosedQuoteAndARepeatedKeyAreProblems() {
        assertThat(ArgumentParser.parse("text=\"never closed").problems()).singleElement().asString()
                .contains("never closed: add the closing \"");
        assertThat(ArgumentParser.parse("price=3 price=4").problems()).singleElement().asString()
                .contains("price is given twice");
    }

    @Test
    void aFormFieldSplitsOnlyAtCommas() {
        assertThat(RawValue.parse("VIP whales, fans ,\"a, b\"").items()).containsExactly("VIP whales", "fans", "a, b");
        assertThat(RawValue.parse("").items()).containsExactly("");
        assertThat(RawValue.of("a", "b").joined()).isEqualTo("a,b");
        assertThat(RawValue.parse(" ").isBlank()).isTrue();
        assertThat(ArgumentParser.parse("").positional()).isEqualTo(List.of());
    }
}
