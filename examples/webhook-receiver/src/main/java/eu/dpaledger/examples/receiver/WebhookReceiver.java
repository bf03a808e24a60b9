package eu.dpaledger.examples.receiver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Receives dpa-ledger webhooks: a small HTTP server that verifies each delivery's Standard Webhooks signature and
 * hands every verified delivery to a sink once.
 *
 * <p>What it checks, in this order: the method is POST (else 405); the {@code webhook-id},
 * {@code webhook-timestamp} and {@code webhook-signature} headers are there (else 400); the body is at most
 * {@link #MAX_BODY_BYTES} (else 400); one of the secrets signed {@code <webhook-id>.<webhook-timestamp>.<body>} and
 * the timestamp is within {@link #TIMESTAMP_TOLERANCE} of this machine's clock (else 401: an older timestamp is a
 * replayed copy); the body is a CloudEvent in JSON (else 400). A verified delivery is answered 204.
 *
 * <p>A {@code webhook-id} handed on before is answered 204 without reaching the sink again: the sender retries
 * every delivery it did not see answered, with the same id, so one delivery can arrive twice.
 *
 * <p>Several secrets are accepted side by side because a secret change overlaps: after a rotation each delivery
 * carries two signatures, one per secret, and this receiver may know either.
 *
 * <p>The sink is called by one thread at a time. If it throws, the delivery is answered 500 and not remembered,
 * so the sender's retry brings it again.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** Larger bodies are refused: no dpa-ledger event comes near it, and the cap bounds what a stranger can send. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    /** How far {@code webhook-timestamp} may be from this clock, either way: Standard Webhooks' five minutes, fixed in its library. */
    public static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);

    // A signed copy stays valid while its timestamp is within the tolerance, up to twice the tolerance after it
    // first arrives (a timestamp can be ahead of this clock): remember its id that long.
    private static final Duration ID_RETENTION = TIMESTAMP_TOLERANCE.multipliedBy(2);
    private static final int ID_CAPACITY = 100_000;
    private static final int WORKER_THREADS = 4;

    private final HttpServer server;
    private final ExecutorService workers;
    private final List<Webhook> verifiers;
    private final Consumer<Delivery> sink;
    private final Consumer<Rejection> rejections;
    private final RecentWebhookIds handedOn = new RecentWebhookIds(ID_RETENTION, ID_CAPACITY, Clock.systemUTC());
    private final Object handOff = new Object();
    private final ObjectMapper json = new ObjectMapper();

    /**
     * Binds the server (port 0 takes any free port); {@link #start()} begins answering.
     *
     * @param address    where to listen, e.g. {@code new InetSocketAddress("127.0.0.1", 9999)}
     * @param path       the path deliveries are posted to, e.g. {@code "/"}
     * @param secrets    the subscription's signing secrets ({@code whsec_...}); a delivery signed by any one is accepted
     * @param sink       gets each verified delivery once
     * @param rejections gets each refused request, for a log
     */
    public WebhookReceiver(
            InetSocketAddress address,
            String path,
            List<String> secrets,
            Consumer<Delivery> sink,
            Consumer<Rejection> rejections)
            throws IOException {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one webhook secret is needed");
        }
        this.verifiers = secrets.stream().map(Webhook::new).toList();
        this.sink = sink;
        this.rejections = rejections;
        this.server = HttpServer.create(address, 0);
        this.workers = Executors.newFixedThreadPool(WORKER_THREADS);
        server.setExecutor(workers);
        server.createContext(path, this::answer);
    }

    /** Begins answering requests. */
    public WebhookReceiver start() {
        server.start();
        return this;
    }

    /** The port listened on: the one chosen when the receiver was created with port 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening at once; a delivery cut off is not answered 2xx, so the sender retries it. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdown();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            int status = receive(exchange);
            exchange.sendResponseHeaders(status, -1);
        } catch (Refused refused) {
            String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
            rejections.accept(new Rejection(refused.status, refused.getMessage(), webhookId));
            byte[] text = (refused.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("content-type", "text/plain; charset=utf-8");
            if (refused.status == 405) {
                exchange.getResponseHeaders().set("allow", "POST");
            }
            exchange.sendResponseHeaders(refused.status, text.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(text);
            }
        } finally {
            exchange.close();
        }
    }

    /** Checks one request and hands it on; answers the status for success, throws {@link Refused} otherwise. */
    private int receive(HttpExchange exchange) throws IOException, Refused {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw new Refused(405, "only POST is accepted");
        }
        Headers headers = exchange.getRequestHeaders();
        String webhookId = requiredHeader(headers, "webhook-id");
        String timestamp = requiredHeader(headers, "webhook-timestamp");
        requiredHeader(headers, "webhook-signature");
        if (!timestamp.matches("\\d{1,19}")) {
            throw new Refused(400, "webhook-timestamp is not a number of seconds");
        }
        String body = readBody(exchange.getRequestBody());
        verify(body, headers);
        Delivery delivery = Delivery.of(webhookId, cloudEvent(body), body, headers.getFirst("x-correlation-id"));
        synchronized (handOff) {
            if (handedOn.contains(webhookId)) {
                return 204;
            }
            try {
                sink.accept(delivery);
            } catch (RuntimeException e) {
                throw new Refused(500, "the delivery could not be handled: " + e);
            }
            handedOn.remember(webhookId);
        }
        return 204;
    }

    private static String requiredHeader(Headers headers, String name) throws Refused {
        String value = headers.getFirst(name); // Headers are looked up regardless of case.
        if (value == null || value.isBlank()) {
            throw new Refused(400, "missing header " + name);
        }
        return value;
    }

    private static String readBody(InputStream in) throws IOException, Refused {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new Refused(400, "body larger than " + MAX_BODY_BYTES + " bytes");
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private void verify(String body, Headers headers) throws Refused {
        // The library finds the headers regardless of case, as HTTP wants; Headers' own keys are "Webhook-id".
        String failure = null;
        for (Webhook verifier : verifiers) {
            try {
                verifier.verify(body, headers);
                return;
            } catch (WebhookVerificationException e) {
                failure = e.getMessage();
            }
        }
        throw new Refused(401, "not verified: " + failure);
    }

    private JsonNode cloudEvent(String body) throws Refused {
        try {
            JsonNode event = json.readTree(body);
            if (event == null || !event.isObject() || !event.path("type").isTextual()) {
                throw new Refused(400, "body is not a CloudEvent in JSON");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new Refused(400, "body is not JSON: " + e.getOriginalMessage());
        }
    }

    /** Ends a request with an error status; the message is what the sender and the log are told. */
    private static final class Refused extends Exception {
        final int status;

        Refused(int status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }
    }
}
