package eu.dpaledger.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Fuzzes a running service from its own OpenAPI document: for every operation it sends the cases of
 * {@link FuzzCases} with a valid token of each role and with ids of real resources (so that cases reach
 * the domain, not only a 404) as well as unknown ids, and checks every answer: below 500, and a 4xx is an
 * RFC 9457 {@code application/problem+json} document with {@code type}, {@code title} and {@code status}.
 *
 * <p>The first pass always completes, whatever the budget; later passes, until the budget is spent, draw
 * a new plan (other fields, values and ids) from seed + pass and send it with the next role. The seed (fixed
 * by default, or {@code -Ddpa.fuzz.seed}) fixes every generated value and the order; each failure prints its
 * exact request and pass.
 * {@code -Ddpa.fuzz.skip=object:duplicate-key,string:nul*} leaves kinds of case out, to look past a cause
 * being fixed elsewhere; a run without it checks the whole rule.
 *
 * <pre>{@code
 * FuzzReport report = ApiFuzzer.against("http://localhost:8081")
 *         .role("controller", Tokens.controller(OPWIJK)).role("processor", Tokens.processor(ESN))
 *         .ids("/agreements/{id}", draftId, activeId)
 *         .budget(Duration.ofSeconds(45)).run();
 * report.assertNoFailures();
 * }</pre>
 */
public final class ApiFuzzer {

    public static final long DEFAULT_SEED = 20261201L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final RawHttp http;
    private final Map<String, String> roles = new LinkedHashMap<>();
    private final Map<String, List<String>> ids = new LinkedHashMap<>();
    private final Map<String, JsonNode> bodies = new LinkedHashMap<>();
    private long seed = Long.getLong("dpa.fuzz.seed", DEFAULT_SEED);
    private final List<String> skipped = List.of(System.getProperty("dpa.fuzz.skip", "").split(",")).stream()
            .map(String::trim).filter(k -> !k.isEmpty()).toList();
    private Duration budget = Duration.ofSeconds(45);
    private Path reportFile = Path.of("target", "fuzz-report.txt");

    private final Map<String, String> etags = new HashMap<>();
    private final Map<String, List<String>> admitted = new HashMap<>();
    private final Map<String, Long> millis = new TreeMap<>();
    private Random random;
    private List<ApiOperation> operations;

    private ApiFuzzer(URI base) {
        this.base = base;
        this.http = new RawHttp(base.getHost(), base.getPort());
    }

    /** A fuzzer for the service at {@code baseUrl} (scheme, host and port; the document is read from /q/openapi). */
    public static ApiFuzzer against(String baseUrl) {
        return new ApiFuzzer(URI.create(baseUrl));
    }

    public ApiFuzzer seed(long value) {
        this.seed = value;
        return this;
    }

    /** How long the run may go on; the first pass completes even if it takes longer. */
    public ApiFuzzer budget(Duration value) {
        this.budget = value;
        return this;
    }

    /** A caller to send cases as: a label for the report and a valid bearer token. */
    public ApiFuzzer role(String label, String token) {
        roles.put(label, token);
        return this;
    }

    /**
     * Real ids for a path parameter, by the path up to it: {@code ids("/agreements/{id}", a, b)} serves
     * {@code {id}} of every path that starts with {@code /agreements/{id}}.
     */
    public ApiFuzzer ids(String prefix, String... values) {
        ids.computeIfAbsent(prefix, k -> new ArrayList<>()).addAll(List.of(values));
        return this;
    }

