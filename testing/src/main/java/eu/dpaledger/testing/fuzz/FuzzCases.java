package eu.dpaledger.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.testing.fuzz.EdgeValues.Edge;
import io.swagger.v3.oas.models.media.Schema;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Generates the cases of each operation: malformed JSON, duplicate keys, per field a missing value, null,
 * wrong types, hostile strings, numbers, dates and enum values, unknown fields, huge strings and arrays;
 * bad path ids and query values; bad If-Match, Idempotency-Key and X-Correlation-Id where declared.
 */
final class FuzzCases {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String VALUE_MARK = "@@FUZZ-VALUE@@";
    private static final String FIELD_MARK = "@@FUZZ-FIELD@@";
    /** Fields mutated per operation; a larger body gets a seeded sample (another pass, another sample). */
    private static final int MAX_FIELDS = 24;

    private final ApiOperation op;
    private final Pool pool;
    private final Random random;
    private final List<String> roles;
    private final List<String> realIds;
    private final List<FuzzCase> cases = new ArrayList<>();

    private FuzzCases(ApiOperation op, Pool pool, List<String> roles, List<String> realIds) {
        this.op = op;
        this.pool = pool;
        this.random = pool.random;
        this.roles = roles;
        this.realIds = realIds;
    }

    /**
     * The cases of every operation for one pass: first each operation's valid request as each role on each
     * real id of its first path parameter, then its mistakes. Hostile values come from lists shared by all
     * operations, a few per field, parameter or header, and whatever a list did not hand out goes to the
     * first operation that drew from it: every value is sent at least once per pass. The same seed gives
     * the same plan.
     */
    static Map<ApiOperation, List<FuzzCase>> plan(List<ApiOperation> operations, long seed, List<String> roles,
                                                  Function<ApiOperation, List<String>> realIds) {
        Pool pool = new Pool(new Random(seed));
        Map<ApiOperation, List<FuzzCase>> plan = new LinkedHashMap<>();
        for (ApiOperation op : operations) {
            FuzzCases generator = new FuzzCases(op, pool, roles, realIds.apply(op));
            generator.generate();
            plan.put(op, generator.cases);
        }
        pool.drain();
        return plan;
    }

    /** The shared lists of hostile values of one pass, each handed out in a shuffled cycle. */
    private static final class Pool {
        private final Random random;
        private final Map<String, Cycle> cycles = new LinkedHashMap<>();
        private final Map<String, Consumer<Edge>> firstUse = new LinkedHashMap<>();

        Pool(Random random) {
            this.random = random;
            cycles.put("string", new Cycle(EdgeValues.strings()));
            cycles.put("number", new Cycle(EdgeValues.numbers()));
            cycles.put("instant", new Cycle(EdgeValues.instants()));
            cycles.put("date", new Cycle(EdgeValues.dates()));
            cycles.put("path-id", new Cycle(EdgeValues.pathIds()));
            cycles.put("query", new Cycle(EdgeValues.queryValues()));
            cycles.put("query-integer", new Cycle(EdgeValues.integerQueryValues()));
            cycles.put("header:if-match", new Cycle(EdgeValues.ifMatch()));
            cycles.put("header:idempotency-key", new Cycle(EdgeValues.idempotencyKeys()));
            cycles.put("header:x-correlation-id", new Cycle(EdgeValues.correlationIds()));
        }

        /** The next {@code count} values of a list; {@code use} turns one into a case (also used for the leftovers). */
        void draw(String list, int count, Consumer<Edge> use) {
            Cycle cycle = cycles.get(list);
            firstUse.putIfAbsent(list, use);
            for (int i = 0; i < count; i++) {
                use.accept(cycle.next(random));
            }
        }

        void drain() {
            firstUse.forEach((list, use) -> cycles.get(list).unused().forEach(use));
        }
    }

