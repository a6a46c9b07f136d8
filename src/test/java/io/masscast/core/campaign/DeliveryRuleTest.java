package io.masscast.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.model.CampaignState;
import io.masscast.core.model.CampaignStats;
import io.masscast.core.model.SentMessageStats;
import io.masscast.core.model.StatsFigures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When OFAuth's figures say a message's delivery is complete. */
class DeliveryRuleTest {
    private static final Instant NOW = Instant.parse("2026-03-20T10:00:00Z");

    @ParameterizedTest(name = "{0}, sent {1} of {2}, unchanged for {3} min, canceled {4} -> {5}")
    @CsvSource({
        // one delivered fan is not delivery complete
        "SENDING, 1, 2412, 0, false, SENDING",
        "SENDING, 2411, 2412, 4, false, SENDING",
        "SENDING, 2412, 2412, 0, false, SENT",
        "SCHEDULED, 2412, 2412, 0, false, SENT",
        "SCHEDULED, 10, 2412, 0, false, SENDING",
        // no total from OFAuth (a scheduled message): complete once the count stops moving for 5 minutes
        "SCHEDULED, 2412, -1, 0, false, SENDING",
        "SENDING, 2412, -1, 4, false, SENDING",
        "SENDING, 2412, -1, 5, false, SENT",
        "SENDING, 0, -1, 60, false, SENDING",
        // a total never reached (fans OnlyFans skipped): complete after 30 minutes without a change
        "SENDING, 2400, 2412, 29, false, SENDING",
        "SENDING, 2400, 2412, 30, false, SENT",
        // an audience of none is delivered at once
        "SENDING, 0, 0, 0, false, SENT",
        // sent stays sent; cancelled at OFAuth after going out is unsent
        "SENT, 5, 2412, 0, false, SENT",
        "SENT, 2412, 2412, 0, true, UNSENT",
        "SENDING, 100, 2412, 0, true, UNSENT",
        "SCHEDULED, 0, -1, 0, true, SCHEDULED",
    })
    void deliveryIsCompleteOnlyWhenOfAuthsFiguresSaySo(
            CampaignState current,
            long sent,
            long total,
            long unchangedMinutes,
            boolean canceled,
            CampaignState expected) {
        SentMessageStats row = new SentMessageStats(
                1, NOW.minusSeconds(3600), "x", sent, 0, 0, BigDecimal.ZERO, Optional.empty(), 0, canceled, true, 60);
        CampaignStats after = new CampaignStats(
                7,
                total < 0 ? Optional.empty() : Optional.of(total),
                new StatsFigures(sent, 0, 0, BigDecimal.ZERO, false),
                Optional.of(NOW),
                Optional.of(NOW.minus(Duration.ofMinutes(unchangedMinutes))),
                true,
                Optional.empty(),
                0,
                Optional.empty(),
                Optional.empty());

        assertThat(DeliveryRule.next(current, row, after, NOW)).isEqualTo(expected);
    }
}
