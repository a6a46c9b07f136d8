package io.masscast.app;

import io.masscast.simulator.SimulatorCommand;
import java.util.Arrays;

public final class Main {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("simulator")) {
            System.exit(SimulatorCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        System.out.println("masscast");
    }
}
