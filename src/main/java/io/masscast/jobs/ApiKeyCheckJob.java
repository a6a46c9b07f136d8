package io.masscast.jobs;

import io.masscast.core.health.ApiKeyCheck;
import java.time.Duration;

/**
 * Asks OFAuth again, on a slow schedule, whether it accepts the API key, so readiness follows a key revoked (or
 * renewed) while masscast runs. Each replica asks for itself: its key is its own setting, and the account call does
 * not spend a connection's rate limit.
 */
public final class ApiKeyCheckJob implements Job {
    /** How often the job looks whether the key is due to be checked again. */
    private static final Duration LOOK_EVERY = Duration.ofMinutes(1);

    private final ApiKeyCheck check;
    private final Duration every;

    /** Asks OFAuth about the key once {@code every} has passed since it was last asked. */
    public ApiKeyCheckJob(ApiKeyCheck check, Duration every) {
        this.check = check;
        this.every = every;
    }

    @Override
    public String name() {
        return "api-key-check";
    }

    @Override
    public Duration interval() {
        return LOOK_EVERY;
    }

    @Override
    public void tick() {
        check.checkIfOlderThan(every);
    }
}
