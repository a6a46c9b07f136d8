package io.masscast.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The simulator stands alone: the JDK (incl. its HTTP server and javax.crypto, which signs its webhooks), SLF4J,
 * Moshi and bucket4j, nothing of masscast.
 */
class SimulatorDependencyRuleTest {

    @Test
    void theSimulatorDependsOnNoOtherMasscastPackage() throws Exception {
        // Import the compiled simulator directory directly: scanning the whole classpath, or resolving every
        // dependency through it, takes seconds.
        Path simulatorClasses = Path.of(OfAuthSimulator.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .resolve("io/masscast/simulator");
        ArchConfiguration.withThreadLocalScope(config -> {
            config.setResolveMissingDependenciesFromClassPath(false);
            classes()
                    .that()
                    .resideInAPackage("io.masscast.simulator..")
                    .should()
                    .onlyDependOnClassesThat()
                    .resideInAnyPackage(
                            "io.masscast.simulator..",
                            "java..",
                            "javax.crypto..",
                            "com.sun.net.httpserver..",
                            "org.slf4j..",
                            "com.squareup.moshi..",
                            "io.github.bucket4j..")
                    .check(new ClassFileImporter().importPath(simulatorClasses));
        });
    }
}
