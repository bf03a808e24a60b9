package eu.dpaledger.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * {@code contracts/<ce type>.schema.json} on the classpath (one file per event type).
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
            // Draft 2020-12 treats "format" as an annotation by default; contracts enforce it.
            return FACTORY.getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
