package io.masscast.ofauth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The client depends on the core and its libraries only, never on a sibling package. */
@AnalyzeClasses(packages = "io.masscast", importOptions = ImportOption.DoNotIncludeTests.class)
class OfAuthDependencyTest {

    @ArchTest
    static final ArchRule ofauthImportsNoSibling = noClasses()
            .that()
            .resideInAPackage("io.masscast.ofauth..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.masscast.simulator..",
                    "io.masscast.store..",
                    "io.masscast.jobs..",
                    "io.masscast.app..",
                    "io.masscast.config..",
                    "io.masscast.adapter..",
                    "io.masscast.http..");
}
