package io.masscast.core.abtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class RandomSplitTest {
    private static final List<String> FANS = IntStream.rangeClosed(1, 1001)
            .mapToObj(i -> String.valueOf(5_000_000 + i * 7))
            .toList();

    @Test
    void theSharesCoverEveryFanOnceAndDifferInSizeByOneAtMost() {
        for (int variants = 2; variants <= 3; variants++) {
            List<List<String>> shares = RandomSplit.shares(FANS, variants, 42L);
            assertThat(shares).hasSize(variants);
            List<String> all = new ArrayList<>();
            shares.forEach(all::addAll);
            assertThat(all).hasSameSizeAs(FANS).containsExactlyInAnyOrderElementsOf(FANS);
            assertThat(shares.stream().mapToInt(List::size).max().orElseThrow()
                            - shares.stream().mapToInt(List::size).min().orElseThrow())
                    .isLessThanOrEqualTo(1);
        }
    }

    @Test
    void theStoredSeedGivesTheSameSharesWhateverOrderTheFansWereReadIn() {
        List<String> shuffled = new ArrayList<>(FANS);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(RandomSplit.shares(shuffled, 3, 99L)).isEqualTo(RandomSplit.shares(FANS, 3, 99L));
        assertThat(RandomSplit.shares(FANS, 3, 100L)).isNotEqualTo(RandomSplit.shares(FANS, 3, 99L));
    }

    @Test
    void aShareLargerThanOneMessageIsCutIntoTheFewestEvenMessages() {
        List<String> share = FANS.subList(0, 1001);
        List<List<String>> messages = RandomSplit.messages(share, 400);
        assertThat(messages).extracting(List::size).containsExactly(333, 334, 334);
        Set<String> seen = new HashSet<>();
        messages.forEach(seen::addAll);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(share);
        assertThat(RandomSplit.messages(share.subList(0, 400), 400))
                .singleElement(InstanceOfAssertFactories.LIST)
                .hasSize(400);
        assertThatThrownBy(() -> RandomSplit.messages(share, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
