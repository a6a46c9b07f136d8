package io.masscast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.config.ConfigLoader;
import io.masscast.config.DatabaseSettings;
import io.masscast.config.HttpSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile against the code and the README (no Docker engine runs here, so the image is checked by
 * reading it): the build runs the README's build command, the image runs as a non-root user, exposes the port
 * masscast listens on by default, keeps SQLite on its volume, checks the health route the server serves, and
 * bakes in no secret.
 */
class DockerfileTest {
    private static final Pattern README_BUILD = Pattern.compile("(mvn [^`&\\n]*package[^`&\\n]*?)\\s*&&\\s*java -jar");
    private static Dockerfile dockerfile;

    @BeforeAll
    static void read() throws IOException {
        dockerfile = Dockerfile.read(Path.of("Dockerfile"));
    }

    @Test
    void buildsInAMavenStageWithTheReadmesCommandAndRunsOnASlimJava17Runtime() throws IOException {
        Matcher readme = README_BUILD.matcher(Files.readString(Path.of("README.md")));
        assertThat(readme.find())
                .as("README.md shows a 'mvn ... package && java -jar' run command")
                .isTrue();

        Dockerfile.Stage build = dockerfile.stage("build");
        assertThat(build.from()).startsWith("maven:").contains("17");
        assertThat(build.all("RUN")).contains(readme.group(1).strip());
        assertThat(dockerfile.stages()).hasSize(2);
        assertThat(dockerfile.runtime().from()).contains("17").contains("jre");
        assertThat(dockerfile.runtime().all("COPY"))
                .anySatisfy(copy -> assertThat(copy).startsWith("--from=build ").contains("/target/masscast.jar"));
    }

    @Test
    void runsAsANonRootUserWithUtf8AndTheShadedJar() {
        Dockerfile.Stage runtime = dockerfile.runtime();
        String user = runtime.last("USER").orElseThrow();
        assertThat(user.split(":")[0]).isNotIn("root", "0");
        assertThat(String.join(" ", runtime.all("RUN"))).contains("useradd").contains("--uid " + user.split(":")[0]);

        List<String> entrypoint = jsonArray(runtime.last("ENTRYPOINT").orElseThrow());
        assertThat(entrypoint).startsWith("java").contains("-Dfile.encoding=UTF-8");
        String jar = entrypoint.get(entrypoint.indexOf("-jar") + 1);
        assertThat(runtime.all("COPY")).anySatisfy(copy -> assertThat(copy).endsWith(" " + jar));
    }

    @Test
    void exposesThePortMasscastListensOnAndKeepsSqliteOnTheVolume() {
        Dockerfile.Stage runtime = dockerfile.runtime();
        assertThat(runtime.all("EXPOSE")).containsExactly(String.valueOf(HttpSettings.DEFAULT_PORT));
        assertThat(env(runtime))
                .contains("MASSCAST_HTTP_PORT=" + HttpSettings.DEFAULT_PORT)
                .noneMatch(setting -> setting.startsWith("MASSCAST_DB_URL="));

        // the default database URL is a file relative to the working directory, which is the volume
        assertThat(DatabaseSettings.DEFAULT_URL).isEqualTo("jdbc:sqlite:masscast.db");
        assertThat(jsonArray(runtime.last("VOLUME").orElseThrow())).containsExactly("/data");
        assertThat(runtime.last("WORKDIR")).contains("/data");
    }

    @Test
    void checksHealthOnTheRouteTheServerServes() throws Exception {
        String healthcheck = dockerfile.runtime().last("HEALTHCHECK").orElseThrow();
        Matcher url = Pattern.compile("http://127\\.0\\.0\\.1:\\$\\{MASSCAST_HTTP_PORT}(/[a-z]+)")
                .matcher(healthcheck);
        assertThat(url.find()).as(healthcheck).isTrue();
        assertThat(RunningServer.statusOf(url.group(1))).isEqualTo(200);
    }

    @Test
    void setsOnlyMasscastVariablesAndNoSecret() {
        for (Dockerfile.Stage stage : dockerfile.stages()) {
            for (String setting : env(stage)) {
                String name = setting.substring(0, setting.indexOf('='));
                assertThat(ConfigLoader.variables()).as("ENV " + name).contains(name);
                assertThat(ConfigLoader.secretVariables()).as("ENV " + name).doesNotContain(name);
            }
            assertThat(stage.all("ARG"))
                    .as("build arguments end up in the image history")
                    .isEmpty();
        }
    }

    @Test
    void sendsOnlyTheSourcesToTheBuild() throws IOException {
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        // everything is excluded, then only what the build stage copies is let back in
        assertThat(ignore).containsExactly("*", "!pom.xml", "!src/", "!.mvn/");
        assertThat(dockerfile.stage("build").all("COPY")).containsExactly("pom.xml .", ".mvn ./.mvn", "src ./src");
    }

    /** {@code ENV A=1 B=2} as {@code ["A=1", "B=2"]}. */
    private static List<String> env(Dockerfile.Stage stage) {
        return stage.all("ENV").stream()
                .flatMap(line -> Arrays.stream(line.split("\\s+")))
                .toList();
    }

    private static List<String> jsonArray(String exec) {
        String body = exec.strip();
        assertThat(body).startsWith("[").endsWith("]");
        return Arrays.stream(body.substring(1, body.length() - 1).split(","))
                .map(String::strip)
                .map(item -> item.substring(1, item.length() - 1))
                .toList();
    }
}
