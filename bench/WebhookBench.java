import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

// The controllers' side of bench/announcement.sh: one webhook receiver per controller organisation, all in this process
// (one HTTP server, a path per organisation), and their subscriptions. Compiled with LoadGen.java (its JWT signing).
//
//   java WebhookBench --base http://127.0.0.1:18082 --key <test private key pem> --port 18099 --controllers 1000 \
//        --fail-every 100 --types 'eu.dpaledger.subprocessor.*'
//
// 1. Starts the receiver on 127.0.0.1:<port>: POST /hook/<org> is a delivery to organisation <org>'s endpoint. Every
//    delivery's Standard Webhooks signature is checked with the secret its subscription was given (HMAC-SHA256 over
//    "webhook-id.webhook-timestamp.body"); a bad one is answered 401 and counted. Every <fail-every>-th organisation's
//    endpoint (org index % fail-every == 0, i.e. 1% with 100) answers 503 to the first attempt of each webhook-id, as a
//    receiver that is down for a moment: the service must retry it (its first retry after dpa.webhooks.first-retry-after).
// 2. Subscribes each organisation 0200000000 .. 02<controllers-1> (the bulk load's controllers) with a controller
//    token of that organisation: POST /webhook-subscriptions {url, eventTypes}. 4 requests at a time.
// 3. With --kafka <bootstrap> --lag-out <file>: GET /lag/start starts sampling every consumer group's lag into the file
//    (KafkaLag's lines, every --lag-every-ms, 1000), GET /lag/stop stops it; in this JVM rather than one more beside it.
// 4. Prints "READY <subscriptions> <ms>" and serves until killed. GET /stats answers one line:
//    "delivered <unique webhook-ids answered 2xx> types <ChangeAnnounced ones> attempts <all POSTs> failed_on_purpose <n>
//     redelivered <2xx-answered ids seen again> bad_signatures <n> first_ms <epoch ms> last_ms <epoch ms of the last new one>
//     retried_delivered <ids first refused, then delivered> retried_last_ms <epoch ms>"
public class WebhookBench {

    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");

    final Map<String, byte[]> secrets = new ConcurrentHashMap<>();          // org -> signing key
    final Set<String> delivered = ConcurrentHashMap.newKeySet();           // webhook-ids answered 2xx
    final Set<String> refusedOnce = ConcurrentHashMap.newKeySet();         // webhook-ids answered 503 on purpose
    final Map<String, AtomicInteger> byType = new ConcurrentHashMap<>();
    final AtomicLong attempts = new AtomicLong();
    final AtomicLong failedOnPurpose = new AtomicLong();
    final AtomicLong redelivered = new AtomicLong();
    final AtomicLong badSignatures = new AtomicLong();
    final AtomicLong retriedDelivered = new AtomicLong();
    final AtomicLong firstMs = new AtomicLong();
    final AtomicLong lastMs = new AtomicLong();
    final AtomicLong retriedLastMs = new AtomicLong();
    int failEvery;

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        WebhookBench bench = new WebhookBench();
        bench.failEvery = Integer.parseInt(opt.getOrDefault("fail-every", "100"));
        int port = Integer.parseInt(opt.getOrDefault("port", "18099"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        server.createContext("/hook/", bench::hook);
        server.createContext("/stats", bench::stats);
        if (opt.containsKey("kafka")) {
            bench.lag(server, opt.get("kafka"), Path.of(opt.get("lag-out")), Long.parseLong(opt.getOrDefault("lag-every-ms", "1000")));
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        long started = System.currentTimeMillis();
        int subscribed = bench.subscribe(opt.get("base"), LoadGen.loadKey(Path.of(opt.get("key"))), port,
                Integer.parseInt(opt.getOrDefault("controllers", "1000")), opt.getOrDefault("types", "eu.dpaledger.subprocessor.*"));
        System.out.println("READY " + subscribed + " " + (System.currentTimeMillis() - started));
        System.out.flush();
        Thread.currentThread().join();
    }

    /** Lag sampling on demand: /lag/start, /lag/stop (compiled with KafkaLag and the broker's jars). */
    void lag(HttpServer server, String bootstrap, Path out, long every) {
        java.util.concurrent.atomic.AtomicBoolean sampling = new java.util.concurrent.atomic.AtomicBoolean();
        Thread sampler = new Thread(() -> {
            try (var admin = KafkaLag.admin(bootstrap); var lines = new java.io.PrintStream(Files.newOutputStream(out), false, StandardCharsets.UTF_8)) {
                while (true) {
                    long started = System.currentTimeMillis();
                    if (sampling.get()) {
                        KafkaLag.sample(admin, started, lines);
                    }
                    Thread.sleep(Math.max(1, every - (System.currentTimeMillis() - started)));
                }
            } catch (Exception e) {
                System.err.println("lag sampler: " + e);
            }
        }, "kafka-lag");
        sampler.setDaemon(true);
        sampler.start();
        server.createContext("/lag/", exchange -> {
            try (exchange) {
                sampling.set(exchange.getRequestURI().getPath().endsWith("/start"));
                exchange.sendResponseHeaders(204, -1);
            }
        });
    }

    static String org(int index) {
        return String.format(Locale.ROOT, "02%08d", index);
    }

    int subscribe(String base, PrivateKey key, int port, int controllers, String types) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> done = new ArrayList<>();
        for (int i = 0; i < controllers; i++) {
            String org = org(i);
            done.add(pool.submit(() -> {
                String token = LoadGen.jwt(key, "dpo-" + org, org, "controller", 7200);
                String body = "{\"url\":\"http://127.0.0.1:" + port + "/hook/" + org + "\",\"eventTypes\":[\"" + types + "\"]}";
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/webhook-subscriptions"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher secret = Pattern.compile("\"secret\"\\s*:\\s*\"whsec_([^\"]+)\"").matcher(answer.body());
                if (answer.statusCode() != 201 || !secret.find()) {
                    System.err.println("subscribe " + org + " -> " + answer.statusCode() + " " + answer.body());
                    return false;
                }
                secrets.put(org, Base64.getDecoder().decode(secret.group(1)));
                return true;
            }));
        }
        int ok = 0;
        for (Future<Boolean> f : done) {
            ok += f.get() ? 1 : 0;
        }
        pool.shutdown();
        if (ok != controllers) {
            throw new IllegalStateException(ok + " of " + controllers + " subscriptions made");
        }
        return ok;
    }

