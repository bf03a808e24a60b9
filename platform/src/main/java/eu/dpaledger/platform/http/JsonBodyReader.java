package eu.dpaledger.platform.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.json.StrictJson;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * The one path every JSON request body takes, on every endpoint of every service (an application
 * provider, so it is preferred over the built-in Jackson reader): an empty body is "no body"; the
 * bytes are parsed with duplicate keys refused; every key and string is checked by {@link InputRules}
 * (characters PostgreSQL cannot store, length per field); the body's size is checked; only then is
 * the tree bound, strictly ({@code StrictJson}), to the endpoint's type. Whatever is refused is a
 * 4xx problem naming the field, before any command runs.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonBodyReader implements MessageBodyReader<Object> {

    @Inject
    ObjectMapper mapper;

    private volatile ObjectMapper requestMapper;

    @ConfigProperty(name = "dpa.http.max-body-bytes", defaultValue = "262144")
    int maxBodyBytes;

    @ConfigProperty(name = "dpa.http.max-text-length", defaultValue = "20000")
    int maxTextLength;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type != String.class && type != byte[].class && !InputStream.class.isAssignableFrom(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        byte[] bytes = entity.readAllBytes();
        if (isBlank(bytes)) {
            return null;
        }
        JsonNode tree;
        try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            try {
                tree = mapper.readTree(parser);
                if (parser.nextToken() != null) {
                    throw HttpProblem.badRequest("malformed-json", "Malformed JSON", "The body has content after its JSON value");
                }
            } catch (JsonParseException e) {
                String message = String.valueOf(e.getOriginalMessage());
                if (message.startsWith("Duplicate field '") && message.endsWith("'")) {
                    JsonStreamContext object = parser.getParsingContext();
                    String field = InputRules.join(object.getParent() == null ? "" : path(object.getParent()),
                            message.substring("Duplicate field '".length(), message.length() - 1));
                    throw InputRules.violation(400, "duplicate-key", "Duplicate key", field,
                            "appears more than once in the same object");
                }
                throw e;
            }
        }
        // Field by field first, so a body that is too large because of one field names that field.
        new InputRules(maxTextLength).checkTree(tree);
        if (bytes.length > maxBodyBytes) {
            throw new HttpProblem(413, "body-too-large", "Body too large",
                    "The body is " + bytes.length + " bytes; at most " + maxBodyBytes + " are accepted");
        }
        return requestMapper().readerFor(requestMapper().constructType(genericType)).readValue(tree);
    }

    private static String path(JsonStreamContext context) {
        String parent = context.getParent() == null ? "" : path(context.getParent());
        if (context.inObject() && context.getCurrentName() != null) {
            return InputRules.join(parent, context.getCurrentName());
        }
        if (context.inArray()) {
            return parent + "[" + Math.max(0, context.getCurrentIndex()) + "]";
        }
        return parent;
    }

    private ObjectMapper requestMapper() {
        ObjectMapper strict = requestMapper;
        if (strict == null) {
            strict = StrictJson.forRequests(mapper);
            requestMapper = strict;
        }
        return strict;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