    private void generate() {
        if (op.pathParams().isEmpty() || realIds.isEmpty()) {
            for (String role : roles) {
                cases.add(FuzzCase.body("valid", "", null).as(role));
            }
        } else {
            String param = op.pathParams().get(0);
            for (String id : realIds) {
                for (String role : roles) {
                    cases.add(new FuzzCase("valid", "{" + param + "}=" + id, Map.of(param, id), null, Map.of(), null, false,
                            null, role, null));
                }
            }
        }
        pathCases();
        queryCases();
        headerCases();
        if (op.hasJsonBody()) {
            structuralBodyCases();
            fieldCases();
        } else if (!op.method().equals("GET") && !op.method().equals("DELETE")) {
            cases.add(FuzzCase.body("body:unexpected-json", "", utf8("{\"fuzz\":1}")));
            cases.add(FuzzCase.body("body:unexpected-not-json", "", utf8("{not json")));
            cases.add(FuzzCase.body("body:unexpected-1mb", "", utf8("[" + "1,".repeat(EdgeValues.MB1 / 2) + "1]")));
        }
        cases.add(FuzzCase.header("accept:xml", "Accept", utf8("application/xml")));
    }

    // ---- path and query ------------------------------------------------------------------------

    private void pathCases() {
        for (String param : op.pathParams()) {
            pool.draw("path-id", 8, edge -> cases.add(FuzzCase.path("path-id:" + edge.name(), param, edge.text())));
            cases.add(FuzzCase.path("path-id:random-uuid", param, FuzzCase.RANDOM_ID));
            cases.add(FuzzCase.path("path-id:of-something-else", param, FuzzCase.FOREIGN_ID));
            // Beyond what HTTP/1.1 allows or the server's request-line limit: refused before any route.
            cases.add(FuzzCase.path("http:path-id-10000-chars", param, "a".repeat(10_000)));
            cases.add(FuzzCase.path("http:raw-utf8-in-path", param, "\u00e9\ud83d\ude00"));
        }
    }

    private void queryCases() {
        cases.add(FuzzCase.query("query:unknown-parameter", "fuzz", "fuzz=1"));
        op.queryParams().forEach((name, schema) -> {
            Consumer<Edge> use = value -> cases.add(FuzzCase.query("query:" + value.name(), name, name + "=" + value.text()));
            pool.draw("query", 5, use);
            String type = ApiOperation.type(schema);
            if (type.equals("integer") || type.equals("number")) {
                pool.draw("query-integer", 5, use);
            }
            if (type.equals("boolean")) {
                EdgeValues.booleanQueryValues().forEach(use);
            }
            use.accept(Edge.of("unknown-enum", "NOT_A_VALUE"));
            if (schema != null && schema.getEnum() != null && !schema.getEnum().isEmpty()) {
                use.accept(Edge.of("lowercase-enum", String.valueOf(schema.getEnum().get(0)).toLowerCase(Locale.ROOT)));
            }
            cases.add(FuzzCase.query("query:repeated", name, name + "=1&" + name + "=2"));
            cases.add(FuzzCase.query("query:no-value", name, name));
        });
    }

    // ---- headers -------------------------------------------------------------------------------

    private void headerCases() {
        for (String header : op.headerParams()) {
            String lower = header.toLowerCase(Locale.ROOT);
            Consumer<Edge> use = value -> cases.add(FuzzCase.header("header:" + lower + ":" + value.name(), header, value.bytes()));
            switch (lower) {
                case "if-match" -> pool.draw("header:if-match", 4, use);
                case "idempotency-key" -> pool.draw("header:idempotency-key", 3, use);
                case "x-correlation-id" -> pool.draw("header:x-correlation-id", 2, use);
                default -> List.of(Edge.latin1("garbage", "\u00ff garbage"), Edge.latin1("7kb", "h".repeat(7000))).forEach(use);
            }
            // Beyond the server's header size limit: refused before any route.
            cases.add(FuzzCase.header("http:" + lower + "-100kb", header, "k".repeat(100_000).getBytes(StandardCharsets.ISO_8859_1)));
            if (lower.equals("if-match")) {
                cases.add(FuzzCase.header("header:if-match:missing", header, null));
            }
            if (lower.equals("idempotency-key") && !op.method().equals("GET")) {
                byte[] key = utf8(new UUID(random.nextLong(), random.nextLong()).toString());
                cases.add(FuzzCase.header("header:idempotency-key:replayed", header, key)
                        .after(FuzzCase.header("header:idempotency-key:replayed", header, key)));
                if (op.hasJsonBody()) {
                    byte[] otherKey = utf8(new UUID(random.nextLong(), random.nextLong()).toString());
                    FuzzCase other = new FuzzCase("header:idempotency-key:reused-for-other-body", header, Map.of(), null,
                            headersOf(header, otherKey), firstStringChanged(), false, null, null, null);
                    cases.add(other.after(FuzzCase.header("header:idempotency-key:reused-for-other-body", header, otherKey)));
                }
            }
        }
    }

