// dpa-ledger benchmark load generator: a JDK 17 single-file program, run as `java bench/LoadGen.java ...`
// from the repository root. No dependencies: RS256 JWTs are signed with java.security, HTTP/1.1 goes over
// plain keep-alive sockets (default) or java.net.http.HttpClient (--client jdk).
//
// One "agreement command unit" = three commands on one agreement, each its own HTTP request:
//   1. POST /agreements                    controller token                 -> 201, ETag "1", Location
//   2. POST /agreements/{id}/signatures    controller token, If-Match "1"   -> 200, ETag "2"
//   3. POST /agreements/{id}/signatures    processor token,  If-Match "2"   -> 200, ETag "4", ACTIVE
// (4 events: DraftCreated; AgreementSigned; AgreementSigned + AgreementActivated.)
//
// Modes:
//   token   prints a controller, a processor and an admin token (--admin-org: the admin's organisation)
//   smoke   one unit plus two negative checks (no token, forged token -> 401); exit 1 if anything is off.
//   closed  closed loop, to find the peak: for each worker count in --workers, that many threads run units
//           back to back for --warmup + --duration s; commands/s = answers in the measured window / --duration.
//   open    open model, wrk2-style: unit i is SCHEDULED at t0 + i * 3 / rate (rate in commands/s), whatever
//           the responses. --connections worker threads (each with its own keep-alive connection) take
//           scheduled units in order. The create's latency counts from the unit's scheduled time, so time
//           spent waiting for a free connection or behind a slow response is included (no coordinated
//           omission); each signature is sent the moment the previous answer arrives and counts from then.
//
// Options (--name value): --base (http://127.0.0.1:18081), --mode, --tag (X-Correlation-Id prefix),
//   --key (test-private-key.pem), --body (the create body: deploy/demo/opwijk-esn-agreement.json),
//   --client socket|jdk, --request-timeout s (30), --token-ttl s (7200), --pids name=pid,... (processes to
//   account CPU to); closed: --workers 4,8,16,32, --warmup s (5), --first-warmup s, --duration s (15);
//   open: --rate commands/s, --connections (128), --warmup s (10), --duration s (60).
//
// Every request carries X-Correlation-Id "<tag>-<n>-{c,s1,s2}", stored in the events' metadata, so SQL can
// pick out one run's events (run.sh does this for the read-model lag).
// Output: human-readable tables plus "RESULT <name> <value>" lines for run.sh.

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

public class LoadGen {

