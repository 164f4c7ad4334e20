package dev.placemat.workflows.app.process;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhook requests sent round robin across nodes by a few clients for a bounded time, as a load balancer would
 * spread them; it keeps the execution id of every 2xx and counts what was refused (a node killed meanwhile).
 */
final class RoundRobinLoad {

    private static final Pattern EXECUTION_ID = Pattern.compile("\"execution_ids\":\\[\"([0-9a-f-]{36})\"");

    private final List<Integer> ports;
    private final String path;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger next = new AtomicInteger();

    RoundRobinLoad(List<Integer> ports, String path) {
        this.ports = ports;
        this.path = path;
    }

    /** Runs {@code clients} clients for {@code duration}, calling {@code midway} (on this thread) after {@code at}. */
    void run(int clients, Duration duration, Duration at, Runnable midway) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            pool.execute(() -> {
                while (System.nanoTime() < end) {
                    send();
                }
            });
        }
        Thread.sleep(at.toMillis());
        midway.run();
        pool.shutdown();
        if (!pool.awaitTermination(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }

    private void send() {
        int port = ports.get(Math.floorMod(next.getAndIncrement(), ports.size()));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher m = EXECUTION_ID.matcher(response.body());
            if (response.statusCode() / 100 == 2) {
                accepted.add(m.find() ? m.group(1) : "a 2xx without an execution id: " + response.body());
            } else {
                refused.incrementAndGet();
            }
        } catch (java.io.IOException e) {
            refused.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The execution ids of every 2xx answer (or what such an answer said instead). */
    List<String> accepted() {
        return List.copyOf(accepted);
    }

    int refused() {
        return refused.get();
    }
}