    private static Map<String, byte[]> headersOf(String name, byte[] value) {
        HashMap<String, byte[]> headers = new HashMap<>();
        headers.put(name, value);
        return headers;
    }

    private byte[] firstStringChanged() {
        for (List<Object> path : paths(op.baseBody())) {
            if (at(op.baseBody(), path).isTextual()) {
                return withValue(op.baseBody(), path, utf8("\"changed for the fuzzer\""));
            }
        }
        return utf8(op.baseBody().toString() + " ");
    }

    // ---- whole bodies --------------------------------------------------------------------------

    private void structuralBodyCases() {
        String base = op.baseBody().toString();
        cases.add(FuzzCase.body("body:absent", "", null).withoutBody());
        cases.add(FuzzCase.body("body:empty", "", new byte[0]));
        cases.add(FuzzCase.body("body:empty-object", "", utf8("{}")));
        cases.add(FuzzCase.body("body:null", "", utf8("null")));
        cases.add(FuzzCase.body("body:array", "", utf8("[]")));
        cases.add(FuzzCase.body("body:array-of-valid", "", utf8("[" + base + "]")));
        cases.add(FuzzCase.body("body:number", "", utf8("42")));
        cases.add(FuzzCase.body("body:string", "", utf8("\"fuzz\"")));
        cases.add(FuzzCase.body("body:boolean", "", utf8("true")));
        cases.add(FuzzCase.body("body:truncated", "", utf8(base.substring(0, base.length() / 2))));
        cases.add(FuzzCase.body("body:not-json", "", utf8("this is not json")));
        cases.add(FuzzCase.body("body:trailing-garbage", "", utf8(base + " x")));
        cases.add(FuzzCase.body("body:two-documents", "", utf8(base + base)));
        cases.add(FuzzCase.body("body:comment", "", utf8("/* c */" + base)));
        cases.add(FuzzCase.body("body:single-quotes", "", utf8(base.replace('"', '\''))));
        cases.add(FuzzCase.body("body:deep-array", "100000 levels", utf8("[".repeat(100_000) + "]".repeat(100_000))));
        cases.add(FuzzCase.body("body:deep-object", "5000 levels", utf8("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000))));
        cases.add(FuzzCase.body("body:bom", "", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(base))));
        cases.add(FuzzCase.body("body:utf-16", "", base.getBytes(StandardCharsets.UTF_16)));
        cases.add(FuzzCase.body("body:1mb-whitespace", "", utf8(base + " ".repeat(EdgeValues.MB1))));
        cases.add(FuzzCase.body("body:11mb", "over the 10 MB default limit",
                utf8("{\"fuzz\":\"" + "a".repeat(11 * EdgeValues.MB1) + "\"}")));
        cases.add(FuzzCase.body("body:valid", "as text/plain", null).withContentType("text/plain"));
        cases.add(FuzzCase.body("body:valid", "without Content-Type", null).withContentType(""));
        cases.add(FuzzCase.body("body:valid", "as application/x-www-form-urlencoded", null)
                .withContentType("application/x-www-form-urlencoded"));
        cases.add(FuzzCase.body("body:latin1-charset", "", latin1Variant(base))
                .withContentType("application/json; charset=ISO-8859-1"));
        JsonNode complete = completed(op.baseBody(), op.bodySchema());
        if (!complete.equals(op.baseBody())) {
            cases.add(FuzzCase.body("body:all-optional-fields", "", utf8(complete.toString())));
        }
        List<List<Object>> strings = paths(op.baseBody()).stream().filter(p -> at(op.baseBody(), p).isTextual()).toList();
        if (!strings.isEmpty()) {
            List<Object> path = strings.get(0);
            cases.add(FuzzCase.body("string:1mb", pointer(path), withValue(op.baseBody(), path, EdgeValues.megabyteString().bytes())));
            cases.add(FuzzCase.body("string:invalid-utf8", pointer(path), withValue(op.baseBody(), path,
                    new byte[] {'"', 'a', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'})));
        }
        List<List<Object>> numbers = paths(op.baseBody()).stream().filter(p -> at(op.baseBody(), p).isNumber()).toList();
        if (!numbers.isEmpty()) {
            cases.add(FuzzCase.body("number:100000-digits", pointer(numbers.get(0)),
                    withValue(op.baseBody(), numbers.get(0), utf8("1".repeat(100_000)))));
        }
    }

    /** The same text with its non-ASCII characters as Latin-1 bytes (or an é added if it has none). */
    private static byte[] latin1Variant(String base) {
        String text = base.matches("(?s).*[^\\x00-\\x7F].*") ? base : base.replaceFirst("\":\"", "\":\"\u00e9");
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    // ---- fields --------------------------------------------------------------------------------

    private void fieldCases() {
        JsonNode base = op.baseBody();
        JsonNode complete = completed(base, op.bodySchema());
        List<List<Object>> paths = paths(complete);
        if (paths.size() > MAX_FIELDS) {
            List<List<Object>> sample = new ArrayList<>(paths);
            Collections.shuffle(sample, random);
            Set<List<Object>> chosen = new HashSet<>(sample.subList(0, MAX_FIELDS));
            paths = paths.stream().filter(chosen::contains).toList();
        }
        for (List<Object> path : paths) {
            JsonNode value = at(complete, path);
            Schema<?> schema = ApiOperation.schemaAt(op.bodySchema(), path);
            String where = pointer(path);
            if (exists(base, path) && path.get(path.size() - 1) instanceof String) {
                cases.add(FuzzCase.body("field:missing", where, utf8(without(base, path).toString())));
            }
            cases.add(FuzzCase.body("field:null", where, withValue(base, path, utf8("null"))));
            Edge wrong = wrongType(value);
            cases.add(FuzzCase.body("wrong-type:" + wrong.name(), where, withValue(base, path, wrong.bytes())));
            Consumer<Edge> string = edge -> cases.add(FuzzCase.body("string:" + edge.name(), where, withValue(base, path, edge.bytes())));
            String format = schema == null ? null : schema.getFormat();
            if (schema != null && schema.getEnum() != null && !schema.getEnum().isEmpty()) {
                String first = String.valueOf(schema.getEnum().get(0));
                cases.add(FuzzCase.body("enum:unknown", where, withValue(base, path, utf8("\"NOT_A_VALUE\""))));
                cases.add(FuzzCase.body("enum:lowercase", where, withValue(base, path, utf8(quoted(first.toLowerCase(Locale.ROOT))))));
                cases.add(FuzzCase.body("enum:padded", where, withValue(base, path, utf8(quoted(" " + first + " ")))));
            } else if ("date-time".equals(format) || value.isTextual() && looksLikeInstant(value.asText())) {
                pool.draw("instant", 2, edge -> cases.add(FuzzCase.body("instant:" + edge.name(), where, withValue(base, path, edge.bytes()))));
                pool.draw("string", 1, string);
            } else if ("date".equals(format) || value.isTextual() && value.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
                pool.draw("date", 2, edge -> cases.add(FuzzCase.body("date:" + edge.name(), where, withValue(base, path, edge.bytes()))));
                pool.draw("string", 1, string);
            } else if (value.isTextual()) {
                pool.draw("string", 2, string);
            } else if (value.isNumber()) {
                pool.draw("number", 2, edge -> cases.add(FuzzCase.body("number:" + edge.name(), where, withValue(base, path, edge.bytes()))));
            } else if (value.isArray()) {
                arrayCases(where, base, path, (ArrayNode) value);
            } else if (value.isObject()) {
                objectCases(where, base, path, (ObjectNode) value);
            }
        }
        if (base.isObject()) {
            objectCases("/", base, List.of(), (ObjectNode) base);
        }
    }

    private void arrayCases(String where, JsonNode base, List<Object> path, ArrayNode value) {
        cases.add(FuzzCase.body("array:empty", where, withValue(base, path, utf8("[]"))));
        cases.add(FuzzCase.body("array:null-item", where, withValue(base, path, utf8("[null]"))));
        cases.add(FuzzCase.body("array:nested", where, withValue(base, path, utf8("[[[]]]"))));
        String item = value.isEmpty() ? "\"x\"" : value.get(0).toString();
        String many = "[" + String.join(",", Collections.nCopies(5_000, item)) + "]";
        cases.add(FuzzCase.body("array:5000-items", where, withValue(base, path, utf8(many))));
    }

    private void objectCases(String where, JsonNode base, List<Object> path, ObjectNode value) {
        if (!path.isEmpty()) {
            cases.add(FuzzCase.body("object:empty", where, withValue(base, path, utf8("{}"))));
        }
        String[] unknownKeys = {"\"fuzzUnknownField\"", "\"\"", "\"\\u0000\"", "\"__proto__\"", "\"" + "k".repeat(10_000) + "\""};
        String key = unknownKeys[random.nextInt(unknownKeys.length)];
        cases.add(FuzzCase.body("object:unknown-field", where + " " + abbreviate(key), withField(base, path, utf8(key), utf8("1"))));
        if (path.isEmpty()) {
            for (String k : unknownKeys) {
                cases.add(FuzzCase.body("object:unknown-field", "/ " + abbreviate(k), withField(base, path, utf8(k), utf8("\"x\""))));
            }
        }
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        if (fields.hasNext() && exists(base, path)) {
            Map.Entry<String, JsonNode> firstField = fields.next();
            JsonNode dup = firstField.getValue().isTextual() ? NODES.textNode(firstField.getValue().asText() + " (duplicate)")
                    : firstField.getValue();
            cases.add(FuzzCase.body("object:duplicate-key", where + " " + firstField.getKey(),
                    withField(base, path, utf8(quoted(firstField.getKey())), utf8(dup.toString()))));
        }
    }

    private Edge wrongType(JsonNode value) {
        List<Edge> all = new ArrayList<>(List.of(Edge.of("string", "\"12\""), Edge.of("number", "12"),
                Edge.of("boolean", "true"), Edge.of("object", "{\"a\":1}"), Edge.of("array", "[\"a\"]")));
        String own = value.isTextual() ? "string" : value.isNumber() ? "number" : value.isBoolean() ? "boolean"
                : value.isObject() ? "object" : value.isArray() ? "array" : "";
        all.removeIf(e -> e.name().equals(own));
        return all.get(random.nextInt(all.size()));
    }

    /** Hands out a kind's edge values in a shuffled order, remembering which were used. */
    private static final class Cycle {
        private final List<Edge> values;
        private final boolean[] used;
        private final List<Integer> order = new ArrayList<>();
        private int next;

        Cycle(List<Edge> values) {
            this.values = values;
            this.used = new boolean[values.size()];
            for (int i = 0; i < values.size(); i++) {
                order.add(i);
            }
        }

        Edge next(Random random) {
            if (next % values.size() == 0) {
                Collections.shuffle(order, random);
            }
            int i = order.get(next++ % values.size());
            used[i] = true;
            return values.get(i);
        }

        List<Edge> unused() {
            List<Edge> out = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                if (!used[i]) {
                    out.add(values.get(i));
                }
            }
            return out;
        }
    }

    // ---- JSON surgery: values spliced in as raw bytes ------------------------------------------

    /** Every node below the root (for arrays, the array and its first item's subtree), depth first. */
    static List<List<Object>> paths(JsonNode root) {
        List<List<Object>> out = new ArrayList<>();
        collect(root, new ArrayList<>(), out);
        return out;
    }

    private static void collect(JsonNode node, List<Object> path, List<List<Object>> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                List<Object> child = new ArrayList<>(path);
                child.add(e.getKey());
                out.add(child);
                collect(e.getValue(), child, out);
            });
        } else if (node.isArray() && !node.isEmpty()) {
            List<Object> child = new ArrayList<>(path);
            child.add(0);
            out.add(child);
            collect(node.get(0), child, out);
        }
    }

    static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer i ? node.path(i) : node.path((String) step);
        }
        return node;
    }

    private static boolean exists(JsonNode root, List<Object> path) {
        return !at(root, path).isMissingNode();
    }

    /** The body with the value at {@code path} replaced by (or, if absent, set to) the raw JSON {@code value}. */
    static byte[] withValue(JsonNode base, List<Object> path, byte[] value) {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode copy = base.deepCopy();
        JsonNode parent = parentFor(copy, path);
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode o) {
            o.put((String) last, VALUE_MARK);
        } else if (parent instanceof ArrayNode a) {
            int i = (Integer) last;
            while (a.size() <= i) {
                a.addNull();
            }
            a.set(i, NODES.textNode(VALUE_MARK));
        }
        return splice(copy.toString(), quoted(VALUE_MARK), value);
    }

