package eu.dpaledger.agreement.infrastructure;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import eu.dpaledger.agreement.domain.ProcessingLocation;
import eu.dpaledger.agreement.domain.TransferMechanism;
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
                    case "country" -> country = ctx.readValue(p, String.class);
                    case "transferMechanism" -> mechanism = ctx.readValue(p, TransferMechanism.class);
                    default -> ctx.handleUnknownProperty(p, this, ProcessingLocation.class, field);
                }
            }
            return new ProcessingLocation(country, mechanism);
        }
    }
}
