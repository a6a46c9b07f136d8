package io.masscast.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.config.ConfigLoader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Both Kubernetes variants against the code: every variable they set is one masscast reads, every secret
 * arrives as a file from a mounted Secret or through {@code secretKeyRef} (never as a literal), the probes ask
 * routes the server serves on the port masscast listens on, and each variant has the shape its README
 * promises (one SQLite replica with {@code Recreate}; several PostgreSQL replicas with a disruption budget).
 */
class KubernetesManifestsTest {
    private static final Path ROOT = Path.of("manifests/kubernetes");

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void theKustomizationListsExactlyTheFilesOfItsVariant(String variant) throws IOException {
        Variant v = Variant.read(ROOT.resolve(variant));
        Set<String> files = new HashSet<>();
        try (Stream<Path> listing = Files.list(ROOT.resolve(variant))) {
            listing.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .forEach(files::add);
        }
        files.remove("kustomization.yaml");
        assertThat(strings(v.kustomization().get("resources"))).containsExactlyInAnyOrderElementsOf(files);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void everyVariableIsOneMasscastReadsAndNoSecretIsALiteral(String variant) throws IOException {
        Variant v = Variant.read(ROOT.resolve(variant));
        Map<String, Object> configData = map(v.one("ConfigMap").get("data"));
        for (String name : configData.keySet()) {
            assertThat(ConfigLoader.variables()).as("ConfigMap key " + name).contains(name);
            assertThat(ConfigLoader.secretVariables())
                    .as("secret in a ConfigMap: " + name)
                    .doesNotContain(name);
        }
        Set<String> secretKeys = map(v.one("Secret").get("stringData")).keySet();
        Map<String, Object> container = v.container();
        Set<String> secretMounts = secretMountPaths(v);
        for (Object item : list(container.get("env"))) {
            Map<String, Object> env = map(item);
            String name = (String) env.get("name");
            assertThat(ConfigLoader.variables()).as("env " + name).contains(name);
            if (name.endsWith("_FILE")) {
                String file = (String) env.get("value");
                String dir = file.substring(0, file.lastIndexOf('/'));
                assertThat(secretMounts)
                        .as(name + " reads from a mounted Secret")
                        .contains(dir);
                assertThat(secretKeys)
                        .as(name + " names a key of the Secret")
                        .contains(file.substring(dir.length() + 1));
            } else if (ConfigLoader.secretVariables().contains(name)) {
                assertThat(env).as(name + " is a secret").doesNotContainKey("value");
                Map<String, Object> ref = map(map(env.get("valueFrom")).get("secretKeyRef"));
                assertThat(ref.get("name"))
                        .isEqualTo(map(v.one("Secret").get("metadata")).get("name"));
                assertThat(secretKeys).contains((String) ref.get("key"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void probesAskRoutesTheServerServesOnItsPort(String variant) throws Exception {
        Variant v = Variant.read(ROOT.resolve(variant));
        Map<String, Object> container = v.container();
        Map<String, Object> port = map(list(container.get("ports")).get(0));
        String configuredPort = (String) map(v.one("ConfigMap").get("data")).get("MASSCAST_HTTP_PORT");
        assertThat(port.get("containerPort")).isEqualTo(Integer.parseInt(configuredPort));
        for (String probe : List.of("livenessProbe", "readinessProbe")) {
            Map<String, Object> get = map(map(container.get(probe)).get("httpGet"));
            assertThat(get.get("port")).isEqualTo(port.get("name"));
            assertThat(RunningServer.statusOf((String) get.get("path")))
                    .as(probe)
                    .isEqualTo(200);
        }
        assertThat(map(map(container.get("livenessProbe")).get("httpGet")).get("path"))
                .isEqualTo("/healthz");
        assertThat(map(map(container.get("readinessProbe")).get("httpGet")).get("path"))
                .isEqualTo("/readyz");
        Map<String, Object> service = map(v.one("Service").get("spec"));
        assertThat(map(list(service.get("ports")).get(0)).get("targetPort")).isEqualTo(port.get("name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void runsAsTheImagesUnprivilegedUser(String variant) throws IOException {
        Variant v = Variant.read(ROOT.resolve(variant));
        Map<String, Object> pod =
                map(map(map(v.one("Deployment").get("spec")).get("template")).get("spec"));
        String imageUser = Dockerfile.read(Path.of("Dockerfile"))
                .runtime()
                .last("USER")
                .orElseThrow()
                .split(":")[0];
        assertThat(map(pod.get("securityContext")))
                .containsEntry("runAsNonRoot", true)
                .containsEntry("runAsUser", Integer.parseInt(imageUser));
        assertThat(v.container().get("resources")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgres"})
    void graceOutlastsMasscastsOwnShutdown(String variant) throws IOException {
        Map<String, Object> pod = map(
                map(map(Variant.read(ROOT.resolve(variant)).one("Deployment").get("spec"))
                                .get("template"))
                        .get("spec"));
        // masscast stops within 30 s of SIGTERM; Kubernetes must not kill it before that
        assertThat((Integer) pod.get("terminationGracePeriodSeconds")).isGreaterThan(30);
    }

    @org.junit.jupiter.api.Test
    void sqliteRunsExactlyOneReplicaThatIsReplacedNotOverlapped() throws IOException {
        Variant v = Variant.read(ROOT.resolve("sqlite"));
        Map<String, Object> spec = map(v.one("Deployment").get("spec"));
        assertThat(spec.get("replicas")).isEqualTo(1);
        assertThat(map(spec.get("strategy")).get("type")).isEqualTo("Recreate");
        String claim =
                (String) map(v.one("PersistentVolumeClaim").get("metadata")).get("name");
        List<Object> volumes = list(map(map(spec.get("template")).get("spec")).get("volumes"));
        String volume = volumes.stream()
                .map(KubernetesManifestsTest::map)
                .filter(vol -> vol.containsKey("persistentVolumeClaim")
                        && claim.equals(map(vol.get("persistentVolumeClaim")).get("claimName")))
                .map(vol -> (String) vol.get("name"))
                .findFirst()
                .orElseThrow();
        assertThat(list(v.container().get("volumeMounts")))
                .map(KubernetesManifestsTest::map)
                .anySatisfy(
                        mount -> assertThat(mount).containsEntry("name", volume).containsEntry("mountPath", "/data"));
        assertThat(map(v.one("ConfigMap").get("data"))).doesNotContainKey("MASSCAST_DB_URL");
    }

    @org.junit.jupiter.api.Test
    void postgresRunsSeveralReplicasOnPostgresqlWithADisruptionBudget() throws IOException {
        Variant v = Variant.read(ROOT.resolve("postgres"));
        Map<String, Object> spec = map(v.one("Deployment").get("spec"));
        assertThat((Integer) spec.get("replicas")).isGreaterThanOrEqualTo(2);
        assertThat((String) map(v.one("ConfigMap").get("data")).get("MASSCAST_DB_URL"))
                .startsWith("jdbc:postgresql://");
        Map<String, Object> pdb = map(v.one("PodDisruptionBudget").get("spec"));
        Map<String, Object> podLabels =
                map(map(map(spec.get("template")).get("metadata")).get("labels"));
        assertThat(podLabels).containsAllEntriesOf(map(map(pdb.get("selector")).get("matchLabels")));
        assertThat((Integer) pdb.get("minAvailable")).isLessThan((Integer) spec.get("replicas"));
        assertThat(v.documents()).noneMatch(doc -> "PersistentVolumeClaim".equals(doc.get("kind")));
    }

    private static Set<String> secretMountPaths(Variant v) {
        Map<String, Object> pod =
                map(map(map(v.one("Deployment").get("spec")).get("template")).get("spec"));
        Set<String> secretVolumes = new HashSet<>();
        list(pod.get("volumes")).stream()
                .map(KubernetesManifestsTest::map)
                .filter(vol -> vol.containsKey("secret"))
                .forEach(vol -> secretVolumes.add((String) vol.get("name")));
        Set<String> paths = new HashSet<>();
        list(v.container().get("volumeMounts")).stream()
                .map(KubernetesManifestsTest::map)
                .filter(mount -> secretVolumes.contains((String) mount.get("name")))
                .forEach(mount -> paths.add((String) mount.get("mountPath")));
        return paths;
    }

    /** The YAML documents of one variant's directory, and its kustomization. */
    private record Variant(List<Map<String, Object>> documents, Map<String, Object> kustomization) {

        static Variant read(Path dir) throws IOException {
            List<Map<String, Object>> documents = new ArrayList<>();
            Map<String, Object> kustomization = null;
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".yaml"))
                        .sorted()
                        .toList()) {
                    try (Reader reader = Files.newBufferedReader(file)) {
                        for (Object doc : new Yaml().loadAll(reader)) {
                            Map<String, Object> document = map(doc);
                            if ("Kustomization".equals(document.get("kind"))) {
                                kustomization = document;
                            } else {
                                documents.add(document);
                            }
                        }
                    }
                }
            }
            assertThat(kustomization).as("kustomization.yaml in " + dir).isNotNull();
            return new Variant(documents, kustomization);
        }

        Map<String, Object> one(String kind) {
            List<Map<String, Object>> found =
                    documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
            assertThat(found).as(kind).hasSize(1);
            return found.get(0);
        }

        Map<String, Object> container() {
            Map<String, Object> pod =
                    map(map(map(one("Deployment").get("spec")).get("template")).get("spec"));
            List<Object> containers = list(pod.get("containers"));
            assertThat(containers).hasSize(1);
            return map(containers.get(0));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String.class::cast).toList();
    }
}
