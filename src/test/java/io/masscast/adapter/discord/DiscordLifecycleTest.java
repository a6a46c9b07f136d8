package io.masscast.adapter.discord;

import static io.masscast.adapter.discord.DiscordTestBed.ALICE_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.masscast.core.health.Readiness;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.Platform;
import io.masscast.core.policy.Fields;
import io.masscast.testing.RecordingInteractions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.JDA;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discord as operations see it: ready while every shard is connected, each interaction timed until it is
 * acknowledged, and, once masscast stops taking interactions, each new one told to try again with nothing done.
 */
class DiscordLifecycleTest {
    private DiscordTestBed bed;

    @BeforeEach
    void start() {
        bed = DiscordTestBed.start();
        bed.bindChannel();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void readyOnlyWhileEveryShardIsConnected() {
        JDA first = mock(JDA.class);
        JDA second = mock(JDA.class);
        when(bed.discord.shards.getStatuses())
                .thenReturn(Map.of(first, JDA.Status.CONNECTED, second, JDA.Status.CONNECTED));
        assertThat(bed.adapter.readiness()).isEqualTo(Readiness.ready("discord", "2 of 2 shard(s) connected"));

        when(bed.discord.shards.getStatuses())
                .thenReturn(Map.of(first, JDA.Status.CONNECTED, second, JDA.Status.WAITING_TO_RECONNECT));
        assertThat(bed.adapter.readiness()).isEqualTo(Readiness.notReady("discord", "1 of 2 shard(s) connected"));
    }

    @Test
    void eachInteractionIsTimedUntilItsAcknowledgementByKind() {
        bed.slash(ALICE_MEMBER, "help", Map.of());
        bed.slashAutocomplete(ALICE_MEMBER, "new", Fields.LISTS, "vi");

        assertThat(bed.core.acks().acks())
                .extracting(RecordingInteractions.Ack::platform, RecordingInteractions.Ack::kind)
                .containsSubsequence(
                        tuple(Platform.DISCORD, "command"),
                        tuple(Platform.DISCORD, "command"),
                        tuple(Platform.DISCORD, "suggestion"));
        assertThat(bed.core.acks().acks())
                .allSatisfy(ack -> assertThat(ack.latency()).isPositive());
    }

    @Test
    void onceStoppingANewCommandIsToldToTryAgainAndNothingIsComposed() {
        bed.adapter.stopAccepting();

        String composed = bed.slash(ALICE_MEMBER, "new", Map.of(Fields.TEXT, "Late drop", Fields.LISTS, "VIP"));
        String searched = bed.slashAutocomplete(ALICE_MEMBER, "new", Fields.LISTS, "vi");

        DiscordEvents.Answer answer = bed.events.awaitAnswer(composed);
        assertThat(answer.content()).isEqualTo(DiscordListener.RESTARTING);
        assertThat(answer.isPrivate()).isTrue();
        assertThat(bed.events.awaitAnswer(searched).json().getArray("choices").length())
                .isZero();
        List<Campaign> stored =
                bed.stores.inTransaction(s -> s.campaigns().inStates(EnumSet.allOf(CampaignState.class), 10));
        assertThat(stored).isEmpty();
        assertThat(bed.adapter.readiness()).isEqualTo(Readiness.notReady("discord", "stopping"));
    }
}