    /** The valid body of an operation ({@code "PUT /agreements/{id}"}) where its document has no example. */
    public ApiFuzzer body(String operation, String json) {
        try {
            bodies.put(operation, JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
        return this;
    }

    public ApiFuzzer reportTo(Path file) {
        this.reportFile = file;
        return this;
    }

    /** Fetches and parses the document, sends every case, and returns the report (also written to the report file). */
    public FuzzReport run() {
        if (roles.isEmpty()) {
            throw new IllegalStateException("no role to send the cases as");
        }
        random = new Random(seed);
        String document = openApi();
        writeBeside(reportFile, "fuzz-openapi.json", document);
        operations = ApiOperation.parse(document).stream()
                .map(op -> bodies.containsKey(op.key()) ? op.withBody(bodies.get(op.key()), "given by the test") : op).toList();
        misconfigured();
        List<String> roleLabels = List.copyOf(roles.keySet());
        Map<String, Map<Integer, Integer>> statuses = FuzzReport.emptyStatuses();
        Map<String, Map<Integer, Integer>> byKind = new TreeMap<>();
        operations.forEach(op -> statuses.put(op.key(), new TreeMap<>()));
        List<FuzzReport.Failure> failures = new ArrayList<>();
        admitted.clear();
        Instant start = Instant.now();
        Instant end = start.plus(budget);
        int requests = 0;
        int pass = 0;
        int firstPassRequests = 0;
        Duration firstPass = Duration.ZERO;
        do {
            // Each pass draws its own sample of fields and values from seed + pass.
            Map<ApiOperation, List<FuzzCase>> plan = FuzzCases.plan(operations, seed + pass, roleLabels,
                    op -> op.pathParams().isEmpty() ? List.of()
                            : ids.getOrDefault(op.prefixOf(op.pathParams().get(0)), List.of()).stream().map(ApiFuzzer::segment).toList());
            plan.values().forEach(cases -> cases.removeIf(c -> skipped(c.kind())));
            int longest = plan.values().stream().mapToInt(List::size).max().orElse(0);
            // Interleaved across operations, so state changes (a successful termination...) spread over the run.
            for (int i = 0; i < longest; i++) {
                for (Map.Entry<ApiOperation, List<FuzzCase>> entry : plan.entrySet()) {
                    if (i >= entry.getValue().size() || pass > 0 && Instant.now().isAfter(end)) {
                        continue;
                    }
                    ApiOperation op = entry.getKey();
                    List<FuzzCase> cases = entry.getValue();
                    String role = role(op, cases, i, pass, roleLabels);
                    requests += send(op, cases.get(i), i, pass, role, statuses, byKind, failures);
                }
            }
            if (pass == 0) {
                firstPass = Duration.between(start, Instant.now());
                firstPassRequests = requests;
            }
            pass++;
        } while (Instant.now().isBefore(end));
        Map<String, String> notes = new LinkedHashMap<>();
        operations.stream().filter(op -> op.hasJsonBody() && !op.bodySource().equals("example"))
                .forEach(op -> notes.put(op.key(), "body: " + op.bodySource()));
        if (!skipped.isEmpty()) {
            notes.put("(all)", "skipped kinds " + skipped);
        }
        notes.put("(first pass)", firstPassRequests + " requests in " + firstPass.toMillis() / 1000.0 + " s");
        FuzzReport report = new FuzzReport(seed, operations.size(), requests, pass, Duration.between(start, Instant.now()),
                statuses, byKind, millis, notes, failures);
        report.writeTo(reportFile);
        return report;
    }

    private boolean skipped(String kind) {
        return skipped.stream().anyMatch(k -> k.endsWith("*") ? kind.startsWith(k.substring(0, k.length() - 1)) : kind.equals(k));
    }

    /** A body or ids for an operation or path the document does not have would silently test less: refuse them. */
    private void misconfigured() {
        List<String> keys = operations.stream().map(ApiOperation::key).toList();
        bodies.keySet().stream().filter(k -> !keys.contains(k)).findFirst().ifPresent(k -> {
            throw new IllegalStateException("body for " + k + ", which the document does not have; it has " + keys);
        });
        ids.keySet().stream().filter(p -> operations.stream().noneMatch(op -> op.template().startsWith(p))).findFirst()
                .ifPresent(p -> {
                    throw new IllegalStateException("ids for " + p + ", which starts no path of the document");
                });
    }

    /**
     * Who sends case {@code i}: in the first pass the roles whose valid request got past authorisation (so
     * that the mistakes reach body reading and the domain), in later passes every role in turn.
     */
    private String role(ApiOperation op, List<FuzzCase> cases, int i, int pass, List<String> roleLabels) {
        FuzzCase c = cases.get(i);
        if (c.role() != null) {
            return c.role();
        }
        List<String> candidates = roleLabels;
        if (pass == 0) {
            List<String> past = admitted.getOrDefault(op.key(), List.of());
            candidates = past.isEmpty() ? roleLabels : past;
        }
        return candidates.get((i + pass) % candidates.size());
    }

    private int send(ApiOperation op, FuzzCase fuzzCase, int index, int pass, String role,
                     Map<String, Map<Integer, Integer>> statuses, Map<String, Map<Integer, Integer>> byKind,
                     List<FuzzReport.Failure> failures) {
        Map<String, String> values = pathValues(op, fuzzCase, index + pass * 7);
        int sent = 0;
        for (FuzzCase step : fuzzCase.first() == null ? List.of(fuzzCase) : List.of(fuzzCase.first(), fuzzCase)) {
            RawHttp.Request request = request(op, step, role, values);
            long began = System.nanoTime();
            RawHttp.Response response = http.send(request);
            millis.merge(step.kind(), (System.nanoTime() - began) / 1_000_000, Long::sum);
            sent++;
            statuses.get(op.key()).merge(response.status(), 1, Integer::sum);
            byKind.computeIfAbsent(step.kind(), k -> new TreeMap<>()).merge(response.status(), 1, Integer::sum);
            if (step.kind().equals("valid") && response.status() != 401 && response.status() != 403 && response.status() != 404) {
                List<String> past = admitted.computeIfAbsent(op.key(), k -> new ArrayList<>());
                if (!past.contains(role)) {
                    past.add(role);
                }
            }
            remember(op, values, request, response);
            String broken = broken(step, response);
            if (broken != null) {
                failures.add(new FuzzReport.Failure(op.key(), step.kind(), step.detail(), role, pass, response.status(), broken,
                        Printable.request(request), Printable.response(response)));
            }
        }
        return sent;
    }

    private RawHttp.Request request(ApiOperation op, FuzzCase c, String role, Map<String, String> values) {
        String path = op.template();
        for (Map.Entry<String, String> v : values.entrySet()) {
            path = path.replace("{" + v.getKey() + "}", v.getValue());
        }
        String target = base.getRawPath() == null || base.getRawPath().isEmpty() || base.getRawPath().equals("/")
                ? path : base.getRawPath().replaceAll("/$", "") + path;
        if (c.query() != null) {
            target += "?" + c.query();
        }
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put("Authorization", ("Bearer " + roles.get(role)).getBytes(StandardCharsets.US_ASCII));
        byte[] body = c.omitBody() ? null : c.body() != null ? c.body()
                : op.hasJsonBody() ? op.baseBody().toString().getBytes(StandardCharsets.UTF_8) : null;
        String contentType = c.contentType() != null ? c.contentType() : body != null ? "application/json" : null;
        if (c.omitBody() && op.hasJsonBody()) {
            contentType = "application/json";
        }
        if (contentType != null && !contentType.isEmpty()) {
            headers.put("Content-Type", contentType.getBytes(StandardCharsets.ISO_8859_1));
        }
        headers.put("Accept", "application/json, application/problem+json".getBytes(StandardCharsets.US_ASCII));
        String ifMatch = declared(op, "If-Match");
        if (ifMatch != null && !c.headers().containsKey(ifMatch)) {
            headers.put(ifMatch, etag(op, values, role).getBytes(StandardCharsets.US_ASCII));
        }
        c.headers().forEach((name, value) -> {
            headers.keySet().removeIf(h -> h.equalsIgnoreCase(name));
            if (value != null) {
                headers.put(name, value);
            }
        });
        return new RawHttp.Request(op.method(), target, headers, body);
    }

    private static String declared(ApiOperation op, String header) {
        return op.headerParams().stream().filter(h -> h.equalsIgnoreCase(header)).findFirst().orElse(null);
    }

    // ---- ids ------------------------------------------------------------------------------------

    private Map<String, String> pathValues(ApiOperation op, FuzzCase c, int k) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String param : op.pathParams()) {
            String value = c.pathValues().get(param);
            if (value == null) {
                List<String> real = ids.getOrDefault(op.prefixOf(param), List.of());
                // One request in six uses an unknown id even when real ones exist.
                value = real.isEmpty() || k % 6 == 5 ? FuzzCase.RANDOM_ID : segment(real.get(k % real.size()));
            }
            if (value.equals(FuzzCase.FOREIGN_ID)) {
                List<String> foreign = new ArrayList<>();
                String own = op.prefixOf(param);
                ids.forEach((p, list) -> {
                    if (!p.equals(own)) {
                        foreign.addAll(list);
                    }
                });
                value = foreign.isEmpty() ? FuzzCase.RANDOM_ID : segment(foreign.get(Math.floorMod(k, foreign.size())));
            }
            if (value.equals(FuzzCase.RANDOM_ID)) {
                value = new UUID(random.nextLong(), random.nextLong()).toString();
            }
            values.put(param, value);
        }
        return values;
    }

