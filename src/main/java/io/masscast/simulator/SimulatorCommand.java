package io.masscast.simulator;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/** {@code masscast simulator [--port N] [--seed N]}: runs the OFAuth simulator until the process is stopped. */
public final class SimulatorCommand {
    private static final int DEFAULT_PORT = 8090;
    private static final String USAGE = """
            Usage: masscast simulator [--port N] [--seed N]
              Runs a local OFAuth API simulator on 127.0.0.1 until stopped (Ctrl-C).
              --port N   TCP port (default 8090; 0 picks a free one)
              --seed N   seed for the generated fans, lists, vault and history (default 42)
              --help     show this text""";

    private SimulatorCommand() {}

    public static int run(String[] args, PrintStream out) {
        return run(args, out, SimulatorCommand::blockUntilShutdown);
    }

    /** Runs with {@code whileRunning} in place of waiting for shutdown; returns the exit code. */
    static int run(String[] args, PrintStream out, Consumer<OfAuthSimulator> whileRunning) {
        SimulatorConfig config = SimulatorConfig.defaults().withPort(DEFAULT_PORT);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE);
                return 0;
            }
            if ((arg.equals("--port") || arg.equals("--seed")) && i + 1 < args.length) {
                try {
                    long value = Long.parseLong(args[++i]);
                    config = arg.equals("--port") ? config.withPort(Math.toIntExact(value)) : config.withSeed(value);
                    continue;
                } catch (NumberFormatException | ArithmeticException e) {
                    out.println("Not a number for " + arg + ": " + args[i]);
                    return 2;
                } catch (IllegalArgumentException e) {
                    out.println(e.getMessage());
                    return 2;
                }
            }
            out.println("Unknown argument: " + arg);
            out.println(USAGE);
            return 2;
        }
        OfAuthSimulator simulator;
        try {
            simulator = OfAuthSimulator.start(config);
        } catch (UncheckedIOException e) {
            out.println(e.getMessage() + ": " + e.getCause().getMessage());
            return 1;
        }
        try (simulator) {
            printBanner(simulator, out);
            whileRunning.accept(simulator);
        }
        return 0;
    }

    private static void printBanner(OfAuthSimulator simulator, PrintStream out) {
        out.println("OFAuth simulator running");
        out.println("  base URL : " + simulator.baseUrl());
        out.println("  API key  : " + simulator.apiKey());
        out.println("  connections:");
        for (String id : simulator.connectionIds()) {
            out.printf("    %-14s %s%n", id, simulator.creatorLabel(id));
        }
        out.println("  control  : " + simulator.baseUrl()
                + "/_sim/ (requests, faults, clock, messages, connections, webhooks)");
        out.println("Stop with Ctrl-C.");
        out.flush();
    }

    private static void blockUntilShutdown(OfAuthSimulator simulator) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            simulator.close();
                            stopped.countDown();
                        },
                        "ofauth-sim-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
