package io.masscast.config;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Environments written as name/value pairs, and the problems a load reports for them. */
final class ConfigTestSupport {
    private ConfigTestSupport() {}

    static Map<String, String> env(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            env.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return env;
    }

    static MasscastConfig load(String... namesAndValues) {
        return ConfigLoader.load(env(namesAndValues));
    }

    static List<String> problems(String... namesAndValues) {
        return failure(env(namesAndValues)).problems();
    }

    static ConfigException failure(Map<String, String> env) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(env));
        if (e == null) {
            throw new AssertionError("expected a ConfigException for " + env.keySet());
        }
        return e;
    }
}
