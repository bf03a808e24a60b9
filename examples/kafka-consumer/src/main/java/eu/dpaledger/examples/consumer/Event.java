package eu.dpaledger.examples.consumer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One dpa-ledger event read from Kafka: the CloudEvent attributes from the record's {@code ce_*} headers, its data
 * from the record's value, and where the record was.
 *
 * @param id            {@code ce_id}, unique per event: a record read twice has the same id
 * @param type          {@code ce_type}, e.g. {@code eu.dpaledger.breach.BreachReported.v1}
 * @param subject       {@code ce_subject}, the id of the stream the event belongs to (also the record key)
 * @param source        {@code ce_source}, the service that published it
 * @param time          {@code ce_time}, as sent (RFC 3339)
 * @param streamVersion {@code data.streamVersion}, the event's place in its stream; null when the data has none
 * @param correlationId {@code ce_correlationid}, the request that caused the event; may be null
 * @param data          the record's value, parsed
 * @param topic         the topic the record was read from
 * @param partition     its partition
 * @param offset        its offset
 */
public record Event(
        String id,
        String type,
        String subject,
        String source,
        String time,
        Long streamVersion,
        String correlationId,
        JsonNode data,
        String topic,
        int partition,
        long offset) {}