    static final String ISSUER = "https://issuer.test.dpa-ledger";
    static final String AUDIENCE = "dpa-services";
    static final String CONTROLLER_ORG = "0207511803";
    static final String PROCESSOR_ORG = "0428304785";
    static final String[] STEP = {"create", "sign-controller", "sign-processor"};
    static final byte[] CONTROLLER_SIGNATURE = "{\"signerName\":\"Jan Voorbeeld\",\"signerTitle\":\"algemeen directeur\",\"place\":\"Opwijk\"}"
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] PROCESSOR_SIGNATURE = "{\"signerName\":\"Piet Proef\",\"signerTitle\":\"algemeen directeur ESN\",\"place\":\"Brussel\"}"
            .getBytes(StandardCharsets.UTF_8);

    final Map<String, String> opt;
    final URI base;
    final Transport transport;
    final String controllerToken;
    final String processorToken;
    final PrivateKey key;
    final byte[] createBody;
    final int timeoutMillis;

    final Samples samples = new Samples();
    final AtomicLong errors = new AtomicLong();
    final AtomicInteger errorsShown = new AtomicInteger();
    final CpuMeter cpu;

    LoadGen(Map<String, String> opt) throws Exception {
        this.opt = opt;
        this.base = URI.create(opt.getOrDefault("base", "http://127.0.0.1:18081"));
        this.timeoutMillis = (int) (Double.parseDouble(opt.getOrDefault("request-timeout", "30")) * 1000);
        this.key = loadKey(Path.of(opt.getOrDefault("key", "testing/src/main/resources/dpa-test/test-private-key.pem")));
        long ttl = Long.parseLong(opt.getOrDefault("token-ttl", "7200"));
        this.controllerToken = jwt(key, "dpo-" + CONTROLLER_ORG, CONTROLLER_ORG, "controller", ttl);
        this.processorToken = jwt(key, "staff-" + PROCESSOR_ORG, PROCESSOR_ORG, "processor", ttl);
        this.createBody = Files.readAllBytes(Path.of(opt.getOrDefault("body", "deploy/demo/opwijk-esn-agreement.json")));
        this.transport = "jdk".equals(opt.getOrDefault("client", "socket")) ? new JdkTransport(base, timeoutMillis)
                : new SocketTransport(base, timeoutMillis);
        this.cpu = new CpuMeter(opt.get("pids"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = parse(args);
        LoadGen gen = new LoadGen(opt);
        int rc = switch (opt.getOrDefault("mode", "smoke")) {
            case "smoke" -> gen.smoke();
            case "closed" -> gen.closed();
            case "open" -> gen.open();
            case "token" -> {
                System.out.println("controller " + gen.controllerToken);
                System.out.println("processor " + gen.processorToken);
                String adminOrg = opt.getOrDefault("admin-org", CONTROLLER_ORG);
                System.out.println("admin " + jwt(gen.key, "admin-" + adminOrg, adminOrg, "admin", 7200));
                yield 0;
            }
            default -> throw new IllegalArgumentException("unknown --mode " + opt.get("mode"));
        };
        System.out.flush();
        System.exit(rc);
    }

    // ------------------------------------------------------------------------------------------ modes

    int smoke() throws Exception {
        String tag = opt.getOrDefault("tag", "bench-smoke");
        Response anonymous = transport.exchange("/agreements", null, null, null, createBody);
        System.out.printf("create without token      -> %d (want 401)%n", anonymous.status);
        // Same claims, signed by a key the service does not know.
        String forged = jwt(java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate(),
                "dpo-" + CONTROLLER_ORG, CONTROLLER_ORG, "controller", 600);
        Response forgedAnswer = transport.exchange("/agreements", forged, null, null, createBody);
        System.out.printf("create with forged token  -> %d (want 401)%n", forgedAnswer.status);
        Response r1 = transport.exchange("/agreements", controllerToken, null, tag + "-0-c", createBody);
        System.out.printf("create                    -> %d ETag %s Location %s%n", r1.status, r1.etag, r1.location);
        if (anonymous.status != 401 || forgedAnswer.status != 401 || r1.status != 201) {
            System.out.println(r1.text());
            return 1;
        }
        String id = r1.location.substring(r1.location.lastIndexOf('/') + 1);
        Response r2 = transport.exchange("/agreements/" + id + "/signatures", controllerToken, r1.etag, tag + "-0-s1", CONTROLLER_SIGNATURE);
        System.out.printf("sign (controller)         -> %d ETag %s%n", r2.status, r2.etag);
        if (r2.status != 200) {
            System.out.println(r2.text());
            return 1;
        }
        Response r3 = transport.exchange("/agreements/" + id + "/signatures", processorToken, r2.etag, tag + "-0-s2", PROCESSOR_SIGNATURE);
        boolean active = r3.text().contains("\"status\":\"ACTIVE\"");
        System.out.printf("sign (processor)          -> %d ETag %s status %s%n", r3.status, r3.etag, active ? "ACTIVE" : "NOT ACTIVE");
        if (r3.status != 200 || !active) {
            System.out.println(r3.text());
            return 1;
        }
        System.out.println("RESULT smoke_agreement_id " + id);
        return 0;
    }

    int closed() throws Exception {
        String tag = opt.getOrDefault("tag", "bench-closed");
        double warmup = Double.parseDouble(opt.getOrDefault("warmup", "5"));
        double duration = Double.parseDouble(opt.getOrDefault("duration", "15"));
        int[] workers = Arrays.stream(opt.getOrDefault("workers", "4,8,16,32").split(",")).mapToInt(Integer::parseInt).toArray();
        System.out.printf("closed loop, %s workers, %.0f s warm-up + %.0f s measured each, %s client, against %s%n",
                Arrays.toString(workers), warmup, duration, transport.name(), base);
        System.out.printf("%8s %11s %9s %8s %8s %8s %8s %7s%n", "workers", "commands/s", "units/s", "p50 ms", "p90 ms",
                "p99 ms", "max ms", "errors");
        double best = 0;
        int bestWorkers = 0;
        double firstWarmup = Double.parseDouble(opt.getOrDefault("first-warmup", String.valueOf(warmup)));
        for (int n : workers) {
            samples.clear();
            errors.set(0);
            long start = System.nanoTime();
            long from = start + (long) ((n == workers[0] ? firstWarmup : warmup) * 1e9);
            long to = from + (long) (duration * 1e9);
            AtomicLong seq = new AtomicLong();
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < n; w++) {
                Thread t = new Thread(() -> {
                    while (System.nanoTime() < to) {
                        long i = seq.getAndIncrement();
                        runUnit(tag + "-w" + n + "-" + i, System.nanoTime(), from, to);
                    }
                }, "closed-" + w);
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
            LockSupport.parkNanos(Math.max(0, from - System.nanoTime()));
            cpu.start();
            LockSupport.parkNanos(Math.max(0, to - System.nanoTime()));
            String cpuLine = cpu.stop("closed_w" + n);
            for (Thread t : threads) {
                t.join();
            }
            long[] all = samples.latencies(-1);
            double cps = all.length / duration;
            System.out.printf("%8d %11.1f %9.1f %8.2f %8.2f %8.2f %8.2f %7d%n", n, cps, cps / 3, ms(pct(all, 50)),
                    ms(pct(all, 90)), ms(pct(all, 99)), ms(max(all)), errors.get());
            System.out.println(cpuLine);
            System.out.printf("RESULT closed_w%d_commands_per_s %.1f%n", n, cps);
            System.out.printf("RESULT closed_w%d_p50_ms %.2f%n", n, ms(pct(all, 50)));
            System.out.printf("RESULT closed_w%d_p99_ms %.2f%n", n, ms(pct(all, 99)));
            System.out.printf("RESULT closed_w%d_errors %d%n", n, errors.get());
            if (cps > best && errors.get() == 0) {
                best = cps;
                bestWorkers = n;
            }
        }
        System.out.printf("RESULT peak_commands_per_s %.1f%n", best);
        System.out.printf("RESULT peak_workers %d%n", bestWorkers);
        return best > 0 ? 0 : 1;
    }

    int open() throws Exception {
        String tag = opt.getOrDefault("tag", "bench-open");
        double rate = Double.parseDouble(required("rate"));
        double warmup = Double.parseDouble(opt.getOrDefault("warmup", "10"));
        double duration = Double.parseDouble(opt.getOrDefault("duration", "60"));
        int connections = Integer.parseInt(opt.getOrDefault("connections", "128"));
        long interval = (long) (3e9 / rate);
        System.out.printf("open model: %.1f commands/s = one unit every %.3f ms, %d connections, %s client, %.0f s warm-up "
                        + "(tag warmup-%s) + %.0f s measured (tag %s), against %s%n", rate, interval / 1e6, connections,
                transport.name(), warmup, tag, duration, tag, base);
        samples.clear();
        errors.set(0);
        // A scheduled unit: its index and scheduled time; index < 0 ends a worker.
        BlockingQueue<long[]> queue = new LinkedBlockingQueue<>();
        long t0 = System.nanoTime() + 100_000_000L;
        long measureFrom = t0 + (long) (warmup * 1e9);
        long end = measureFrom + (long) (duration * 1e9);
        long firstMeasured = (measureFrom - t0 + interval - 1) / interval;
        AtomicLong measuredOk = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < connections; w++) {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        long[] unit = queue.take();
                        if (unit[0] < 0) {
                            return;
                        }
                        boolean measured = unit[0] >= firstMeasured;
                        String id = (measured ? tag : "warmup-" + tag) + "-" + unit[0];
                        // Measured units record every sample; warm-up units none.
                        if (runUnit(id, unit[1], measured ? Long.MIN_VALUE : Long.MAX_VALUE, Long.MAX_VALUE) && measured) {
                            measuredOk.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "open-" + w);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        long scheduledMeasured = 0;
        long maxBacklog = 0;
        long wallStartMicros = 0;
        for (long i = 0; ; i++) {
            long scheduled = t0 + i * interval;
            if (scheduled >= end) {
                break;
            }
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, 500_000L));
            }
            if (i == firstMeasured) {
                wallStartMicros = System.currentTimeMillis() * 1000;
                cpu.start();
            }
            if (i >= firstMeasured) {
                scheduledMeasured++;
            }
            queue.add(new long[] {i, scheduled});
            maxBacklog = Math.max(maxBacklog, queue.size());
        }
        long lastScheduled = System.nanoTime();
        String cpuLine = cpu.stop("open");
        for (int w = 0; w < connections; w++) {
            queue.add(new long[] {-1, 0});
        }
        long joinDeadline = System.currentTimeMillis() + 3L * timeoutMillis + 10_000;
        for (Thread t : workers) {
            t.join(Math.max(1, joinDeadline - System.currentTimeMillis()));
        }
        long drained = System.nanoTime();
        long[] all = samples.latencies(-1);
        long[] units = samples.unitLatencies();
        double achieved = all.length / ((drained - measureFrom) / 1e9);
        System.out.printf("measured: %d units scheduled, %d completed OK, %d command answers, %d errors, max backlog %d units%n",
                scheduledMeasured, measuredOk.get(), all.length, errors.get(), maxBacklog);
        System.out.printf("achieved %.1f commands/s over the measured window plus drain (drain took %.2f s)%n",
                achieved, (drained - lastScheduled) / 1e9);
        System.out.printf("%-26s %8s %8s %8s %8s %8s %8s%n", "latency (ms)", "count", "p50", "p90", "p99", "p99.9", "max");
        row("all commands", all);
        row("create (from schedule)", samples.latencies(0));
        row("sign, controller", samples.latencies(1));
        row("sign, processor", samples.latencies(2));
        row("whole unit (from schedule)", units);
        System.out.println(cpuLine);
        System.out.printf("RESULT open_rate_commands_per_s %.1f%n", rate);
        System.out.printf("RESULT open_achieved_commands_per_s %.1f%n", achieved);
        System.out.printf("RESULT open_units_scheduled %d%n", scheduledMeasured);
        System.out.printf("RESULT open_units_ok %d%n", measuredOk.get());
        System.out.printf("RESULT open_errors %d%n", errors.get());
        System.out.printf("RESULT open_p50_ms %.2f%n", ms(pct(all, 50)));
        System.out.printf("RESULT open_p90_ms %.2f%n", ms(pct(all, 90)));
        System.out.printf("RESULT open_p99_ms %.2f%n", ms(pct(all, 99)));
        System.out.printf("RESULT open_p999_ms %.2f%n", ms(pct(all, 99.9)));
        System.out.printf("RESULT open_max_ms %.2f%n", ms(max(all)));
        System.out.printf("RESULT open_unit_p99_ms %.2f%n", ms(pct(units, 99)));
        System.out.printf("RESULT open_wall_start_us %d%n", wallStartMicros);
        return errors.get() == 0 && measuredOk.get() == scheduledMeasured ? 0 : 2;
    }

    void row(String name, long[] v) {
        System.out.printf("%-26s %8d %8.2f %8.2f %8.2f %8.2f %8.2f%n", name, v.length, ms(pct(v, 50)), ms(pct(v, 90)),
                ms(pct(v, 99)), ms(pct(v, 99.9)), ms(max(v)));
    }

    // ------------------------------------------------------------------------------------------ the unit

    /**
     * Runs create -> sign -> sign on the calling thread. The create counts from {@code start} (the scheduled
     * time in the open model), each signature from when it is sent. A sample is kept when its answer arrives
     * within [from, to). Returns true when all three commands were answered as expected.
     */
    boolean runUnit(String correlation, long start, long from, long to) {
        try {
            Response r1 = transport.exchange("/agreements", controllerToken, null, correlation + "-c", createBody);
            if (!expect(r1, 201, 0, start, from, to)) {
                return false;
            }
            String id = r1.location.substring(r1.location.lastIndexOf('/') + 1);
            long t2 = System.nanoTime();
            Response r2 = transport.exchange("/agreements/" + id + "/signatures", controllerToken, r1.etag, correlation + "-s1",
                    CONTROLLER_SIGNATURE);
            if (!expect(r2, 200, 1, t2, from, to)) {
                return false;
            }
            long t3 = System.nanoTime();
            Response r3 = transport.exchange("/agreements/" + id + "/signatures", processorToken, r2.etag, correlation + "-s2",
                    PROCESSOR_SIGNATURE);
            if (!expect(r3, 200, 2, t3, from, to)) {
                return false;
            }
            long now = System.nanoTime();
            if (now >= from && now < to) {
                samples.addUnit(now - start);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            errors.incrementAndGet();
            report("unit " + correlation + ": " + e);
            return false;
        }
    }

    boolean expect(Response r, int status, int step, long start, long from, long to) {
        long now = System.nanoTime();
        if (r.status != status) {
            errors.incrementAndGet();
            report(STEP[step] + " -> HTTP " + r.status + ": " + abbreviate(r.text()));
            return false;
        }
        if (now >= from && now < to) {
            samples.add(step, now - start);
        }
        return true;
    }

    void report(String message) {
        if (errorsShown.incrementAndGet() <= 5) {
            System.out.println("ERROR " + message);
        }
    }

    // ------------------------------------------------------------------------------------------ HTTP

    /** An answer; {@code headers} holds the response's headers by lower-case name (the last one of a repeated name). */
    record Response(int status, String etag, String location, byte[] body, Map<String, String> headers) {
        String text() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }
    }

    interface Transport {
        /** Any request: its headers (name to value, none for null values) and a body (null: none). */
        Response send(String method, String path, Map<String, String> headers, byte[] body) throws IOException;

        /** POST a JSON body; token, ifMatch and correlation may be null. */
        default Response exchange(String path, String token, String ifMatch, String correlation, byte[] body) throws IOException {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("Accept", "application/json");
            headers.put("Authorization", token == null ? null : "Bearer " + token);
            headers.put("If-Match", ifMatch);
            headers.put("X-Correlation-Id", correlation);
            return send("POST", path, headers, body);
        }

        String name();
    }

    /**
     * Minimal HTTP/1.1 client: one keep-alive socket per thread, blocking I/O. Much cheaper on CPU than
     * java.net.http.HttpClient, which matters when the generator shares 2 cores with the service.
     */
    static final class SocketTransport implements Transport {
        private final String host;
        private final int port;
        private final int timeoutMillis;
        private final ThreadLocal<Connection> connections = new ThreadLocal<>();

        SocketTransport(URI base, int timeoutMillis) {
            this.host = base.getHost();
            this.port = base.getPort() < 0 ? 80 : base.getPort();
            this.timeoutMillis = timeoutMillis;
        }

        public String name() {
            return "socket";
        }

        public Response send(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
            Connection c = connections.get();
            boolean reused = c != null;
            if (c == null) {
                c = open();
            }
            try {
                return c.send(method, path, headers, body);
            } catch (IOException e) {
                c.close();
                connections.remove();
                if (!reused) {
                    throw e;
                }
                // A kept-alive connection the server closed meanwhile: one retry on a fresh one.
                return open().send(method, path, headers, body);
            }
        }

        private Connection open() throws IOException {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMillis);
            socket.connect(new InetSocketAddress(host, port), 5000);
            Connection c = new Connection(socket, host + ":" + port);
            connections.set(c);
            return c;
        }

        final class Connection {
            final Socket socket;
            final OutputStream out;
            final InputStream in;
            final String hostHeader;

            Connection(Socket socket, String hostHeader) throws IOException {
                this.socket = socket;
                this.out = socket.getOutputStream();
                this.in = new BufferedInputStream(socket.getInputStream(), 32 * 1024);
                this.hostHeader = hostHeader;
            }

            Response send(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
                StringBuilder head = new StringBuilder(1200).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                        .append(hostHeader).append("\r\n");
                headers.forEach((name, value) -> {
                    if (value != null) {
                        head.append(name).append(": ").append(value).append("\r\n");
                    }
                });
                if (body != null) {
                    head.append("Content-Length: ").append(body.length).append("\r\n");
                }
                byte[] h = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
                byte[] request = body == null ? h : Arrays.copyOf(h, h.length + body.length);
                if (body != null) {
                    System.arraycopy(body, 0, request, h.length, body.length);
                }
                out.write(request);
                out.flush();

                String status = line();
                if (status == null || !status.startsWith("HTTP/1.")) {
                    throw new IOException("bad status line: " + status);
                }
                int code = Integer.parseInt(status.substring(9, 12));
                Map<String, String> responseHeaders = new HashMap<>();
                long length = -1;
                boolean chunked = false;
                boolean close = false;
                String header;
                while (!(header = line()).isEmpty()) {
                    int colon = header.indexOf(':');
                    String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    String value = header.substring(colon + 1).trim();
                    responseHeaders.put(name, value);
                    switch (name) {
                        case "content-length" -> length = Long.parseLong(value);
                        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                        case "connection" -> close = value.equalsIgnoreCase("close");
                        default -> { }
                    }
                }
                byte[] responseBody;
                if (chunked) {
                    ByteArrayOutputStream buf = new ByteArrayOutputStream();
                    while (true) {
                        String size = line();
                        int semi = size.indexOf(';');
                        int n = Integer.parseInt((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                        if (n == 0) {
                            while (!line().isEmpty()) {
                                // trailers
                            }
                            break;
                        }
                        buf.write(in.readNBytes(n));
                        line();
                    }
                    responseBody = buf.toByteArray();
                } else if (length >= 0) {
                    responseBody = in.readNBytes((int) length);
                    if (responseBody.length != length) {
                        throw new IOException("connection closed in the body");
                    }
                } else {
                    responseBody = in.readAllBytes();
                    close = true;
                }
                if (close) {
                    close();
                    connections.remove();
                }
                return new Response(code, responseHeaders.get("etag"), responseHeaders.get("location"), responseBody, responseHeaders);
            }

            private String line() throws IOException {
                StringBuilder sb = new StringBuilder(64);
                int b;
                while ((b = in.read()) != '\n') {
                    if (b < 0) {
                        throw new IOException("connection closed by the server");
                    }
                    if (b != '\r') {
                        sb.append((char) b);
                    }
                }
                return sb.toString();
            }

            void close() {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    /** java.net.http.HttpClient, synchronous sends from the worker threads (for comparison: --client jdk). */
    static final class JdkTransport implements Transport {
        private final HttpClient http;
        private final URI base;
        private final Duration timeout;

        JdkTransport(URI base, int timeoutMillis) {
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            this.base = base;
            this.timeout = Duration.ofMillis(timeoutMillis);
        }

        public String name() {
            return "java.net.http";
        }

        public Response send(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach((name, value) -> {
                if (value != null) {
                    b.header(name, value);
                }
            });
            try {
                HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                Map<String, String> responseHeaders = new HashMap<>();
                r.headers().map().forEach((name, values) -> responseHeaders.put(name.toLowerCase(Locale.ROOT), values.get(values.size() - 1)));
                return new Response(r.statusCode(), responseHeaders.get("etag"), responseHeaders.get("location"), r.body(),
                        responseHeaders);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ JWT (RS256)

    static PrivateKey loadKey(Path pem) throws Exception {
        String text = Files.readString(pem, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
    }

    /**
     * The claims the dpa Keycloak realm issues: iss, aud dpa-services, sub, org, roles, iat, exp. {@code roles} is one
     * realm role or several separated by commas ("controller,processor").
     */
    static String jwt(PrivateKey key, String subject, String org, String roles, long ttlSeconds) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = String.format(Locale.ROOT, "{\"iss\":\"%s\",\"aud\":\"%s\",\"sub\":\"%s\",\"preferred_username\":\"%s\","
                + "\"org\":\"%s\",\"roles\":[\"%s\"],\"iat\":%d,\"exp\":%d}", ISSUER, AUDIENCE, subject, subject, org,
                String.join("\",\"", roles.split(",")), now, now + ttlSeconds);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(rsa.sign());
    }

    // ------------------------------------------------------------------------------------------ CPU accounting

    /**
     * Where the machine's CPU went during a window, from /proc (Linux): the processes named by --pids
     * (e.g. service=123,kafka=456), every process called "postgres", this generator, and "other" = the
     * rest of the busy time (anything else running on the machine). In % of one core.
     */
    static final class CpuMeter {
        final Map<String, Long> pids = new java.util.LinkedHashMap<>();
        final long tick = 100; // USER_HZ on Linux
        long[] startTotals;
        Map<String, Long> startProcs;
        long startNanos;

        CpuMeter(String spec) {
            if (spec != null && !spec.isBlank()) {
                for (String kv : spec.split(",")) {
                    String[] p = kv.split("=");
                    pids.put(p[0], Long.parseLong(p[1]));
                }
            }
            pids.put("loadgen", ProcessHandle.current().pid());
        }

        boolean available() {
            return Files.isReadable(Path.of("/proc/stat"));
        }

        void start() {
            if (!available()) {
                return;
            }
            startNanos = System.nanoTime();
            startTotals = totals();
            startProcs = procs();
        }

        /** Prints RESULT lines (with the prefix) for the window since start() and returns a summary line. */
        String stop(String prefix) {
            if (!available() || startTotals == null) {
                return "CPU: /proc not available";
            }
            long[] t = totals();
            Map<String, Long> p = procs();
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            double busy = (t[0] - startTotals[0]) / (double) tick;
            double all = (t[0] + t[1] - startTotals[0] - startTotals[1]) / (double) tick;
            int cores = Runtime.getRuntime().availableProcessors();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "CPU over %.0f s (%% of one core, %d cores = %d%%):",
                    seconds, cores, cores * 100));
            double ours = 0;
            for (Map.Entry<String, Long> e : p.entrySet()) {
                double used = (e.getValue() - startProcs.getOrDefault(e.getKey(), 0L)) / (double) tick;
                ours += used;
                line.append(String.format(Locale.ROOT, " %s %.0f%%", e.getKey(), 100 * used / seconds));
                System.out.printf(Locale.ROOT, "RESULT %s_cpu_%s_pct %.0f%n", prefix, e.getKey(), 100 * used / seconds);
            }
            double other = Math.max(0, busy - ours);
            double idle = Math.max(0, all - busy);
            line.append(String.format(Locale.ROOT, " | other %.0f%% | idle %.0f%%", 100 * other / seconds, 100 * idle / seconds));
            System.out.printf(Locale.ROOT, "RESULT %s_cpu_other_pct %.0f%n", prefix, 100 * other / seconds);
            System.out.printf(Locale.ROOT, "RESULT %s_cpu_idle_pct %.0f%n", prefix, 100 * idle / seconds);
            return line.toString();
        }

        /** {busy, idle} jiffies of the whole machine. */
        static long[] totals() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long user = Long.parseLong(f[1]), nice = Long.parseLong(f[2]), system = Long.parseLong(f[3]);
                long idle = Long.parseLong(f[4]), iowait = Long.parseLong(f[5]), irq = Long.parseLong(f[6]);
                long softirq = Long.parseLong(f[7]), steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
                return new long[] {user + nice + system + irq + softirq + steal, idle + iowait};
            } catch (IOException e) {
                return new long[] {0, 0};
            }
        }

        Map<String, Long> procs() {
            Map<String, Long> out = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, Long> e : pids.entrySet()) {
                out.put(e.getKey(), jiffies(e.getValue()));
            }
            long pg = 0;
            try (var dirs = Files.newDirectoryStream(Path.of("/proc"), d -> d.getFileName().toString().matches("\\d+"))) {
                for (Path d : dirs) {
                    try {
                        if (Files.readString(d.resolve("comm")).trim().equals("postgres")) {
                            pg += jiffies(Long.parseLong(d.getFileName().toString()));
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            } catch (IOException ignored) {
                // no /proc
            }
            out.put("postgres", pg);
            return out;
        }

        static long jiffies(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }
    }

    // ------------------------------------------------------------------------------------------ statistics

    /** Latencies in nanoseconds; without HdrHistogram (no dependencies) they are kept and sorted at the end. */
    static final class Samples {
        private long[] nanos = new long[1 << 16];
        private byte[] steps = new byte[1 << 16];
        private int size;
        private long[] unitNanos = new long[1 << 14];
        private int unitSize;

        synchronized void add(int step, long latency) {
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
                steps = Arrays.copyOf(steps, size * 2);
            }
            nanos[size] = latency;
            steps[size++] = (byte) step;
        }

        synchronized void addUnit(long latency) {
            if (unitSize == unitNanos.length) {
                unitNanos = Arrays.copyOf(unitNanos, unitSize * 2);
            }
            unitNanos[unitSize++] = latency;
        }

        synchronized void clear() {
            size = 0;
            unitSize = 0;
        }

        /** Sorted latencies of one step, or of every step for -1. */
        synchronized long[] latencies(int step) {
            long[] out = new long[size];
            int n = 0;
            for (int i = 0; i < size; i++) {
                if (step < 0 || steps[i] == step) {
                    out[n++] = nanos[i];
                }
            }
            out = Arrays.copyOf(out, n);
            Arrays.sort(out);
            return out;
        }

        synchronized long[] unitLatencies() {
            long[] out = Arrays.copyOf(unitNanos, unitSize);
            Arrays.sort(out);
            return out;
        }
    }

    /** Nearest-rank percentile of a sorted array (NaN when empty). */
    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double max(long[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    static double ms(double nanos) {
        return nanos / 1e6;
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    String required(String name) {
        String v = opt.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                out.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                out.put(name, args[++i]);
            } else {
                out.put(name, "true");
            }
        }
        return out;
    }
}
