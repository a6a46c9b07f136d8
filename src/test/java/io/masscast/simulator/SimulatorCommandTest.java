package io.masscast.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SimulatorCommandTest {
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    void itPrintsTheBaseUrlTheKeyAndTheConnectionsAndServesUntilStopped() {
        AtomicReference<SimResponse> whoami = new AtomicReference<>();

        int exit = SimulatorCommand.run(
                new String[] {"--port", "0", "--seed", "7"},
                out,
                simulator -> whoami.set(new SimulatorClient(simulator).get(null, "/v2/account/whoami")));

        String printed = printed();
        assertThat(exit).isZero();
        assertThat(whoami.get().status()).isEqualTo(200);
        assertThat(printed)
                .containsPattern("http://127\\.0\\.0\\.1:\\d+")
                .contains("sk_sim_demo_0000000000000000")
                .contains("conn_demo ", "Mila Rose", "conn_demo2", "conn_readonly");
    }

    @Test
    void helpPrintsUsage() {
        assertThat(SimulatorCommand.run(new String[] {"--help"}, out, simulator -> {}))
                .isZero();
        assertThat(printed()).contains("--port", "--seed");
    }

    @Test
    void aBadArgumentIsAUsageError() {
        assertThat(SimulatorCommand.run(new String[] {"--port", "eighty"}, out, simulator -> {}))
                .isEqualTo(2);
        assertThat(SimulatorCommand.run(new String[] {"--verbose"}, out, simulator -> {}))
                .isEqualTo(2);
        assertThat(printed()).contains("Usage");
    }

    @Test
    void aBusyPortIsReported() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int exit = SimulatorCommand.run(
                    new String[] {"--port", Integer.toString(taken.getLocalPort())}, out, simulator -> {});

            assertThat(exit).isEqualTo(1);
            assertThat(printed()).contains("cannot listen on port " + taken.getLocalPort());
        }
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
