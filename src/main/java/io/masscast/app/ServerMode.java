package io.masscast.app;

import io.masscast.config.MasscastConfig;
import java.io.PrintStream;

/** masscast with chat platform adapters, serving HTTP until the process is stopped. */
final class ServerMode {
    private ServerMode() {
    }

    static int run(MasscastConfig config, PrintStream err) {
        err.println("The Slack and Discord adapters are not part of this build yet; run with --shell for the terminal mode.");
        return 2;
    }
}
