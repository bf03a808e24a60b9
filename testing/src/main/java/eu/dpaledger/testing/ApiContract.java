package eu.dpaledger.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API contract in the repository (docs/ARCHITECTURE.md, "The API contract"): a service's OpenAPI document as its
 * code generates it must equal the one committed under {@code docs/api/<service>.yaml} — a changed contract is a
 * reviewed change — and must pass the lint: every operation has an {@code operationId} (unique) and a typed answer for
 * every status, every 4xx/5xx is a {@code Problem}, every list is paged ({@code cursor}, {@code limit} and the list
 * envelope; no bare array answers). After a deliberate change, {@code DPA_API_WRITE=true ./mvnw verify} (or
 * {@code -Ddpa.api.write=true}) writes the documents; review the diff and commit them.
 */
public final class ApiContract {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ApiContract() {
    }

    /** The committed document's path for {@code service} (e.g. "agreement-service"). */
    public static Path committed(String service) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs").resolve("api"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docs/api above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docs").resolve("api").resolve(service + ".yaml");
    }

    /**
     * Problems of the generated document against the committed one: empty when equal (as parsed trees). With
     * {@code DPA_API_WRITE=true} (or {@code -Ddpa.api.write=true}) the generated document is written instead.
     */
    public static List<String> differences(String service, String generatedYaml) {
        Path file = committed(service);
        if ("true".equals(System.getenv("DPA_API_WRITE")) || Boolean.getBoolean("dpa.api.write")) {
            try {
                Files.writeString(file, generatedYaml, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return List.of();
        }
        if (!Files.exists(file)) {
            return List.of(file + " is missing: run the build with DPA_API_WRITE=true and commit it");
        }
        try {
            JsonNode committed = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
            JsonNode generated = YAML.readTree(generatedYaml);
            List<String> out = new ArrayList<>();
            diff("", committed, generated, out);
            if (!out.isEmpty()) {
                out.add(0, "The code's OpenAPI document differs from " + file + " (a changed contract is a reviewed change: "
                        + "run with DPA_API_WRITE=true, review the diff, commit it):");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the lint finds wrong in a document (empty when it passes). */
    public static List<String> lint(String yaml) {
        JsonNode doc;
        try {
            doc = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode schemas = doc.path("components").path("schemas");
        if (!schemas.has("Problem")) {
            out.add("components.schemas.Problem is missing");
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!List.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                lintOperation(where, op.getKey(), op.getValue(), schemas, ids, out);
            }
        }
        return out;
    }

    private static void lintOperation(String where, String method, JsonNode op, JsonNode schemas, Set<String> ids, List<String> out) {
        String id = op.path("operationId").asText("");
        if (id.isEmpty()) {
            out.add(where + ": no operationId");
        } else if (!ids.add(id)) {
            out.add(where + ": operationId " + id + " is used twice");
        }
        if (op.has("requestBody") && !hasSchema(op.path("requestBody").path("content"))) {
            out.add(where + ": request body without a schema");
        }
        JsonNode responses = op.path("responses");
        boolean success = false;
        for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
            success |= codes.next().startsWith("2");
        }
        if (!success) {
            out.add(where + ": no success response (an @APIResponse for a refusal hides the default one: state the 2xx too)");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            String code = response.getKey();
            JsonNode content = response.getValue().path("content");
            if (code.startsWith("4") || code.startsWith("5")) {
                JsonNode problem = content.path("application/problem+json").path("schema").path("$ref");
                if (!problem.asText().equals("#/components/schemas/Problem")) {
                    out.add(where + " " + code + ": not a Problem");
                }
            } else if (!code.equals("204") && !code.equals("304") && !hasSchema(content)) {
                out.add(where + " " + code + ": no response schema");
            }
            if (code.startsWith("2")) {
                for (Iterator<Map.Entry<String, JsonNode>> media = content.fields(); media.hasNext(); ) {
                    Map.Entry<String, JsonNode> m = media.next();
                    if (!m.getKey().contains("json")) {
                        continue;
                    }
                    JsonNode schema = resolve(m.getValue().path("schema"), schemas);
                    if (isArray(schema)) {
                        out.add(where + " " + code + ": answers a bare array; lists answer the list envelope (items, nextCursor, filters)");
                    } else if (schema.path("properties").has("nextCursor")) {
                        Set<String> params = new HashSet<>();
                        op.path("parameters").forEach(p -> params.add(p.path("in").asText() + ":" + p.path("name").asText()));
                        if (!params.contains("query:cursor") || !params.contains("query:limit")) {
                            out.add(where + ": a paged list without the cursor and limit query parameters");
                        }
                    }
                }
            }
        }
    }

    private static boolean isArray(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.asText().equals("array") || (type.isArray() && type.toString().contains("\"array\""));
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/components/schemas/") ? schemas.path(ref.substring("#/components/schemas/".length())) : schema;
    }

    private static boolean hasSchema(JsonNode content) {
        if (content.isMissingNode() || content.isEmpty()) {
            return false;
        }
        for (JsonNode media : content) {
            JsonNode schema = media.path("schema");
            if (schema.isMissingNode() || schema.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static void diff(String at, JsonNode committed, JsonNode generated, List<String> out) {
        if (out.size() > 40) {
            return;
        }
        if (committed.isObject() && generated.isObject()) {
            Set<String> names = new java.util.TreeSet<>();
            committed.fieldNames().forEachRemaining(names::add);
            generated.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String here = at + "/" + name;
                if (!committed.has(name)) {
                    out.add("  added   " + here);
                } else if (!generated.has(name)) {
                    out.add("  removed " + here);
                } else {
                    diff(here, committed.get(name), generated.get(name), out);
                }
            }
        } else if (!committed.equals(generated)) {
            out.add("  changed " + at + ": " + abbreviate(committed) + " -> " + abbreviate(generated));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
