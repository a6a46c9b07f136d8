package io.masscast.config;

import java.util.List;

/** The environment does not describe a runnable masscast; {@link #problems()} names every reason. */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** One sentence per problem, each naming the variable and what to do about it. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        StringBuilder message = new StringBuilder("masscast cannot start: ")
                .append(problems.size())
                .append(problems.size() == 1 ? " configuration problem" : " configuration problems");
        problems.forEach(
                problem -> message.append(System.lineSeparator()).append("  - ").append(problem));
        return message.toString();
    }
}
