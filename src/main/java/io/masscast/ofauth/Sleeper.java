package io.masscast.ofauth;

import java.time.Duration;

/** How the client waits (for a rate-limit token, between retries); tests pass one that advances a fake clock. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    }
}
