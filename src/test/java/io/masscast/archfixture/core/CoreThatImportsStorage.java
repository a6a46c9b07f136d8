package io.masscast.archfixture.core;

import io.masscast.archfixture.store.JdbcThing;

/** Breaks the dependency rule on purpose, so {@code DependencyRuleTest} can show the rule catches it. */
public final class CoreThatImportsStorage {
    public String read() {
        return new JdbcThing().load();
    }
}
