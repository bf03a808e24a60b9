package eu.dpaledger.platform.contracts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import eu.dpaledger.platform.json.UtcInstants;
import eu.dpaledger.platform.projection.IncomingEvent;

/**
 * Reading a published record into its contract type, the same way for every consumer: fields the
 * consumer does not know are ignored (producers may add fields within a schema version), a record that
 * does not fit the type is refused (the projection runner sends it to the dead-letter topic).
 */
public final class PublishedContracts {

    private static final ObjectMapper READER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(UtcInstants.module()) // the instants producers write, without a formatter; others as before
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    private PublishedContracts() {
    }

    /** The record's data as the contract type, or {@link IllegalArgumentException} when it does not fit. */
    public static <T> T read(JsonNode data, Class<T> contract) {
        try {
            return READER.treeToValue(data, contract);
        } catch (Exception e) {
            throw refused(contract, e);
        }
    }

    /**
     * The event's data as the contract type, read once per event (the projections of one event share it) and, for an
     * event whose data is still text, in one JSON pass; {@link IllegalArgumentException} when it does not fit.
     */
    public static <T> T read(IncomingEvent event, Class<T> contract) {
        return event.dataAs(contract, data -> read(data, contract), text -> {
            try {
                return READER.readValue(text, contract);
            } catch (Exception e) {
                throw refused(contract, e);
            }
        });
    }

    /** The refusal of a record that does not fit {@code contract}, the same from a tree and from text. */
    private static IllegalArgumentException refused(Class<?> contract, Exception e) {
        return new IllegalArgumentException("not a " + contract.getSimpleName() + ": " + e.getMessage(), e);
    }
}