    void hook(HttpExchange exchange) throws IOException {
        try (exchange) {
            attempts.incrementAndGet();
            String org = exchange.getRequestURI().getPath().substring("/hook/".length());
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            byte[] secret = secrets.get(org);
            if (id == null || timestamp == null || signatures == null || secret == null || !signed(secret, id, timestamp, body, signatures)) {
                badSignatures.incrementAndGet();
                answer(exchange, 401);
                return;
            }
            int index = Integer.parseInt(org.substring(2));
            if (index % failEvery == 0 && refusedOnce.add(id)) {
                failedOnPurpose.incrementAndGet();
                answer(exchange, 503);
                return;
            }
            long now = System.currentTimeMillis();
            if (delivered.add(id)) {
                firstMs.compareAndSet(0, now);
                lastMs.accumulateAndGet(now, Math::max);
                Matcher type = TYPE.matcher(new String(body, StandardCharsets.UTF_8));
                byType.computeIfAbsent(type.find() ? type.group(1) : "?", t -> new AtomicInteger()).incrementAndGet();
                if (refusedOnce.contains(id)) {
                    retriedDelivered.incrementAndGet();
                    retriedLastMs.accumulateAndGet(now, Math::max);
                }
            } else {
                redelivered.incrementAndGet();
            }
            answer(exchange, 204);
        } catch (RuntimeException e) {
            System.err.println("receiver: " + e);
            answer(exchange, 500);
        }
    }

    /** Standard Webhooks: "v1,<base64 HMAC-SHA256 of id.timestamp.body>", several separated by spaces. */
    static boolean signed(byte[] secret, String id, String timestamp, byte[] body, String signatures) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    void stats(HttpExchange exchange) throws IOException {
        try (exchange) {
            StringBuilder types = new StringBuilder();
            byType.forEach((type, n) -> types.append(' ').append(type).append('=').append(n.get()));
            String line = String.format(Locale.ROOT, "delivered %d attempts %d failed_on_purpose %d redelivered %d bad_signatures %d "
                            + "first_ms %d last_ms %d retried_delivered %d retried_last_ms %d types%s%n", delivered.size(), attempts.get(),
                    failedOnPurpose.get(), redelivered.get(), badSignatures.get(), firstMs.get(), lastMs.get(), retriedDelivered.get(),
                    retriedLastMs.get(), types);
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void answer(HttpExchange exchange, int status) {
        try {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException ignored) {
            // the service gave up on the request (its timeout): it will retry
        }
    }
}
