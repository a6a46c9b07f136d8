package io.masscast.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyRuleTest {

    @Test
    void masscastKeepsItsDependencyRule() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.masscast");

        DependencyRule.forRoot("io.masscast").check(production);
    }

    @Test
    void theRuleCatchesACoreClassThatImportsStorage() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.masscast.archfixture");

        EvaluationResult result =
                DependencyRule.forRoot("io.masscast.archfixture").evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line ->
                        assertThat(line).contains("CoreThatImportsStorage").contains("JdbcThing"));
    }

    @Test
    void adaptersShareTheCommonPackageButNotEachOther() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.masscast.archfixture");

        List<String> violations = DependencyRule.forRoot("io.masscast.archfixture")
                .evaluate(fixture)
                .getFailureReport()
                .getDetails();

        assertThat(violations)
                .anySatisfy(line ->
                        assertThat(line).contains("SlackThatUsesDiscord").contains("DiscordThing"))
                .anySatisfy(line ->
                        assertThat(line).contains("CommonThatUsesDiscord").contains("DiscordThing"))
                .noneSatisfy(line -> assertThat(line).contains("SharedAck"));
    }
}
