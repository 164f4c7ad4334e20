package dev.placemat.workflows.app.webhook;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Starts the executions a webhook stored on the request's own thread, once its answer is written: the 202 does not
 * wait for their first steps, and no other thread has to be woken to start them. {@link WebhookIngress} launches
 * async executions through the request's {@link Starts}. Whatever the answer, every one stored is started. (A
 * webhook's {@code http.server.requests} timer includes this.)
 */
class StartsAfterAnswer extends OncePerRequestFilter {

    private static final String STARTS = StartsAfterAnswer.class.getName() + ".starts";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Starts starts = new Starts();
        request.setAttribute(STARTS, starts);
        try {
            chain.doFilter(request, response);
        } finally {
            starts.run();
        }
    }

    /** The starts of the request's executions (read before anything is stored: without them nothing would start). */
    static Starts of(HttpServletRequest request) {
        return Objects.requireNonNull((Starts) request.getAttribute(STARTS), "no StartsAfterAnswer on this request");
    }

    /** Runs held until {@link #run()}; each is held once and run once. */
    static final class Starts implements Executor {

        private static final Logger log = LoggerFactory.getLogger(Starts.class);

        private final Queue<Runnable> held = new ArrayDeque<>();

        @Override
        public void execute(Runnable start) {
            held.add(start);
        }

        /** Runs every start held so far, on this thread; one that fails does not keep the others from starting. */
        void run() {
            for (Runnable start = held.poll(); start != null; start = held.poll()) {
                try {
                    start.run();
                } catch (RuntimeException e) {
                    log.error("an execution could not be started", e);
                }
            }
        }
    }
}
