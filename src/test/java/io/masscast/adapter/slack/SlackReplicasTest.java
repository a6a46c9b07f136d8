package io.masscast.adapter.slack;

import static io.masscast.adapter.slack.SlackTestBed.ALICE;
import static io.masscast.adapter.slack.SlackTestBed.SIGNING_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.masscast.config.DatabaseSettings;
import io.masscast.core.model.Platform;
import io.masscast.store.Database;
import io.masscast.store.JdbcSeenRequests;
import io.masscast.store.TestDatabases;
import io.masscast.testing.RecordingInteractions;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas behind one load balancer, over signed HTTP, sharing PostgreSQL: a request replayed to the other
 * replica is refused as it would be by the first; and each replica times its acknowledgements.
 */
class SlackReplicasTest {
    private static final String COMPOSE = "new text=\"Replica drop\" lists=VIP media=48213377 preview=0 price=12.50";

    private final DatabaseSettings shared = TestDatabases.postgresConfig();
    private Database firstPool;
    private Database secondPool;
    private SlackTestBed first;
    private SlackTestBed second;

    @BeforeEach
    void start() throws Exception {
        firstPool = Database.open(shared);
        secondPool = Database.open(shared);
        first = SlackTestBed.start(new JdbcSeenRequests(firstPool));
        second = SlackTestBed.start(new JdbcSeenRequests(secondPool));
        first.bindChannel();
        second.bindChannel();
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
        firstPool.close();
        secondPool.close();
    }

    @Test
    void aRequestReplayedToAnotherReplicaIsRefused() {
        String body = SlackPayloads.form(
                SlackPayloads.slashCommand(ALICE, COMPOSE, "trigger-x", first.slack.newResponseUrl()));
        Map<String, String> signature =
                SlackTestBed.signature(body, Instant.now().getEpochSecond(), SIGNING_SECRET);

        HttpResponse<String> accepted = first.post(body, signature);
        HttpResponse<String> replayed = second.post(body, signature);

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(first.campaigns.find(1)).isPresent();
        assertThat(second.campaigns.find(1))
                .as("the replica that got the replay composed nothing")
                .isEmpty();
    }

    @Test
    void eachAcknowledgementIsTimedByKind() {
        first.slash(ALICE, "help");

        assertThat(first.acks.acks())
                .extracting(RecordingInteractions.Ack::platform, RecordingInteractions.Ack::kind)
                .containsExactly(tuple(Platform.SLACK, "command"), tuple(Platform.SLACK, "command"));
        assertThat(first.acks.acks())
                .allSatisfy(ack -> assertThat(ack.latency()).isPositive());
    }
}
