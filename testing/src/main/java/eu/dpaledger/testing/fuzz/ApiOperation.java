package eu.dpaledger.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One operation of a service's OpenAPI document, reduced to what the fuzzer varies: its path, query and
 * header parameters, and a valid JSON body to start from (the document's example, else one built from the
 * schema).
 */
record ApiOperation(String method, String template, List<String> pathParams, Map<String, Schema<?>> queryParams,
                    Set<String> headerParams, Schema<?> bodySchema, JsonNode baseBody, String bodySource) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    String key() {
        return method + " " + template;
    }

    boolean hasJsonBody() {
        return baseBody != null;
    }

    /** The path up to and including {@code {param}}: the key under which real ids for it are registered. */
    String prefixOf(String param) {
        String marker = "{" + param + "}";
        int at = template.indexOf(marker);
        return at < 0 ? template : template.substring(0, at + marker.length());
    }

    ApiOperation withBody(JsonNode body, String source) {
        return new ApiOperation(method, template, pathParams, queryParams, headerParams, bodySchema, body, source);
    }

    /** Every operation of the document, in document order. */
    static List<ApiOperation> parse(String openApiJson) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(openApiJson, null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null || api.getPaths() == null) {
            throw new IllegalStateException("not an OpenAPI document: " + result.getMessages());
        }
        List<ApiOperation> out = new ArrayList<>();
        api.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, op) ->
                out.add(of(method, template, item, op))));
        // An operation without an example borrows one from an operation with the same body schema (edit = create).
        for (int i = 0; i < out.size(); i++) {
            ApiOperation op = out.get(i);
            if ("built from the schema".equals(op.bodySource())) {
                for (ApiOperation other : out) {
                    if ("example".equals(other.bodySource()) && other.bodySchema().equals(op.bodySchema())) {
                        out.set(i, op.withBody(other.baseBody().deepCopy(), "the example of " + other.key()));
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static ApiOperation of(PathItem.HttpMethod method, String template, PathItem item, Operation op) {
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (op.getParameters() != null) {
            parameters.addAll(op.getParameters());
        }
        List<String> path = new ArrayList<>();
        Map<String, Schema<?>> query = new LinkedHashMap<>();
        Set<String> headers = new LinkedHashSet<>();
        for (Parameter p : parameters) {
            switch (p.getIn()) {
                case "path" -> path.add(p.getName());
                case "query" -> query.put(p.getName(), p.getSchema());
                case "header" -> headers.add(p.getName());
                default -> { }
            }
        }
        Schema<?> bodySchema = null;
        JsonNode base = null;
        String source = null;
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
            MediaType json = op.getRequestBody().getContent().get("application/json");
            if (json != null) {
                bodySchema = json.getSchema();
                base = example(json);
                source = "example";
                if (base == null) {
                    base = synthesize(bodySchema, 0);
                    source = "built from the schema";
                }
            }
        }
        return new ApiOperation(method.name(), template, path, query, headers, bodySchema, base, source);
    }

    private static JsonNode example(MediaType media) {
        Object example = media.getExample();
        if (example == null && media.getExamples() != null) {
            example = media.getExamples().values().stream().map(Example::getValue).filter(v -> v != null).findFirst().orElse(null);
        }
        if (example == null && media.getSchema() != null) {
            example = schemaExample(media.getSchema());
        }
        return toJson(example);
    }

    private static JsonNode toJson(Object example) {
        if (example == null) {
            return null;
        }
        JsonNode node = JSON.valueToTree(example);
        if (node.isTextual()) {
            try {
                JsonNode parsed = JSON.readTree(node.asText());
                if (parsed != null && parsed.isContainerNode()) {
                    return parsed;
                }
            } catch (Exception notJson) {
                return node;
            }
        }
        return node;
    }

    /** A valid-looking value for the schema: its example, its first enum constant, or one per type and format. */
    static JsonNode synthesize(Schema<?> schema, int depth) {
        if (schema == null || depth > 8) {
            return NODES.textNode("fuzz");
        }
        JsonNode example = toJson(schemaExample(schema));
        if (example != null) {
            return example;
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return JSON.valueToTree(schema.getEnum().get(0));
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return synthesize(schema.getAllOf().get(0), depth + 1);
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return synthesize(schema.getOneOf().get(0), depth + 1);
        }
        if (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty()) {
            return synthesize(schema.getAnyOf().get(0), depth + 1);
        }
        String type = type(schema);
        String format = schema.getFormat();
        switch (type) {
            case "object" -> {
                ObjectNode node = NODES.objectNode();
                if (schema.getProperties() != null) {
                    schema.getProperties().forEach((name, property) -> node.set(name, synthesize(property, depth + 1)));
                }
                return node;
            }
            case "array" -> {
                ArrayNode node = NODES.arrayNode();
                node.add(synthesize(schema.getItems(), depth + 1));
                return node;
            }
            case "integer" -> {
                return NODES.numberNode(1);
            }
            case "number" -> {
                return NODES.numberNode(1.0);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                LocalDate soon = LocalDate.now(ZoneOffset.UTC).plusDays(30);
                if ("date-time".equals(format)) {
                    return NODES.textNode(soon.atStartOfDay().toInstant(ZoneOffset.UTC).toString());
                }
                if ("date".equals(format)) {
                    return NODES.textNode(soon.toString());
                }
                if ("uuid".equals(format)) {
                    return NODES.textNode(UUID.randomUUID().toString());
                }
                return NODES.textNode("fuzz");
            }
        }
    }

    /** The schema's example: {@code example}, or in OpenAPI 3.1 the first of {@code examples}. */
    private static Object schemaExample(Schema<?> schema) {
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        return schema.getExamples() == null || schema.getExamples().isEmpty() ? null : schema.getExamples().get(0);
    }

    /** The schema's single non-null type; OpenAPI 3.1 lists types (with "null" for nullable). */
    static String type(Schema<?> schema) {
        if (schema == null) {
            return "";
        }
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null) {
            for (Object t : schema.getTypes()) {
                if (!"null".equals(t)) {
                    return String.valueOf(t);
                }
            }
        }
        if (schema.getProperties() != null) {
            return "object";
        }
        if (schema.getItems() != null) {
            return "array";
        }
        return "";
    }

    /** The schema of the value at {@code path} (field names and array indexes) below {@code root}, or null. */
    static Schema<?> schemaAt(Schema<?> root, List<Object> path) {
        Schema<?> current = root;
        for (Object step : path) {
            if (current == null) {
                return null;
            }
            current = unwrap(current);
            if (step instanceof Integer) {
                current = current.getItems();
            } else {
                current = current.getProperties() == null ? null : current.getProperties().get((String) step);
            }
        }
        return current == null ? null : unwrap(current);
    }

    private static Schema<?> unwrap(Schema<?> schema) {
        if (schema.getAllOf() != null && schema.getAllOf().size() == 1) {
            return schema.getAllOf().get(0);
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty() && schema.getProperties() == null) {
            return schema.getOneOf().stream().filter(s -> !"null".equals(type(s))).findFirst().orElse(schema);
        }
        if (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty() && schema.getProperties() == null) {
            return schema.getAnyOf().stream().filter(s -> !"null".equals(type(s))).findFirst().orElse(schema);
        }
        return schema;
    }
}
