package io.masscast.app;

import io.masscast.config.ConfigLoader;
import java.util.Map;

/**
 * masscast's server mode in this process, started from environment variables as the jar would be (HTTP server,
 * Slack adapter, jobs), for the benchmarks that compare it with a baseline in the same process.
 */
public final class RunningMasscast implements AutoCloseable {
    private final ServerMode server;

    private RunningMasscast(ServerMode server) {
        this.server = server;
    }

    /** With {@code wakeUps} off, the submitter and the outbox only poll, as before they were woken. */
    public static RunningMasscast start(Map<String, String> env, boolean wakeUps) {
        return new RunningMasscast(ServerMode.start(ConfigLoader.load(env), ServerMode::configured, wakeUps));
    }

    public int httpPort() {
        return server.httpPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
