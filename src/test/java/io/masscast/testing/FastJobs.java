package io.masscast.testing;

import io.masscast.app.Wiring;
import java.time.Duration;

/** Job intervals for end-to-end tests whose jobs run on their schedule: sends and cards follow within a tick. */
public final class FastJobs {
    public static final Wiring.Intervals INTERVALS = new Wiring.Intervals(
            Duration.ofMillis(50),
            Duration.ofMillis(50),
            Duration.ofMillis(200),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30));

    private FastJobs() {}
}
