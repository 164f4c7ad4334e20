package dev.placemat.workflows.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here (no Docker engine), so its cluster is checked as a file: every service the
 * README promises, the replicas wired to PostgreSQL, Kafka and each other as the platform reads its configuration,
 * health checks on the platform's health endpoint, nginx balancing over every replica, Mailpit wired to email.
 */
class ClusterComposeTest {

    private static final Path ROOT = Path.of("..");
    private static final List<String> REPLICAS = List.of("placemat-1", "placemat-2", "placemat-3");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private final Map<String, Object> compose = load("docker-compose.yml");
    private final Map<String, Object> services = map(compose.get("services"));

    @Test
    void runsPostgresKafkaMailpitNginxAndThreeReplicas() {
        assertThat(services).containsKeys("postgres", "kafka", "mailpit", "nginx");
        assertThat(services).containsKeys(REPLICAS.toArray(String[]::new));
        assertThat(env("kafka").get("KAFKA_PROCESS_ROLES")).as("Kafka in KRaft mode").isEqualTo("broker,controller");
        assertThat(compose.get("volumes")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKeys("pgdata", "placemat-data");
    }

    @Test
    void everyReplicaReachesTheDatabaseAndKafkaAsConfigured() {
        Map<String, Object> postgres = env("postgres");
        String kafka = String.valueOf(env("kafka").get("KAFKA_ADVERTISED_LISTENERS")).replace("PLAINTEXT://", "");
        for (String replica : REPLICAS) {
            Map<String, Object> env = env(replica);
            assertThat(env.get("DATABASE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
            assertThat(env.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
            assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
            assertThat(env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(kafka);
            assertThat(String.valueOf(env.get("WORKFLOWS_SECRET_KEY"))).as("one key seals secrets on every node")
                    .isEqualTo(String.valueOf(env("placemat-1").get("WORKFLOWS_SECRET_KEY"))).startsWith("${");
            assertThat(map(map(services.get(replica)).get("depends_on"))).containsKeys("postgres", "kafka")
                    .extractingByKey("postgres").isEqualTo(Map.of("condition", "service_healthy"));
        }
        assertThat(REPLICAS.stream().map(r -> env(r).get("WORKFLOWS_CLUSTER_NODE_NAME")).distinct())
                .as("node names differ").hasSize(REPLICAS.size());
    }

    @Test
    void healthChecksAskThePlatformsHealthOnItsPortAndNginxBalancesOverEveryHealthyReplica() throws IOException {
        String nginx = Files.readString(ROOT.resolve("docker/nginx.conf"));
        Map<String, Object> balancer = map(services.get("nginx"));
        assertThat(String.valueOf(balancer.get("volumes"))).contains("./docker/nginx.conf:");
        assertThat(String.valueOf(balancer.get("ports"))).contains("8080:80");
        for (String replica : REPLICAS) {
            String port = String.valueOf(env(replica).get("PORT"));
            assertThat(String.valueOf(map(map(services.get(replica)).get("healthcheck")).get("test")))
                    .contains("http://localhost:" + port + "/actuator/health");
            assertThat(nginx).contains("server " + replica + ":" + port);
            assertThat(map(balancer.get("depends_on")).get(replica)).isEqualTo(Map.of("condition", "service_healthy"));
        }
        assertThat(nginx).contains("proxy_pass http://placemat;").doesNotContain("least_conn", "ip_hash");
        assertThat(String.valueOf(map(balancer.get("healthcheck")).get("test"))).contains("/actuator/health");
    }

    @Test
    void theEmailActionsSendToMailpit() {
        String wiring = String.valueOf(map(services.get("smtp-connection")).get("command"));
        assertThat(wiring).contains("http://nginx/api/connections", "\"type\":\"smtp\"", "\"host\":\"mailpit\"",
                "\"port\":1025", "\"name\":\"smtp\"");
        REPLICAS.forEach(r -> assertThat(String.valueOf(env(r).get("WORKFLOWS_OUTBOUND_ALLOW"))).contains("mailpit"));
        assertThat(String.valueOf(map(services.get("mailpit")).get("ports"))).contains("8025:8025");
    }

    /** Each variable the replicas set is one the README's configuration documents, as a name or as a property. */
    @Test
    void everyVariableOfTheReplicasIsOneThePlatformReadsAndTheReadmeDocuments() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String configuration = readme.substring(readme.indexOf("## Configuration"),
                readme.indexOf("\n## ", readme.indexOf("## Configuration") + 5));
        Set<String> documented = new TreeSet<>();
        Matcher code = Pattern.compile("`([A-Za-z][A-Za-z0-9_.\\-]*)`").matcher(configuration);
        while (code.find()) {
            String name = code.group(1);
            documented.add(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
            documented.add(name.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", ""));
        }
        Set<String> placeholders = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(Files.readString(Path.of("src/main/resources/application.yml")));
        while (m.find()) {
            placeholders.add(m.group(1));
        }
        assertThat(documented).as("variables application.yml reads, documented in the README")
                .containsAll(placeholders);
        for (String replica : REPLICAS) {
            assertThat(documented).as("variables of %s", replica).containsAll(env(replica).keySet());
        }
    }

    private Map<String, Object> env(String service) {
        return map(map(services.get(service)).get("environment"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> load(String file) {
        try {
            return new Yaml().load(Files.readString(ROOT.resolve(file)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
