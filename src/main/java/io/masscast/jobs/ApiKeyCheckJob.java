package io.masscast.jobs;

import io.masscast.core.health.ApiKeyCheck;
import java.time.Duration;

/**
 * Asks OFAuth again, on a slow schedule, whether it accepts the API key, so readiness follows a key revoked (or
 * renewed) while masscast runs. Each replica asks for itself: its key is its own setting, and the account call does
 * not spend a connection's rate limit.
 */
public final class ApiKeyCheckJob implements Job {
    private final ApiKeyCheck check;
    private final Duration interval;

    public ApiKeyCheckJob(ApiKeyCheck check, Duration interval) {
        this.check = check;
        this.interval = interval;
    }

    @Override
    public String name() {
        return "api-key-check";
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void tick() {
        check.check();
    }
}
