package io.masscast.ofauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.masscast.config.DatabaseSettings;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthFailure.RateLimited;
import io.masscast.store.Database;
import io.masscast.store.TestDatabases;
import io.masscast.testing.MutableClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replicas on PostgreSQL: every connection's bucket is a row of {@code rate_budget}, so the limiter behaves as in one
 * process, and two replicas (two connection pools, two limiters) spend one budget between them.
 */
class SharedRateLimiterTest extends ConnectionRateLimiterContractTest {
    private final DatabaseSettings settings = TestDatabases.postgresConfig();
    private final List<Database> replicas = new ArrayList<>();

    /** A replica's own pool on the shared database. */
    @Override
    RateBudget budget(MutableClock clock) {
        Database database = Database.open(settings);
        replicas.add(database);
        return RateBudget.shared(database.dataSource(), clock);
    }

    @AfterEach
    void closeReplicas() {
        replicas.forEach(Database::close);
    }

    @Test
    void twoReplicasSpendOneBurstBetweenThem() {
        ConnectionRateLimiter first = limiter(Duration.ZERO);
        ConnectionRateLimiter second = limiter(Duration.ZERO);

        take(first, CallPriority.SEND, 60);
        take(second, CallPriority.SEND, 30);
        RateLimited refused = catchThrowableOfType(RateLimited.class, () -> second.acquire(CONN, CallPriority.SEND));

        assertThat(refused.getMessage()).contains("nothing was sent");
        assertThat(first.availableTokens(CONN)).isZero();
    }

    @Test
    void pollingOnOneReplicaLeavesTheReserveToSendsOnTheOther() {
        ConnectionRateLimiter poller = limiter(Duration.ZERO);
        ConnectionRateLimiter sender = limiter(Duration.ZERO);

        take(poller, CallPriority.BACKGROUND, 60);
        assertThat(catchThrowableOfType(RateLimited.class, () -> poller.acquire(CONN, CallPriority.BACKGROUND)))
                .as("polling past its share of the budget")
                .isNotNull();
        take(sender, CallPriority.SEND, 30);

        assertThat(sender.availableTokens(CONN)).isZero();
    }

    @Test
    void whatOneReplicaSpentRefillsForBoth() {
        ConnectionRateLimiter first = limiter(Duration.ZERO);
        ConnectionRateLimiter second = limiter(Duration.ZERO);
        take(first, CallPriority.SEND, 90);

        clock.advance(Duration.ofSeconds(10));

        assertThat(second.availableTokens(CONN)).as("10 s at 60/min").isEqualTo(10);
        take(second, CallPriority.SEND, 10);
        assertThat(first.availableTokens(CONN)).isZero();
    }

    @Test
    void after429OnOneReplicaTheOtherFindsTheBucketEmpty() {
        ConnectionRateLimiter hit = limiter(Duration.ofMinutes(1));
        ConnectionRateLimiter other = limiter(Duration.ofMinutes(1));

        hit.backOff(CONN, Duration.ofSeconds(7));
        other.acquire(CONN, CallPriority.SEND);

        assertThat(sleeper.total())
                .as("the other waits for the refill of one token")
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(hit.availableTokens(CONN)).isZero();
    }

    @Test
    void eachConnectionIsOneRowOfTheSharedTable() throws Exception {
        ConnectionRateLimiter limiter = limiter(Duration.ZERO);
        take(limiter, CallPriority.SEND, 3);
        limiter.acquire("conn_b", CallPriority.SEND);

        List<String> rows = new ArrayList<>();
        try (Connection connection = TestDatabases.connect(settings);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT connection_id FROM rate_budget WHERE state IS NOT NULL ORDER BY connection_id")) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        assertThat(rows).containsExactly(CONN, "conn_b");
    }
}
