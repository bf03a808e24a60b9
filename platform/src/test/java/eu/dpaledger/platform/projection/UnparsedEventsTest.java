package eu.dpaledger.platform.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import eu.dpaledger.platform.contracts.EventPayload;
import eu.dpaledger.platform.contracts.SubprocessorChangePublished;
import eu.dpaledger.platform.domain.TransferMechanism;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rebuild reads its prepared projections' contract records straight from the record's text (one JSON pass); the live
 * consumer reads the tree first. Both must accept and refuse the same records, and the projections of one event share
 * what was read.
 */
class UnparsedEventsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final String TYPE = SubprocessorChangePublished.TYPE_PREFIX + "ChangeAnnounced.v1";

    @Test
    void a_change_read_from_the_record_text_is_the_change_read_from_its_tree() throws Exception {
        String json = MAPPER.writeValueAsString(change());
        IncomingEvent unparsed = CloudEventRecords.parseUnparsed(MAPPER, SubprocessorChangePublished.TOPIC, json, headers());
        IncomingEvent parsed = CloudEventRecords.parse(MAPPER, SubprocessorChangePublished.TOPIC, json, headers());

        SubprocessorChangePublished fromText = SubprocessorChangePublished.of(unparsed);
        assertEquals(SubprocessorChangePublished.of(parsed), fromText);
        assertEquals("Cloudflare, Inc.", fromText.change().subprocessor().name());
        assertEquals(Instant.parse("2026-12-04T09:00:00Z"), fromText.change().objectionWindowEndsAt());
        // A second projection of the same event gets what the first read, and the payload comes with it.
        assertSame(fromText, SubprocessorChangePublished.of(unparsed));
        assertEquals("ADD", unparsed.alreadyRead(EventPayload.class).orElseThrow().event().path("kind").asText());
        // The tree is still there for a projection that asks for it.
        assertEquals(3, unparsed.data().path("streamVersion").asLong());
    }

    @Test
    void a_change_without_its_stream_version_is_refused_read_either_way() throws Exception {
        ObjectNode data = MAPPER.valueToTree(change());
        data.remove("streamVersion");
        String json = data.toString();
        IncomingEvent unparsed = CloudEventRecords.parseUnparsed(MAPPER, SubprocessorChangePublished.TOPIC, json, headers());
        IncomingEvent parsed = CloudEventRecords.parse(MAPPER, SubprocessorChangePublished.TOPIC, json, headers());
        assertThrows(IllegalArgumentException.class, () -> SubprocessorChangePublished.of(unparsed));
        assertThrows(IllegalArgumentException.class, () -> SubprocessorChangePublished.of(parsed));
    }

    @Test
    void data_that_is_not_a_json_object_is_refused_when_it_is_read() {
        IncomingEvent unparsed = CloudEventRecords.parseUnparsed(MAPPER, SubprocessorChangePublished.TOPIC, "[1, 2", headers());
        assertThrows(IllegalArgumentException.class, () -> SubprocessorChangePublished.of(unparsed));
        PoisonMessageException poison = assertThrows(PoisonMessageException.class, unparsed::data);
        assertTrue(poison.getMessage().startsWith("data is not JSON"), poison.getMessage());
        assertFalse(unparsed.alreadyRead(SubprocessorChangePublished.class).isPresent());
        // The live consumer refuses it on arrival (the dead-letter topic), as before.
        assertThrows(PoisonMessageException.class,
                () -> CloudEventRecords.parse(MAPPER, SubprocessorChangePublished.TOPIC, "[1, 2", headers()));
    }

    private static Map<String, String> headers() {
        return Map.of("ce_id", UUID.nameUUIDFromBytes("change-3".getBytes()).toString(), "ce_type", TYPE,
                "ce_source", "/subprocessor-service", "ce_subject", "change-1", "ce_time", "2026-11-20T09:00:00Z");
    }

    private static SubprocessorChangePublished change() {
        ObjectNode payload = MAPPER.createObjectNode().put("kind", "ADD").put("at", "2026-11-20T09:00:00Z");
        SubprocessorChangePublished.Summary summary = new SubprocessorChangePublished.Summary("0207451227", "0428304785",
                "Europe/Brussels", "ADD", new SubprocessorChangePublished.Subprocessor("Cloudflare, Inc.", "San Francisco", "US",
                TransferMechanism.ADEQUACY_DECISION), null, LocalDate.parse("2027-01-18"), "ANNOUNCED",
                Instant.parse("2026-11-20T09:00:00Z"), Instant.parse("2026-12-04T09:00:00Z"), false, null, null, false, false,
                null, null, "announcement-1");
        return new SubprocessorChangePublished("change-1", "agreement-1", 3, payload, summary);
    }
}
