package dev.placemat.workflows.app.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;

/** The threads task actions run on. */
public final class StepWorkers implements DisposableBean {

    private final ThreadPoolExecutor pool;

    public StepWorkers(int threads) {
        pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new NamedThreads("step-worker"));
        pool.allowCoreThreadTimeOut(true);
    }

    public ExecutorService pool() {
        return pool;
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
