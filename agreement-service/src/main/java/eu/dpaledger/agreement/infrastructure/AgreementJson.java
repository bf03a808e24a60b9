package eu.dpaledger.agreement.infrastructure;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import eu.dpaledger.agreement.domain.content.ProcessingLocation;
import eu.dpaledger.platform.domain.TransferMechanism;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * JSON shapes of the agreement API beyond plain records: a processing location may be given as its
 * ISO country code ({@code "BE"}) or as {@code {"country": "US", "transferMechanism": "APPROPRIATE_SAFEGUARDS"}}.
 */
@Singleton
public class AgreementJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("agreement").addDeserializer(ProcessingLocation.class, new LocationReader()));
    }

    static final class LocationReader extends StdDeserializer<ProcessingLocation> {

        LocationReader() {
            super(ProcessingLocation.class);
        }

        @Override
        public ProcessingLocation deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return new ProcessingLocation(p.getText(), null);
            }
            if (p.currentToken() != JsonToken.START_OBJECT) {
                return (ProcessingLocation) ctx.handleUnexpectedToken(ProcessingLocation.class, p);
            }
            String country = null;
            TransferMechanism mechanism = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "country" -> country = read(p, ctx, String.class, field);
                    case "transferMechanism" -> mechanism = read(p, ctx, TransferMechanism.class, field);
                    default -> ctx.handleUnknownProperty(p, this, ProcessingLocation.class, field);
                }
            }
            return new ProcessingLocation(country, mechanism);
        }

        // Keeps the field in the error path, so the 400 problem names processingLocations[i].<field>.
        private static <T> T read(JsonParser p, DeserializationContext ctx, Class<T> type, String field) throws IOException {
            try {
                return ctx.readValue(p, type);
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, ProcessingLocation.class, field);
            }
        }
    }
}
