package eu.dpaledger.platform.agreements;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.testing.AgreementEvents;
import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kernel's agreement directory against a real Kafka broker and PostgreSQL: what agreement-service
 * publishes on {@code dpa.agreements} (checked against its JSON Schemas) becomes {@link AgreementFacts}
 * in every other service; an older version never overwrites a newer one; a foreign organisation gets
 * the same 404 as an unknown agreement; a record that is not the contract goes to the dead-letter topic.
 */
@QuarkusTest
class AgreementDirectoryTest {

    private static final String DLQ = "dpa.dlq.kernel-test";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgreementDirectory directory;

    @Inject
    Pool pool;

    @Test
    void an_activated_agreement_becomes_facts_with_its_parties_settings_and_status() {
        String id = AgreementEvents.activated(Tokens.OPWIJK, Tokens.ESN, "VTC", "2026-03-02T09:00:00Z");

        AgreementFacts facts = awaitFacts(id, "ACTIVE");
        assertEquals(Tokens.OPWIJK, facts.controllerOrg());
        assertEquals(Tokens.ESN, facts.processorOrg());
        assertEquals("VTC", facts.supervisoryAuthority());
        assertEquals(ZoneId.of("Europe/Brussels"), facts.zone());
        assertEquals(30, facts.subprocessorObjectionDays());
        assertTrue(facts.isActive());
        assertTrue(facts.wasSigned());
    }

    @Test
    void a_later_version_wins_and_a_redelivered_older_one_changes_nothing() {
        String id = AgreementEvents.activated(Tokens.OPWIJK, Tokens.ESN, "GBA", "2026-03-02T09:00:00Z");
        AgreementEvents.terminated(id, Tokens.OPWIJK, Tokens.ESN, "GBA", "2026-06-01T09:00:00Z");
        awaitFacts(id, "TERMINATED");

        // The activation (version 4) arrives again after the termination (version 5): the row stays terminated.
        String redelivered = UUID.randomUUID().toString();
        ObjectNode data = JSON.createObjectNode().put("agreementId", id).put("streamVersion", 4);
        data.putObject("event").put("contentSha256", "b".repeat(64)).put("at", "2026-03-02T09:00:00Z");
        data.set("agreement", AgreementEvents.summary("ACTIVE", Tokens.OPWIJK, Tokens.ESN, "GBA"));
        TopicReader.write(AgreementEvents.TOPIC, id, data.toString(), Map.of("ce_specversion", "1.0", "ce_id", redelivered,
                "ce_type", AgreementEvents.ACTIVATED, "ce_source", "/test", "ce_subject", id, "ce_time", "2026-03-02T09:00:00Z"));
        await().atMost(Duration.ofSeconds(15)).until(() -> pool.preparedQuery(
                        "SELECT 1 FROM projection_applied_events WHERE projection = 'agreements' AND event_id = $1")
                .execute(Tuple.of(UUID.fromString(redelivered))).await().indefinitely().rowCount() == 1);
        AgreementFacts after = directory.find(id).await().indefinitely().orElseThrow();
        assertEquals("TERMINATED", after.status());
        assertFalse(after.isActive());
        assertTrue(after.wasSigned());
    }

    @Test
    void only_a_party_organisation_gets_the_facts_everyone_else_a_404_like_an_unknown_id() {
        String id = AgreementEvents.activated(Tokens.OPWIJK, Tokens.ESN, "GBA", "2026-03-02T09:00:00Z");
        awaitFacts(id, "ACTIVE");

        Caller processor = new Caller("esn-user", Tokens.ESN, Set.of(Caller.PROCESSOR));
        Caller stranger = new Caller("other", Tokens.VOORBEELD, Set.of(Caller.CONTROLLER));
        assertEquals(id, directory.forParty(processor, id).await().indefinitely().agreementId());
        DomainRejection foreign = assertThrows(DomainRejection.class, () -> directory.forParty(stranger, id).await().indefinitely());
        DomainRejection unknown = assertThrows(DomainRejection.class,
                () -> directory.forParty(processor, UUID.randomUUID().toString()).await().indefinitely());
        assertEquals(DomainRejection.Kind.NOT_FOUND, foreign.kind());
        assertEquals("not-found", foreign.rule());
        assertEquals(unknown.kind(), foreign.kind());
        assertEquals(unknown.getMessage(), foreign.getMessage());

        // Party in its role, always role AND organisation.
        AgreementFacts facts = directory.find(id).await().indefinitely().orElseThrow();
        assertTrue(facts.parties().processedBy(new Actor("esn-user", Tokens.ESN, Set.of(Actor.PROCESSOR))));
        assertFalse(facts.parties().controlledBy(new Actor("esn-user", Tokens.ESN, Set.of(Actor.CONTROLLER))));
        assertFalse(facts.parties().processedBy(new Actor("x", Tokens.VOORBEELD, Set.of(Actor.PROCESSOR))));
    }

    @Test
    void a_record_without_the_summary_goes_to_the_dead_letter_topic_and_leaves_no_row() {
        String id = UUID.randomUUID().toString();
        TopicReader.write(AgreementEvents.TOPIC, id, "{\"agreementId\":\"" + id + "\",\"streamVersion\":4,\"event\":{}}",
                Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type", AgreementEvents.ACTIVATED,
                        "ce_source", "/test", "ce_subject", id, "ce_time", "2026-03-02T09:00:00Z"));
        await().atMost(Duration.ofSeconds(15)).until(() -> !TopicReader.readAll(DLQ, r -> id.equals(r.key())).isEmpty());
        assertEquals(Optional.empty(), directory.find(id).await().indefinitely());
    }

    private AgreementFacts awaitFacts(String id, String status) {
        await().atMost(Duration.ofSeconds(15)).until(() -> directory.find(id).await().indefinitely()
                .filter(f -> f.status().equals(status)).isPresent());
        return directory.find(id).await().indefinitely().orElseThrow();
    }
}
