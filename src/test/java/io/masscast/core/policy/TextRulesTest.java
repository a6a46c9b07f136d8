package io.masscast.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.policy.TextRules.Lines;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void ordinaryTextInAnyScriptWithNewLinesTabsAndEmojiMayBeStored() {
        for (String text : List.of(
                "New set is up 🔥",
                "Line one\n\tline two",
                "مرحبا\u200F بالجميع",
                "שלום",
                "新しいセット",
                "Ünïcödé é",
                "👩‍👩‍👧 family",
                "a\u00A0b")) {
            assertThat(TextRules.problem(text, 100, Lines.MULTI)).as(text).isEmpty();
        }
    }

    @Test
    void controlCharactersAreRefusedByNameAndPosition() {
        assertThat(TextRules.problem("ab\u0000c", 100, Lines.MULTI))
                .contains("contains the control character U+0000 NULL at position 3: remove it.");
        assertThat(TextRules.problem("\u001B[31mred", 100, Lines.MULTI))
                .get()
                .asString()
                .contains("U+001B ESCAPE");
        assertThat(TextRules.problem("del\u007F", 100, Lines.MULTI))
                .get()
                .asString()
                .contains("U+007F DELETE");
        assertThat(TextRules.problem("c1\u009B", 100, Lines.MULTI))
                .get()
                .asString()
                .contains("U+009B");
        assertThat(TextRules.problem("cr\r\n", 100, Lines.MULTI))
                .get()
                .asString()
                .contains("U+000D");
        assertThat(TextRules.problem("a\nb", 100, Lines.SINGLE))
                .get()
                .asString()
                .contains("new line");
    }

    @Test
    void brokenCharactersNoncharactersAndDirectionOverridesAreRefused() {
        assertThat(TextRules.problem("half \uD83D pair", 100, Lines.MULTI))
                .get()
                .asString()
                .contains("broken character");
        assertThat(TextRules.problem("x\uFFFF", 100, Lines.MULTI))
                .get()
                .asString()
                .contains("not a character");
        assertThat(TextRules.problem("gpj.\u202Eexe", 100, Lines.MULTI))
                .get()
                .asString()
                .contains("U+202E RIGHT-TO-LEFT OVERRIDE")
                .contains("direction");
        assertThat(TextRules.problem("\u2066isolated\u2069", 100, Lines.MULTI)).isPresent();
    }

    @Test
    void textMadeOnlyOfInvisibleCharactersIsRefused() {
        for (String invisible : List.of(
                " ",
                "\u200B",
                "\uFEFF",
                "\u00A0\u00A0",
                "\u2800",
                "\u3164",
                "\u115F\u1160",
                "\u200D\u200C\u2060",
                "\u180E",
                "\n\t ",
                "\u0301",
                "\uFE0F",
                "\u200E")) {
            assertThat(TextRules.problem(invisible, 100, Lines.MULTI))
                    .as(Excerpt.of(invisible))
                    .get()
                    .asString()
                    .startsWith("has no visible character");
        }
        assertThat(TextRules.problem("\u200B\uFEFF", 100, Lines.MULTI))
                .contains("has no visible character (only U+200B ZERO WIDTH SPACE, U+FEFF ZERO WIDTH NO-BREAK SPACE): "
                        + "write something people can read.");
        assertThat(TextRules.problem("", 100, Lines.MULTI)).isEmpty();
    }

    @Test
    void lengthIsBoundedAndCheckedFirst() {
        assertThat(TextRules.problem("x".repeat(1_000_001), 1_000, Lines.MULTI))
                .contains("is 1,000,001 characters long; at most 1,000 are allowed. Shorten it.");
        assertThat(TextRules.problem("x".repeat(1_000), 1_000, Lines.MULTI)).isEmpty();
    }
}
