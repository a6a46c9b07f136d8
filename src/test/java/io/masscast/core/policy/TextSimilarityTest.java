package io.masscast.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Text similarity for the repeat guard, against values worked out by hand. */
class TextSimilarityTest {

    @Test
    void caseSpacingPunctuationAndEmojiDoNotCount() {
        assertThat(TextSimilarity.normalise("New set is up 🔥")).isEqualTo("new set is up");
        assertThat(TextSimilarity.similarity("New set is up 🔥", "new   set is up!"))
                .isEqualTo(1.0);
    }

    @Test
    void similarityIsTheDiceCoefficientOfCharacterPairs() {
        // ni ig gh ht / na ac ch ht: one pair shared of 4 + 4 → 2 × 1 / 8
        assertThat(TextSimilarity.similarity("night", "nacht")).isEqualTo(0.25);
        // "weekend set is up 20 off" and "… 30 off": 23 pairs each, all shared but " 2"/"20" and " 3"/"30" → 42 / 46
        assertThat(TextSimilarity.similarity("Weekend set is up, 20% off!", "Weekend set is up — 30% off 🔥"))
                .isCloseTo(42.0 / 46, within(1e-12));
    }

    @Test
    void aChangedDetailIsNearlyTheSameAndARewriteIsNot() {
        assertThat(TextSimilarity.similarity("New set is up 🔥 first 2 pics free", "New set is up, first 3 pics free"))
                .isGreaterThanOrEqualTo(TextSimilarity.NEARLY_SAME);
        // 10 pairs shared of 10 + 27 → 20 / 37
        assertThat(TextSimilarity.similarity("Sunday drop", "Sunday drop, now with a bonus"))
                .isCloseTo(20.0 / 37, within(1e-12))
                .isLessThan(TextSimilarity.NEARLY_SAME);
    }

    @Test
    void pairsCountWithTheirRepeats() {
        // "aaaa" has aa three times, "aa" once: one shared of 3 + 1 → 2 / 4
        assertThat(TextSimilarity.similarity("aaaa", "aa")).isEqualTo(0.5);
    }

    @Test
    void anEmptyTextIsLikeNothing() {
        assertThat(TextSimilarity.similarity("", "")).isZero();
        assertThat(TextSimilarity.similarity("🔥🔥", "🔥🔥")).isZero();
        assertThat(TextSimilarity.similarity("a", "b")).isZero();
    }
}
