package io.masscast.adapter.discord;

import static io.masscast.adapter.discord.DiscordTestBed.ALICE_MEMBER;
import static io.masscast.adapter.discord.DiscordTestBed.BOB_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.adapter.common.AckBudgets;
import io.masscast.core.policy.Fields;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discord waits 3 seconds for an interaction's first answer. When OFAuth makes the core slower than the budget,
 * the interaction is deferred (privately) and the answer follows through the interaction's hook; a form opens at
 * once, without the choices OFAuth did not deliver in time. The budgets here are tiny and OFAuth's delay
 * is longer, so the slow path is taken by design, not by timing luck.
 */
class DiscordDeadlinesTest {
    private static final AckBudgets SHORT =
            new AckBudgets(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(50));

    private DiscordTestBed bed;

    @BeforeEach
    void start() {
        bed = DiscordTestBed.start(SHORT);
        bed.bindChannel();
        bed.ofauth.delay(Duration.ofMillis(400));
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void aSlowCommandIsDeferredAndItsAnswerFollowsPrivately() {
        String lists = bed.slash(BOB_MEMBER, "lists", Map.of());

        assertThat(bed.events.answersTo(lists))
                .extracting(DiscordEvents.Answer::how)
                .first()
                .isEqualTo("defer");
        DiscordEvents.Answer answer = bed.events.awaitAnswer(lists);
        assertThat(answer.how()).isEqualTo("followup");
        assertThat(answer.isPrivate()).isTrue();
        assertThat(answer.content()).contains("VIP · id 1187345");
    }

    @Test
    void aSlowSubmissionIsDeferredAndItsOutcomeFollows() {
        String modal = bed.events
                .awaitAnswer(bed.slash(ALICE_MEMBER, "new", Map.of()))
                .json()
                .getString("custom_id");

        String submitted = bed.submit(
                ALICE_MEMBER,
                modal,
                Map.of(
                        Fields.TEXT,
                        "Hi",
                        Fields.LISTS,
                        List.of("1187345"),
                        Fields.EXCLUDE,
                        List.of(),
                        Fields.PRICE,
                        "0",
                        Fields.AT,
                        ""));

        assertThat(bed.events.answersTo(submitted).get(0).how()).isEqualTo("defer");
        assertThat(bed.events.awaitAnswer(submitted).content()).contains("MC-1 is waiting for approval");
    }

    @Test
    void theFormOpensInTimeWhenOfauthIsSlowWithoutTheListMenus() {
        String command = bed.slash(ALICE_MEMBER, "new", Map.of());

        DiscordEvents.Answer modal = bed.events.answersTo(command).get(0);
        assertThat(modal.how())
                .as("a modal can only be the first answer, so it opens without waiting for OFAuth")
                .isEqualTo("modal");
        assertThat(modal.json().getArray("components").getObject(1).getString("content"))
                .contains("lists could not be loaded just now", "lists:");
    }
}
