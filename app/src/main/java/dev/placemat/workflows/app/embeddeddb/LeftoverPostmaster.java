package dev.placemat.workflows.app.embeddeddb;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A postmaster that outlived the platform process that started it (killed with SIGKILL or by the OOM killer) still
 * holds the data directory, and a new start would fail on it. Before starting, this finds it through
 * {@code postmaster.pid}, makes sure that process really is PostgreSQL serving this data directory, and stops it:
 * a fast shutdown (SIGINT), then SIGKILL for it and its backends if it is still there after a bound.
 */
final class LeftoverPostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostmaster.class);
    /** The library's lock file, held by the platform process that runs the data directory. */
    private static final String LOCK_FILE = "epg-lock";
    private static final String PID_FILE = "postmaster.pid";

    private LeftoverPostmaster() {}

    /** Stops a postmaster left in {@code pgData} by a platform process that is gone; refuses one still in use. */
    static void stopIn(Path pgData, Duration fastShutdownBound) throws IOException, InterruptedException {
        Optional<ProcessHandle> postmaster = postmasterOf(pgData);
        if (postmaster.isEmpty()) {
            removeIfItNamesAnotherProcess(pgData);
            return;
        }
        requireNoLivePlatform(pgData);
        ProcessHandle process = postmaster.get();
        LOG.warn("A PostgreSQL server (pid {}) was left running in {} by a platform process that is gone; stopping it",
                process.pid(), pgData);
        List<ProcessHandle> backends = process.children().toList();
        fastShutdown(process);
        try {
            process.onExit().get(fastShutdownBound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("It did not shut down within {}: killing it", fastShutdownBound);
            process.destroyForcibly();
            backends.forEach(ProcessHandle::destroyForcibly);
        }
        process.onExit().join();
        backends.forEach(backend -> backend.onExit().join());
    }

    /** SIGINT, which Java cannot send by itself. */
    private static void fastShutdown(ProcessHandle process) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    /** The live process named in {@code postmaster.pid}, if it is a postgres whose working directory is pgData. */
    static Optional<ProcessHandle> postmasterOf(Path pgData) throws IOException {
        return namedProcess(pgData).filter(p -> isPostgres(p).orElse(false))
                .filter(p -> servesDirectory(p, pgData).orElse(false));
    }

    /**
     * After the machine restarted, the pid in a {@code postmaster.pid} left by a crash may belong to another process,
     * and PostgreSQL refuses to start over a lock file whose pid is alive: a file naming a process that is known not
     * to be a postgres in this directory is removed. One that cannot be told apart is left to PostgreSQL.
     */
    private static void removeIfItNamesAnotherProcess(Path pgData) throws IOException {
        Optional<ProcessHandle> named = namedProcess(pgData);
        if (named.isPresent() && (!isPostgres(named.get()).orElse(true)
                || !servesDirectory(named.get(), pgData).orElse(true))) {
            LOG.warn("{} names pid {}, which is another process now: removing it", PID_FILE, named.get().pid());
            Files.delete(pgData.resolve(PID_FILE));
        }
    }

    private static Optional<ProcessHandle> namedProcess(Path pgData) throws IOException {
        Path pidFile = pgData.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
    }

    private static Optional<Boolean> isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/postgres"));
    }

    /** Whether the process works in pgData (the postmaster changes into its data directory); empty when unknown. */
    private static Optional<Boolean> servesDirectory(ProcessHandle process, Path pgData) {
        try {
            return Optional.of(Files.isSameFile(Path.of("/proc", String.valueOf(process.pid()), "cwd"), pgData));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static void requireNoLivePlatform(Path pgData) throws IOException {
        try (FileOutputStream out = new FileOutputStream(pgData.resolve(LOCK_FILE).toFile());
                FileLock lock = out.getChannel().tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("The data directory " + pgData.getParent()
                        + " is in use by another running platform process: stop it first, or give this one its own"
                        + " WORKFLOWS_DATA_DIR");
            }
        }
    }
}
