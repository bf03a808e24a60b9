package eu.dpaledger.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Validates an emitted event against its published contract: the JSON Schema
 * {@code contracts/<ce type>.schema.json} on the classpath (one file per event type), read CLOSED. The
 * published schemas are open (a consumer accepts fields added within a {@code .vN}, docs/EVENTS.md); the
 * producer's own tests close every object schema that lists its properties ({@code additionalProperties:
 * false}), so a field the producer emits without documenting it fails its contract test.
 */
public final class Contracts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private Contracts() {
    }

    /** Violations of {@code data} against the schema of {@code ceType}; an unknown type is itself a violation. */
    public static Set<String> violations(String ceType, String data) {
        JsonSchema schema = CACHE.computeIfAbsent(ceType, Contracts::load);
        if (schema == null) {
            return Set.of("no published contract for type " + ceType);
        }
        try {
            JsonNode node = JSON.readTree(data);
            return schema.validate(node).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of("not JSON: " + e.getMessage());
        }
    }

    private static JsonSchema load(String ceType) {
        InputStream in = Contracts.class.getClassLoader().getResourceAsStream("contracts/" + ceType + ".schema.json");
        if (in == null) {
            return null;
        }
        try (in) {
            JsonNode schema = JSON.readTree(in);
            closed(schema);
            // Draft 2020-12 treats "format" as an annotation by default; contracts enforce it.
            return FACTORY.getSchema(schema, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every {@code "type": "object"} schema with {@code properties} and no {@code additionalProperties} is closed. */
    private static void closed(JsonNode node) {
        if (node instanceof ObjectNode object && "object".equals(object.path("type").asText())
                && object.has("properties") && !object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        node.forEach(Contracts::closed);
    }
}