    /** A real id as a path segment: everything but RFC 3986's unreserved characters percent-encoded. */
    private static String segment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    // ---- If-Match: the current ETag of the resource the command is on ----------------------------

    private String etag(ApiOperation op, Map<String, String> values, String role) {
        String resource = resourceOf(op, values);
        if (resource == null) {
            return "\"1\"";
        }
        String known = etags.get(resource);
        if (known != null) {
            return known;
        }
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put("Authorization", ("Bearer " + roles.get(role)).getBytes(StandardCharsets.US_ASCII));
        RawHttp.Response response = http.send(new RawHttp.Request("GET", resource, headers, null));
        String etag = response.status() == 200 ? response.header("ETag") : null;
        if (etag == null) {
            return "\"1\"";
        }
        etags.put(resource, etag);
        return etag;
    }

    /** The longest readable path (a GET whose path ends in a parameter) that the operation's path starts with. */
    private String resourceOf(ApiOperation op, Map<String, String> values) {
        String best = null;
        for (ApiOperation candidate : operations) {
            String t = candidate.template();
            if (candidate.method().equals("GET") && t.endsWith("}")
                    && (op.template().equals(t) || op.template().startsWith(t + "/"))
                    && (best == null || t.length() > best.length())) {
                best = t;
            }
        }
        if (best == null) {
            return null;
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
            best = best.replace("{" + v.getKey() + "}", v.getValue());
        }
        return best;
    }

