package io.masscast.core.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.masscast.core.model.Audience;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.MessageContent;
import io.masscast.testing.CampaignTestData;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CampaignActionTest {

    private static Campaign in(CampaignState state) {
        Instant at = Instant.parse("2026-03-20T10:00:00Z");
        return new Campaign(
                1,
                4,
                CampaignTestData.CHANNEL,
                "conn_demo",
                "alice",
                "Alice",
                MessageContent.text("hi"),
                Audience.ofLists("fans"),
                Optional.empty(),
                state,
                "fp",
                1,
                at,
                at,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void everyActionOutsideItsStartStatesIsATypedError() {
        for (CampaignAction action : CampaignAction.values()) {
            for (CampaignState state : EnumSet.complementOf(EnumSet.copyOf(action.from()))) {
                assertThatThrownBy(() -> CampaignLedger.require(action, in(state)))
                        .as("%s from %s", action, state)
                        .isInstanceOf(CampaignException.IllegalTransition.class)
                        .hasMessage("MC-4 is " + state.label() + ", so it can't be " + action.pastTense() + ".");
            }
        }
    }

    @Test
    void finalStatesAllowNothingButCancellingAFailedReplacement() {
        for (CampaignState state : CampaignState.values()) {
            if (!state.isFinal()) {
                continue;
            }
            for (CampaignAction action : CampaignAction.values()) {
                boolean allowed = action.allowsFrom(state);
                assertThat(allowed)
                        .as("%s from %s", action, state)
                        .isEqualTo(action == CampaignAction.CANCEL && state == CampaignState.FAILED);
            }
        }
    }

    @Test
    void theTableMatchesTheDesignedLifecycle() {
        assertThat(CampaignAction.APPROVE.allowsTo(CampaignState.APPROVED)).isTrue();
        assertThat(CampaignAction.CLAIM.allowsTo(CampaignState.SUBMITTING)).isTrue();
        assertThat(CampaignAction.RECORD_ACCEPTED.allowsTo(CampaignState.SCHEDULED))
                .isTrue();
        assertThat(CampaignAction.MARK_IN_DOUBT.allowsTo(CampaignState.IN_DOUBT))
                .isTrue();
        assertThat(CampaignAction.SEND_AGAIN.allowsTo(CampaignState.APPROVED)).isTrue();
        assertThat(CampaignAction.UNSEND.allowsFrom(CampaignState.SCHEDULED)).isFalse();
        assertThat(CampaignAction.CANCEL.allowsFrom(CampaignState.SENT)).isFalse();
    }
}
