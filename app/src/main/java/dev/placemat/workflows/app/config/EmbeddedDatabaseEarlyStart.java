package dev.placemat.workflows.app.config;

import dev.placemat.workflows.app.embeddeddb.EmbeddedDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded database as soon as the settings are read, on a thread of its own, while Spring builds the
 * context: PostgreSQL's processes then start beside the JVM's class loading instead of after it (issue 14: start to
 * healthy). {@link EmbeddedDatabaseConfig} takes the database started here when it was started for the same data
 * directory and settings, and starts one itself otherwise (an application that did not register this listener, such
 * as a test's). A start that fails before the context took the database stops it.
 */
public final class EmbeddedDatabaseEarlyStart implements ApplicationListener<SpringApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseEarlyStart.class);
    private static final AtomicReference<Started> STARTED = new AtomicReference<>();

    private record Started(Path dataDir, Map<String, String> settings, CompletableFuture<EmbeddedDatabase> database) {}

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            begin(prepared.getEnvironment());
        } else if (event instanceof ApplicationFailedEvent) {
            Started left = STARTED.getAndSet(null);
            if (left != null) {
                left.database().thenAccept(EmbeddedDatabaseEarlyStart::closeQuietly);
            }
        }
    }

    private static void begin(Environment environment) {
        if (!environment.getProperty("spring.datasource.url", "").isBlank()) {
            return;
        }
        WorkflowsProperties properties = Binder.get(environment).bindOrCreate("workflows", WorkflowsProperties.class);
        Path dataDir = properties.dataDir();
        Map<String, String> settings = EmbeddedDatabaseConfig.settings(properties);
        CompletableFuture<EmbeddedDatabase> database = new CompletableFuture<>();
        Thread start = new Thread(() -> {
            try {
                database.complete(EmbeddedDatabase.start(dataDir, settings));
            } catch (Exception e) {
                database.completeExceptionally(e);
            }
        }, "embedded-database-start");
        start.setDaemon(true);
        STARTED.set(new Started(dataDir, settings, database));
        start.start();
    }

    /** The database started early for this data directory and these settings, or one started now. */
    static EmbeddedDatabase take(Path dataDir, Map<String, String> settings)
            throws IOException, InterruptedException, SQLException {
        Started early = STARTED.getAndSet(null);
        if (early != null && early.dataDir().equals(dataDir) && early.settings().equals(settings)) {
            try {
                return early.database().get();
            } catch (ExecutionException e) {
                throw rethrown(e.getCause());
            }
        }
        if (early != null) {
            early.database().thenAccept(EmbeddedDatabaseEarlyStart::closeQuietly);
        }
        return EmbeddedDatabase.start(dataDir, settings);
    }

    private static IOException rethrown(Throwable cause) throws InterruptedException, SQLException {
        if (cause instanceof InterruptedException e) {
            throw e;
        }
        if (cause instanceof SQLException e) {
            throw e;
        }
        if (cause instanceof RuntimeException e) {
            throw e;
        }
        return cause instanceof IOException e ? e : new IOException(cause);
    }

    private static void closeQuietly(EmbeddedDatabase database) {
        try {
            database.close();
        } catch (IOException | RuntimeException e) {
            log.warn("the embedded database started early could not be stopped: {}", e.getMessage());
        }
    }
}
