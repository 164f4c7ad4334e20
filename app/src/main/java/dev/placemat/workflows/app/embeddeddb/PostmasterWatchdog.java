package dev.placemat.workflows.app.embeddeddb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ties the embedded PostgreSQL's lifetime to the platform process. The postmaster is not the platform's child (the
 * library starts it through pg_ctl), so no parent-death signal reaches it; instead a small shell process reads its
 * standard input, a pipe only this JVM writes to. When the JVM is gone, however it ended (SIGKILL, the OOM killer),
 * the kernel closes the pipe, the read returns, and the watchdog stops the postmaster: a fast shutdown, then SIGKILL
 * if it is still there after 15 s. It checks first that the pid is still PostgreSQL in this data directory.
 */
final class PostmasterWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostmasterWatchdog.class);
    private static final String SCRIPT = """
            read -r _
            [ /proc/$1/cwd -ef "$2" ] || exit 0
            kill -INT "$1" || exit 0
            i=0
            while kill -0 "$1" 2>/dev/null; do
              if [ $i -ge 15 ]; then kill -KILL "$1"; exit 0; fi
              sleep 1
              i=$((i + 1))
            done
            """;

    private final Process process;

    private PostmasterWatchdog(Process process) {
        this.process = process;
    }

    /** Watches the postmaster of {@code pgData}; on systems without /proc and a POSIX shell, watches nothing. */
    static PostmasterWatchdog watch(Path pgData) throws IOException {
        ProcessHandle postmaster = LeftoverPostmaster.postmasterOf(pgData)
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL server runs in " + pgData));
        if (!Files.isExecutable(Path.of("/bin/sh")) || !Files.isDirectory(Path.of("/proc"))) {
            LOG.warn("No watchdog for the embedded PostgreSQL on this system: it may outlive a killed platform");
            return new PostmasterWatchdog(null);
        }
        Process process = new ProcessBuilder("/bin/sh", "-c", SCRIPT, "placemat-postgres-watchdog",
                String.valueOf(postmaster.pid()), pgData.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new PostmasterWatchdog(process);
    }

    /** The platform stops its database itself: the watchdog goes without doing anything. */
    @Override
    public void close() {
        if (process != null) {
            process.destroy();
        }
    }
}
