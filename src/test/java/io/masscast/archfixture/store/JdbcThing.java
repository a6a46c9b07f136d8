package io.masscast.archfixture.store;

/** A stand-in storage class for {@code DependencyRuleTest}. */
public final class JdbcThing {
    public String load() {
        return "row";
    }
}
