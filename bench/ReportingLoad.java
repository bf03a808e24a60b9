// Read latency of reporting-service (bench/reporting.sh): GETs of a query list, back to back, with a bearer token
// or a session cookie, measured at the client. Compiled together with LoadGen.java (bench/reporting.sh does it)
// and reuses its keep-alive HTTP client, its RS256 token signer, its CPU accounting and its percentiles.
//
//   java -cp <classes> ReportingLoad --base http://127.0.0.1:18085 --queries <file> [options]
//
// The query file has one request per line ('#' starts a comment):
//   <name> <path?query>            one GET, repeated
//   <name> walk <path?query>       a cursor walk: the GET, then the page its "nextCursor" names (?cursor=...), and so
//                                  on to the last page or --max-pages; every page is one sample of <name>
// Workers (--workers, default 1) take the lines in turn, round robin, until --requests samples are measured, after
// --warmup-requests unmeasured ones. One worker measures server time plus loopback (nothing queues in the client);
// more workers add the queueing of concurrent requests to it.
//
// Options: --token-org <enterprise number> and --token-roles controller,processor (a bearer token, signed with
//   --key), or --cookie "<name>=<value>; ..." (a browser session); --accept (application/json); --require-items
//   (every answer must have a non-empty "items" array: a fast empty answer measures nothing; without it, empty
//   answers are counted per query); --expect-text <s>
//   (every body must contain it); --pids name=pid,... (CPU accounting); --request-timeout s (30).
// Output: a table per query name and overall, plus "RESULT <name> <value>" lines (ms).

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ReportingLoad {

    private static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EMPTY_ITEMS = Pattern.compile("\"items\"\\s*:\\s*\\[\\s*]");

    /** One line of the query file. */
    record Query(String name, String path, boolean walk) {
    }

    private final LoadGen.Transport transport;
    private final List<Query> queries;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final boolean requireItems;
    private final String expectText;
    private final int maxPages;
    private final LoadGen.CpuMeter cpu;

    private final Map<String, List<Long>> samples = new LinkedHashMap<>();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Map<String, AtomicLong> empty = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger errorsShown = new AtomicInteger();

    ReportingLoad(Map<String, String> opt) throws Exception {
        URI base = URI.create(opt.getOrDefault("base", "http://127.0.0.1:18085"));
        int timeoutMillis = (int) (Double.parseDouble(opt.getOrDefault("request-timeout", "30")) * 1000);
        this.transport = new LoadGen.SocketTransport(base, timeoutMillis);
        this.queries = parseQueries(Path.of(required(opt, "queries")));
        this.requireItems = opt.containsKey("require-items");
        this.expectText = opt.get("expect-text");
        this.maxPages = Integer.parseInt(opt.getOrDefault("max-pages", "20"));
        this.cpu = new LoadGen.CpuMeter(opt.get("pids"));
        headers.put("Accept", opt.getOrDefault("accept", "application/json"));
        if (opt.containsKey("token-org")) {
            String org = opt.get("token-org");
            String roles = opt.getOrDefault("token-roles", "controller");
            String token = LoadGen.jwt(LoadGen.loadKey(Path.of(opt.getOrDefault("key", "testing/src/main/resources/dpa-test/test-private-key.pem"))),
                    "dpo-" + org, org, roles, 7200);
            headers.put("Authorization", "Bearer " + token);
        }
        if (opt.containsKey("cookie")) {
            headers.put("Cookie", opt.get("cookie"));
        }
        for (Query q : queries) {
            samples.putIfAbsent(q.name(), new ArrayList<>());
            empty.putIfAbsent(q.name(), new AtomicLong());
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = LoadGen.parse(args);
        ReportingLoad load = new ReportingLoad(opt);
        int workers = Integer.parseInt(opt.getOrDefault("workers", "1"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup-requests", "300"));
        int requests = Integer.parseInt(opt.getOrDefault("requests", "2000"));
        int rc = load.run(workers, warmup, requests);
        System.out.flush();
        System.exit(rc);
    }

    static List<Query> parseQueries(Path file) throws Exception {
        List<Query> out = new ArrayList<>();
        for (String raw : Files.readAllLines(file)) {
            String line = raw.replaceAll("#.*", "").trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length == 3 && f[1].equals("walk")) {
                out.add(new Query(f[0], f[2], true));
            } else if (f.length == 2) {
                out.add(new Query(f[0], f[1], false));
            } else {
                throw new IllegalArgumentException("query file line not understood: " + raw);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no queries in " + file);
        }
        return out;
    }

    int run(int workers, int warmup, int requests) throws Exception {
        System.out.printf(Locale.ROOT, "%d queries, %d worker(s), %d warm-up requests, then %d measured requests%n",
                queries.size(), workers, warmup, requests);
        // Warm-up: every query at least once, unmeasured (JIT, connection, caches), then more to the count asked.
        phase(workers, Math.max(warmup, queries.size()), false);
        samples.values().forEach(List::clear);
        empty.values().forEach(n -> n.set(0));
        errors.set(0);
        pages.set(0);
        bytes.set(0);
        cpu.start();
        long t0 = System.nanoTime();
        phase(workers, requests, true);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String cpuLine = cpu.stop("read");
        report(seconds);
        System.out.println(cpuLine);
        return errors.get() == 0 ? 0 : 2;
    }

    /** Runs {@code count} requests (pages) over the workers, the query lines in turn. */
    private void phase(int workers, int count, boolean measured) throws InterruptedException {
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> {
                while (issued.get() < count) {
                    Query q = queries.get(Math.floorMod(next.getAndIncrement(), queries.size()));
                    String path = q.path();
                    int page = 0;
                    while (path != null && issued.getAndIncrement() < count) {
                        path = once(q, path, measured);
                        if (!q.walk() || ++page >= maxPages) {
                            path = null;
                        }
                    }
                }
            }, "reader-" + w);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /** One GET; returns the next page's path of a walk (null at the end). */
    private String once(Query q, String path, boolean measured) {
        long start = System.nanoTime();
        try {
            LoadGen.Response r = transport.send("GET", path, headers, null);
            long latency = System.nanoTime() - start;
            String problem = check(r);
            if (problem != null) {
                error(q.name() + " " + path + ": " + problem);
                return null;
            }
            if (measured) {
                if (EMPTY_ITEMS.matcher(r.text()).find()) {
                    empty.get(q.name()).incrementAndGet();
                }
                synchronized (samples) {
                    samples.get(q.name()).add(latency);
                }
                pages.incrementAndGet();
                bytes.addAndGet(r.body().length);
            }
            if (!q.walk()) {
                return null;
            }
            Matcher m = NEXT_CURSOR.matcher(r.text());
            if (!m.find()) {
                return null;
            }
            String cursor = URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
            String withoutCursor = path.replaceAll("([?&])cursor=[^&]*&?", "$1").replaceAll("[?&]$", "");
            return withoutCursor + (withoutCursor.contains("?") ? "&" : "?") + "cursor=" + cursor;
        } catch (Exception e) {
            error(q.name() + " " + path + ": " + e);
            return null;
        }
    }

    private String check(LoadGen.Response r) {
        if (r.status() != 200) {
            return "status " + r.status() + " " + LoadGen.abbreviate(r.text());
        }
        String text = r.text();
        if (requireItems && EMPTY_ITEMS.matcher(text).find()) {
            return "empty items (the query measures nothing; change the data or the query)";
        }
        if (expectText != null && !text.contains(expectText)) {
            return "body without \"" + expectText + "\": " + LoadGen.abbreviate(text);
        }
        return null;
    }

    private void error(String message) {
        errors.incrementAndGet();
        if (errorsShown.incrementAndGet() <= 5) {
            System.out.println("ERROR " + message);
        }
    }

    private void report(double seconds) {
        System.out.printf(Locale.ROOT, "measured: %d requests in %.1f s = %.0f requests/s, %.1f KiB per answer, %d errors%n",
                pages.get(), seconds, pages.get() / seconds, pages.get() == 0 ? 0.0 : bytes.get() / 1024.0 / pages.get(), errors.get());
        System.out.printf(Locale.ROOT, "    %-28s %7s %8s %8s %8s %8s %7s%n", "query", "n", "p50_ms", "p95_ms", "p99_ms", "max_ms", "empty");
        List<Long> all = new ArrayList<>();
        for (Map.Entry<String, List<Long>> e : samples.entrySet()) {
            long[] sorted = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            Arrays.stream(sorted).forEach(all::add);
            line(e.getKey(), sorted, empty.get(e.getKey()).get());
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        line("all", sorted, empty.values().stream().mapToLong(AtomicLong::get).sum());
        System.out.printf(Locale.ROOT, "RESULT read_requests %d%nRESULT read_errors %d%nRESULT read_p50_ms %.2f%n"
                        + "RESULT read_p95_ms %.2f%nRESULT read_p99_ms %.2f%nRESULT read_max_ms %.2f%nRESULT read_per_s %.0f%n",
                sorted.length, errors.get(), LoadGen.ms(LoadGen.pct(sorted, 50)), LoadGen.ms(LoadGen.pct(sorted, 95)),
                LoadGen.ms(LoadGen.pct(sorted, 99)), LoadGen.ms(LoadGen.max(sorted)), pages.get() / seconds);
    }

    private static void line(String name, long[] sorted, long empty) {
        System.out.printf(Locale.ROOT, "    %-28s %7d %8.2f %8.2f %8.2f %8.2f %7d%n", name, sorted.length, LoadGen.ms(LoadGen.pct(sorted, 50)),
                LoadGen.ms(LoadGen.pct(sorted, 95)), LoadGen.ms(LoadGen.pct(sorted, 99)), LoadGen.ms(LoadGen.max(sorted)), empty);
    }

    private static String required(Map<String, String> opt, String name) {
        String v = opt.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }
}
