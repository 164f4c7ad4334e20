package dev.placemat.workflows.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The README's run command, {@code ./placemat}: its first run records a class archive of the platform (in the data
 * directory) and serves; the next run starts the JVM from that archive without recording it again. The jar is
 * given under a name of its own ({@code PLACEMAT_JAR}), as a downloaded release would be.
 */
class LauncherIT {

    @Test
    void recordsAClassArchiveOnceAndStartsFromIt() throws Exception {
        Path dataDir = Files.createTempDirectory("placemat-launcher-");
        Path archive = dataDir.resolve("cds").resolve("app.jsa");
        Path jar = Files.copy(Path.of("target", "placemat-workflows.jar"), dataDir.resolve("placemat-1.0.jar"));
        PlatformProcess first = new PlatformProcess(dataDir).viaLauncher().with("PLACEMAT_JAR", jar.toString());
        PlatformProcess second = new PlatformProcess(dataDir).viaLauncher().with("PLACEMAT_JAR", jar.toString());
        try {
            first.start();
            assertThat(archive).isRegularFile();
            first.api().get("/api/workflows").expect(200);
            first.stop();
            long recorded = Files.getLastModifiedTime(archive).toMillis();

            second.start();
            assertThat(second.commandLine()).contains("-XX:SharedArchiveFile=" + archive);
            second.api().get("/api/workflows").expect(200);
            assertThat(Files.getLastModifiedTime(archive).toMillis()).as("the archive is not recorded again")
                    .isEqualTo(recorded);
            second.stop();
        } catch (AssertionError | RuntimeException e) {
            throw first.failure(e); // both runs append to the same log
        } finally {
            first.kill(); // a run that failed is still up
            second.kill();
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }
}
