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
        assertThat(ArgumentParser.parse("text=\"never closed").problems())
                .singleElement()
                .asString()
                .contains("never closed: add the closing \"");
        assertThat(ArgumentParser.parse("price=3 price=4").problems())
                .singleElement()
                .asString()
                .contains("price is given twice");
        assertThat(ArgumentParser.parse("text=“never closed").problems())
                .singleElement()
                .asString()
                .contains("The quote “ opened at position 6 is never closed: add the closing ”");
    }

    @Test
    void wordsThatAreNotKeyValueAreNamedWithTheQuotedValueThatWasMeant() {
        ArgumentParser.Parsed parsed = ArgumentParser.parse("text=New set is up lists=fans");

        assertThat(parsed.named().get("text").items()).containsExactly("New");
        assertThat(parsed.extraWords(0))
                .contains("\"set\", \"is\", \"up\" are not key=value: to put spaces in a value, "
                        + "quote it, as in text=\"New set is up\".");
        assertThat(ArgumentParser.parse("text=\"hi\" lists=fans extra").extraWords(0))
                .get()
                .asString()
                .startsWith("\"extra\" is not key=value")
                .contains("lists=\"fans extra\"");
        assertThat(ArgumentParser.parse("text= \"hi\"").extraWords(0))
                .get()
                .asString()
                .contains("write the value right after text=, as in text=\"hi\"");
        assertThat(ArgumentParser.parse("MC-1 price=3").extraWords(1)).isEmpty();
        assertThat(ArgumentParser.parse("text=hi \u001B[2Jthere").extraWords(0))
                .get()
                .asString()
                .contains("\"<U+001B>[2Jthere\"")
                .contains("as in text=\"...\"")
                .doesNotContain("\u001B");
        assertThat(ArgumentParser.parse("k".repeat(5_000) + "=v w").extraWords(0))
                .get()
                .asString()
                .hasSizeLessThan(300);
    }

    @Test
    void spacesAroundCommasKeepEveryItem() {
        assertThat(ArgumentParser.parse("exclude=muted, \"Do not PPV\"")
                        .named()
                        .get("exclude")
                        .items())
                .containsExactly("muted", "Do not PPV");
        assertThat(ArgumentParser.parse("lists=fans, \"VIP whales\" price=3")
                        .named()
                        .get("lists")
                        .items())
                .containsExactly("fans", "VIP whales");
        assertThat(ArgumentParser.parse("lists=fans , vip ,  muted")
                        .named()
                        .get("lists")
                        .items())
                .containsExactly("fans", "vip", "muted");
        ArgumentParser.Parsed unquoted = ArgumentParser.parse("lists=fans, VIP whales");
        assertThat(unquoted.named().get("lists").items()).containsExactly("fans", "VIP");
        assertThat(unquoted.extraWords(0)).get().asString().contains("lists=fans,\"VIP whales\"");
        ArgumentParser.Parsed trailing = ArgumentParser.parse("lists=fans, exclude=muted");
        assertThat(trailing.named().get("lists").items()).containsExactly("fans");
        assertThat(trailing.named().get("exclude").items()).containsExactly("muted");
    }

    @Test
    void theQuotesKeyboardsAndAutocorrectProduceAreQuotes() {
        for (String quoted : List.of(
                "\"New set\"",
                "“New set”",
                "„New set“",
                "„New set”",
                "”New set”",
                "‘New set’",
                "'New set'",
                "«New set»",
                "»New set«",
                "‹New set›",
                "「New set」",
                "＂New set＂")) {
            assertThat(ArgumentParser.parse("text=" + quoted + " lists=fans").named())
                    .as(quoted)
                    .containsEntry("text", RawValue.of("New set"))
                    .containsEntry("lists", RawValue.of("fans"));
        }
        assertThat(ArgumentParser.parse("text='I don't know' lists=fans")
                        .named()
                        .get("text")
                        .items())
                .containsExactly("I don't know");
        assertThat(ArgumentParser.parse("text=‘It’s here’").named().get("text").items())
                .containsExactly("It’s here");
        assertThat(ArgumentParser.parse("text=don't").named().get("text").items())
                .containsExactly("don't");
    }

    @Test
    void aQuoteGluedToAClosedQuoteOrInsideAWordIsAProblem() {
        assertThat(ArgumentParser.parse("text=\"a\"\"b\"").problems())
                .singleElement()
                .asString()
                .contains("Right after the quote closed")
                .contains("write \\\" for a quote inside");
        assertThat(ArgumentParser.parse("text=say\"hi\"").problems())
                .first()
                .asString()
                .startsWith("A \" inside \"text=say\"hi\"\" (position 9): put the whole value in quotes");
    }

    @Test
    void anUnknownEscapeIsRefusedNamingIt() {
        assertThat(ArgumentParser.parse("text=\"C:\\Users\\me\"").problems())
                .first()
                .asString()
                .startsWith("\"\\U\" (position 9) is not an escape")
                .contains("\\\\ for a backslash");
        assertThat(ArgumentParser.parse("text=\"C:\\\\Users \\\"me\\\"\\nok\"")
                        .named()
                        .get("text")
                        .items())
                .containsExactly("C:\\Users \"me\"\nok");
        assertThat(ArgumentParser.parse("media=C:\\x").named().get("media").items())
                .containsExactly("C:\\x");
    }

    @Test
    void problemsAreFewAndShortHoweverLongTheLine() {
        ArgumentParser.Parsed parsed = ArgumentParser.parse("text=" + "\"".repeat(100_000));

        assertThat(parsed.problems())
                .hasSizeLessThanOrEqualTo(3)
                .allSatisfy(p -> assertThat(p).hasSizeLessThan(300));
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