    /** The body with one more member {@code key: value} (both raw JSON) in the object at {@code path}. */
    static byte[] withField(JsonNode base, List<Object> path, byte[] key, byte[] value) {
        JsonNode copy = base.deepCopy();
        JsonNode target = at(copy, path);
        if (target.isMissingNode() && parentFor(copy, path) instanceof ObjectNode parent) {
            target = parent.putObject((String) path.get(path.size() - 1));
        }
        if (!(target instanceof ObjectNode object)) {
            return utf8(copy.toString());
        }
        object.putNull(FIELD_MARK);
        return splice(copy.toString(), quoted(FIELD_MARK) + ":null", concat(key, utf8(":"), value));
    }

    private static JsonNode without(JsonNode base, List<Object> path) {
        JsonNode copy = base.deepCopy();
        JsonNode parent = at(copy, path.subList(0, path.size() - 1));
        if (parent instanceof ObjectNode o) {
            o.remove((String) path.get(path.size() - 1));
        }
        return copy;
    }

    /** The parent container of {@code path} in {@code root}, creating missing objects and arrays on the way. */
    private static JsonNode parentFor(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            Object next = path.get(i + 1);
            JsonNode child = step instanceof Integer idx ? node.path(idx) : node.path((String) step);
            if (!child.isContainerNode()) {
                child = next instanceof Integer ? NODES.arrayNode() : NODES.objectNode();
                if (node instanceof ObjectNode o) {
                    o.set((String) step, child);
                } else if (node instanceof ArrayNode a) {
                    int idx = (Integer) step;
                    while (a.size() <= idx) {
                        a.addNull();
                    }
                    a.set(idx, child);
                }
            }
            node = child;
        }
        return node;
    }

    /** The body with every property the schema knows and the example leaves out, filled in validly. */
    static JsonNode completed(JsonNode base, Schema<?> schema) {
        JsonNode copy = base.deepCopy();
        complete(copy, schema, 0);
        return copy;
    }

    private static void complete(JsonNode node, Schema<?> schema, int depth) {
        if (schema == null || depth > 8) {
            return;
        }
        Schema<?> s = ApiOperation.schemaAt(schema, List.of());
        if (node instanceof ObjectNode o && s.getProperties() != null) {
            s.getProperties().forEach((name, property) -> {
                if (!o.has(name) || o.get(name).isNull()) {
                    o.set(name, ApiOperation.synthesize(property, depth + 1));
                }
                complete(o.get(name), property, depth + 1);
            });
        } else if (node instanceof ArrayNode a && s.getItems() != null) {
            a.forEach(item -> complete(item, s.getItems(), depth + 1));
        }
    }

    private static byte[] splice(String json, String mark, byte[] value) {
        int at = json.indexOf(mark);
        return concat(utf8(json.substring(0, at)), value, utf8(json.substring(at + mark.length())));
    }

    private static boolean looksLikeInstant(String text) {
        return text.matches("\\d{4}-\\d{2}-\\d{2}T.*");
    }

    static String pointer(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object step : path) {
            out.append('/').append(step);
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    private static String quoted(String text) {
        return NODES.textNode(text).toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 20) + "…(" + text.length() + " chars)" : text;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
