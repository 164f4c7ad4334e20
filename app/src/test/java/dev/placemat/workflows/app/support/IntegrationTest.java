package dev.placemat.workflows.app.support;

import dev.placemat.workflows.app.embeddeddb.DatabaseCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real app on a random port, on an embedded PostgreSQL in a temporary data directory, with events on an embedded
 * Kafka broker (KRaft, started once per JVM). Every integration test extends this class unchanged, so that Spring's
 * test-context cache starts the app, its database and the broker once per JVM. Schedules may fire every second
 * here ({@code workflows.schedule.min-interval-seconds=1} also admits six-field cron with seconds).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "workflows.security.admin-token=" + IntegrationTest.ADMIN_TOKEN,
    "workflows.outbound.allow=127.0.0.1,localhost",
    "workflows.database.embedded.durable=false",
    "logging.level.dev.placemat=INFO",
    "workflows.schedule.min-interval-seconds=1",
    "workflows.execution-streams.heartbeat=1s",
    "workflows.execution-streams.max-open=5",
    "workflows.mail.domain=workflows.placemat.test",
    "workflows.outbound.max-retry-after-seconds=120",
    "logging.level.org.apache.kafka=WARN",
    "logging.level.kafka=WARN",
    "logging.level.org.apache.zookeeper=WARN"
})
public abstract class IntegrationTest {

    public static final String ADMIN_TOKEN = "it-admin-token-0123456789";
    private static final Path DATA_DIR = tempDir();
    protected static final EmbeddedKafkaKraftBroker KAFKA = startKafka();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected DataSource dataSource;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("workflows.data-dir", DATA_DIR::toString);
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBrokersAsString);
    }

    private static EmbeddedKafkaKraftBroker startKafka() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
        return broker;
    }

    protected Api api() {
        return new Api(port, ADMIN_TOKEN);
    }

    protected Api anonymous() {
        return new Api(port, null);
    }

    /** A transaction of the test's own that keeps rows locked until it commits or is closed. */
    protected HeldRows holdRows() throws SQLException {
        return new HeldRows(dataSource, jdbc);
    }

    /** An API token of a new user with the given role. */
    protected String tokenOfNewUser(String role) {
        String name = role + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        api().post("/api/users", java.util.Map.of("username", name, "password", "a-password-of-" + name, "role", role))
                .expect(201);
        return Api.session(port, name, "a-password-of-" + name).post("/api/tokens", java.util.Map.of("name", "test"))
                .expect(201).json().get("token").asText();
    }

    /** The embedded database's passwords, as an operator of this data directory reads them from its files. */
    protected static DatabaseCredentials databaseCredentials() {
        try {
            return DatabaseCredentials.in(DATA_DIR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("placemat-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