    private void remember(ApiOperation op, Map<String, String> values, RawHttp.Request request, RawHttp.Response response) {
        if (op.method().equals("GET")) {
            return;
        }
        String resource = resourceOf(op, values);
        if (resource == null) {
            return;
        }
        if (response.status() >= 200 && response.status() < 300) {
            etags.keySet().removeIf(k -> k.equals(resource) || resource.startsWith(k + "/"));
        } else if (response.status() == 412) {
            try {
                JsonNode problem = JSON.readTree(response.body());
                if (problem.hasNonNull("currentETag")) {
                    etags.put(resource, problem.get("currentETag").asText());
                }
            } catch (Exception ignored) {
                etags.remove(resource);
            }
        }
    }

    // ---- the rule ---------------------------------------------------------------------------------

    /**
     * Why the answer breaks "a 4xx problem document, never a 5xx", or null when it does not. A message that
     * is not HTTP/1.1 or exceeds the server's request-line or header limits ({@code http:} cases) is refused
     * by the HTTP server before any route: a 4xx is all it can give, without a document.
     */
    static String broken(FuzzCase c, RawHttp.Response response) {
        if (response.status() < 0) {
            return response.error();
        }
        if (response.status() >= 500) {
            return "server error";
        }
        if (response.status() < 400) {
            return c.kind().startsWith("http:") ? "accepted a message the HTTP server should refuse" : null;
        }
        if (c.kind().startsWith("http:")) {
            return null;
        }
        String type = response.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            return "4xx without a problem document (Content-Type " + type + ")";
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (problem == null || !problem.path("type").isTextual() || problem.path("type").asText().isBlank()
                    || !problem.path("title").isTextual() || problem.path("title").asText().isBlank()) {
                return "problem document without type or title";
            }
            if (problem.path("status").asInt(-1) != response.status()) {
                return "problem status " + problem.path("status") + " differs from the HTTP status";
            }
            return null;
        } catch (Exception e) {
            return "problem document is not JSON";
        }
    }

    private static void writeBeside(Path report, String name, String content) {
        try {
            Path dir = report.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String openApi() {
        RawHttp.Response response = http.send(new RawHttp.Request("GET",
                (base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/$", "")) + "/q/openapi?format=json",
                Map.of("Accept", "application/json".getBytes(StandardCharsets.US_ASCII)), null));
        if (response.status() != 200) {
            throw new IllegalStateException("no OpenAPI document at " + base + "/q/openapi: " + response.status() + " " + response.error());
        }
        return response.bodyText();
    }
}
