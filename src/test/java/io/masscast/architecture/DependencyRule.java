package io.masscast.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The dependency rule of DESIGN.md section 2, for a root package: dependencies point inward. {@code core}
 * uses only the JDK and SLF4J; {@code config} only the JDK; the outer packages use {@code core} (and take
 * their own settings record from {@code config}) but never each other; the simulator stands alone; only
 * {@code app} knows them all. {@code chart} draws the digest's chart behind the core's {@code ChartRenderer} port,
 * so the charting library stays out of the core. The one exception: the chat adapters share {@code adapter.common}
 * (the 3-second ack machinery, the adapter seam), which uses no adapter.
 */
final class DependencyRule {
    /** The outer packages that may use core but not one another. */
    static final List<String> OUTER = List.of(
            "ofauth",
            "store",
            "jobs",
            "simulator",
            "http",
            "chart",
            "adapter.common",
            "adapter.slack",
            "adapter.discord",
            "adapter.shell");
    /** What every chat adapter may use besides core and config. */
    static final String ADAPTERS_SHARE = "adapter.common";

    private DependencyRule() {}

    static ArchRule forRoot(String root) {
        List<ArchRule> rules = new ArrayList<>();
        rules.add(noClasses()
                .that()
                .resideInAPackage(root + ".core..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(root + ".core..", "java..", "org.slf4j..")
                .because("the core is plain Java: platforms, OFAuth and storage reach it through ports"));
        rules.add(noClasses()
                .that()
                .resideInAPackage(root + ".config..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(root + ".config..", "java..", "org.slf4j..")
                .because("configuration is read before anything else exists"));
        for (String outer : OUTER) {
            List<String> others = new ArrayList<>();
            for (String other : OUTER) {
                boolean shared = other.equals(ADAPTERS_SHARE) && outer.startsWith("adapter.");
                if (!other.equals(outer) && !shared) {
                    others.add(root + "." + other + "..");
                }
            }
            others.add(root + ".app..");
            rules.add(noClasses()
                    .that()
                    .resideInAPackage(root + "." + outer + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others.toArray(String[]::new))
                    .because(outer + " may use core and config"
                            + (outer.startsWith("adapter.")
                                    ? " (and " + ADAPTERS_SHARE + " if it is a chat adapter)"
                                    : "")
                            + ", but no other outer package; only app wires them together"));
        }
        rules.add(noClasses()
                .that()
                .resideInAPackage(root + ".simulator..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".core..")
                .because("the simulator plays OFAuth and shares nothing with masscast"));
        // Packages a later milestone adds (discord, http) may be empty today.
        return CompositeArchRule.of(
                rules.stream().map(rule -> rule.allowEmptyShould(true)).toList());
    }
}
