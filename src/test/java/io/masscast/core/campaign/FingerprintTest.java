package io.masscast.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.model.Audience;
import io.masscast.core.model.MediaItem;
import io.masscast.core.model.MessageContent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    private static final MessageContent CONTENT = new MessageContent(
            "Hi", true, false, List.of(MediaItem.vault(1), MediaItem.vault(2)), 1, new BigDecimal("12.50"));
    private static final Audience AUDIENCE =
            new Audience(List.of("5"), List.of("fans", "77"), List.of("9"), Optional.empty());
    private static final String BASE = Fingerprint.of("conn_demo", CONTENT, AUDIENCE, Optional.empty());

    private static String with(MessageContent content) {
        return Fingerprint.of("conn_demo", content, AUDIENCE, Optional.empty());
    }

    private static String with(Audience audience) {
        return Fingerprint.of("conn_demo", CONTENT, audience, Optional.empty());
    }

    @Test
    void everyFieldThatChangesWhatFansReceiveChangesIt() {
        assertThat(List.of(
                        with(new MessageContent("Hi!", true, false, CONTENT.media(), 1, CONTENT.price())),
                        with(new MessageContent("Hi", false, false, CONTENT.media(), 1, CONTENT.price())),
                        with(new MessageContent("Hi", true, true, CONTENT.media(), 1, CONTENT.price())),
                        with(new MessageContent(
                                "Hi",
                                true,
                                false,
                                List.of(MediaItem.vault(2), MediaItem.vault(1)),
                                1,
                                CONTENT.price())),
                        with(new MessageContent("Hi", true, false, CONTENT.media(), 0, CONTENT.price())),
                        with(new MessageContent("Hi", true, false, CONTENT.media(), 1, new BigDecimal("12.51"))),
                        Fingerprint.of("conn_demo2", CONTENT, AUDIENCE, Optional.empty()),
                        Fingerprint.of(
                                "conn_demo", CONTENT, AUDIENCE, Optional.of(Instant.parse("2026-03-21T19:00:00Z")))))
                .doesNotContain(BASE)
                .doesNotHaveDuplicates();
    }

    @Test
    void everyFieldThatChangesWhoReceivesItChangesIt() {
        assertThat(List.of(
                        with(new Audience(List.of("6"), AUDIENCE.lists(), AUDIENCE.excludedLists(), Optional.empty())),
                        with(new Audience(
                                AUDIENCE.userIds(), List.of("fans"), AUDIENCE.excludedLists(), Optional.empty())),
                        with(new Audience(AUDIENCE.userIds(), AUDIENCE.lists(), List.of(), Optional.empty())),
                        with(new Audience(
                                AUDIENCE.userIds(),
                                AUDIENCE.lists(),
                                AUDIENCE.excludedLists(),
                                Optional.of(Instant.parse("2026-01-01T00:00:00Z"))))))
                .doesNotContain(BASE)
                .doesNotHaveDuplicates();
    }

    @Test
    void theOrderOfAudienceIdsAndTheScaleOfThePriceDoNotMatter() {
        assertThat(with(new Audience(List.of("5"), List.of("77", "fans"), List.of("9"), Optional.empty())))
                .isEqualTo(BASE);
        assertThat(with(new MessageContent("Hi", true, false, CONTENT.media(), 1, new BigDecimal("12.5"))))
                .isEqualTo(BASE);
    }

    @Test
    void valuesCannotRunIntoEachOther() {
        Audience oneList = new Audience(List.of(), List.of("ab"), List.of(), Optional.empty());
        Audience twoLists = new Audience(List.of(), List.of("a", "b"), List.of(), Optional.empty());

        assertThat(with(oneList)).isNotEqualTo(with(twoLists));
    }
}
