package eu.dpaledger.agreement.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.platform.eventstore.HashChain;
import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.TopicReader;
import eu.dpaledger.verifier.Main;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.dpaledger.agreement.api.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Evidence that stands without trusting the operator (docs/EVIDENCE.md): an agreement's bundle, checked with the offline
 * verifier against the service's public keys and the receipts a party kept from Kafka, detects a changed payload and a
 * recomputed chain, and still verifies after a person in it was erased.
 */
@QuarkusTest
class EvidenceBundleTest {

    @Test
    void a_party_exports_the_bundle_and_it_verifies_offline_with_the_keys_and_its_receipts() throws Exception {
        String id = createDraft();
        sign(controllerToken(), id, 1).statusCode(200);
        // The signature answers with the chain head it was recorded at: the processor's receipt of its own signature.
        String signedAt = sign(processorToken(), id, 2).statusCode(200).header("ETag", "\"4\"").extract().path("chainHash");
        ObjectNode bundle = bundle(controllerToken(), id);
        assertEquals(signedAt, bundle.at("/streams/0/events/3/hash").asText());
        assertEquals("dpa-ledger-evidence-bundle", bundle.get("format").asText());
        assertEquals(4, bundle.at("/streams/0/events").size());
        assertTrue(bundle.get("checkpoints").size() >= 1, "the head was signed on export: " + bundle.get("checkpoints"));

        // What the controller's consumer kept of each record on dpa.agreements: subject, streamversion, chainhash.
        List<TopicReader.Received> records = awaitRecords(id, 4);
        for (TopicReader.Received r : records) {
            assertTrue(r.header("ce_chainhash") != null && r.header("ce_streamversion") != null, "receipt headers: " + r.headers());
        }
        Run run = verify(bundle, receipts(records));
        assertEquals(0, run.exit, run.out + run.err);
        assertTrue(run.out.contains("agrees with the receipt") && run.out.contains("signature valid"), run.out);

        // The export is recorded: who, which stream, which head.
        String exportId = bundle.get("exportId").asText();
        TopicReader.Received export = await().atMost(Duration.ofSeconds(15)).until(
                () -> TopicReader.readAll("dpa.agreements", r -> ("export-" + exportId).equals(r.key())), l -> !l.isEmpty()).get(0);
        assertEquals("eu.dpaledger.evidenceexport.EvidenceBundleExported.v1", export.ceType());
        assertTrue(export.value().contains(id) && export.value().contains(Tokens.OPWIJK), export.value());

        // Nobody else gets it.
        given().auth().oauth2(Tokens.controller(Tokens.VOORBEELD)).get("/agreements/{id}/evidence-bundle", id).then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).get("/agreements/{id}/evidence-bundle", id).then().statusCode(403);
    }

    @Test
    void a_changed_byte_and_a_recomputed_chain_are_each_found() throws Exception {
        String id = activeAgreement();
        ObjectNode bundle = bundle(processorToken(), id);
        List<String> receipts = receipts(awaitRecords(id, 4));

        ObjectNode changed = bundle.deepCopy();
        ((ObjectNode) changed.at("/streams/0/events/1/payload")).put("place", "Opwijl");
        Run run = verify(changed, List.of());
        assertEquals(1, run.exit, run.out);
        assertTrue(run.out.contains("version 2") && run.out.contains("does not match its hash"), run.out);

        // The operator changes the place and recomputes every hash after it: the chain is consistent again,
        // but the signed checkpoint and the party's receipts still say what was recorded.
        ObjectNode rewritten = bundle.deepCopy();
        ((ObjectNode) rewritten.at("/streams/0/events/1/payload")).put("place", "Elsewhere");
        String previous = HashChain.GENESIS;
        for (JsonNode e : (ArrayNode) rewritten.at("/streams/0/events")) {
            String hash = HashChain.hash(UUID.fromString(e.get("eventId").asText()), id, "agreement", e.get("version").asLong(),
                    e.get("type").asText(), e.get("schemaVersion").asInt(), e.get("payload"), e.get("metadata"),
                    Instant.parse(e.get("occurredAt").asText()), previous);
            ((ObjectNode) e).put("previousHash", previous).put("hash", hash);
            previous = hash;
        }
        run = verify(rewritten, List.of());
        assertEquals(1, run.exit, run.out);
        assertTrue(run.out.contains("the chain was rewritten after it was signed") && !run.out.contains("does not match its hash"), run.out);
        run = verify(rewritten, receipts);
        assertTrue(run.out.contains("does not agree with what was published then"), run.out);
    }

    @Test
    void the_bundle_still_verifies_after_a_person_in_it_was_erased_and_after_a_key_rotation() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ObjectNode body = seed();
        ((ObjectNode) body.get("controller").get("representative")).put("name", "Jan Voorbeeld " + suffix);
        String id = createDraft(controllerToken(), body);
        post(controllerToken(), "/agreements/{id}/signatures", 1, Map.of("signerName", "Jan Voorbeeld " + suffix,
                "signerTitle", "directeur", "place", "Opwijk"), id).statusCode(200);
        sign(processorToken(), id, 2).statusCode(200);
        bundle(controllerToken(), id);

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("subject", "Jan Voorbeeld " + suffix,
                "reason", "Left the municipality", "legalGround", "GDPR art. 17(1)(a)")).post("/admin/personal-data/erasures").then().statusCode(201);
        String oldKid = given().get("/.well-known/jwks.json").then().statusCode(200).extract().path("keys.find { it.retiredAt == null }.kid");
        String newKid = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).post("/admin/signing-keys/rotation").then()
                .statusCode(200).extract().path("kid");
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.find { it.kid == '" + oldKid + "' }.retiredAt", notNullValue())
                .body("keys.find { it.kid == '" + newKid + "' }.retiredAt", nullValue());
        post(controllerToken(), "/agreements/{id}/termination", 4, Map.of("ground", "ASSIGNMENT_ENDED",
                "effectiveAt", now().minusSeconds(60).toString()), id).statusCode(200);

        ObjectNode bundle = bundle(controllerToken(), id);
        assertTrue(bundle.toString().contains("erased on ") || !bundle.toString().contains("Jan Voorbeeld " + suffix),
                "the bundle holds tokens, never the erased value");
        Run run = verify(bundle, List.of());
        assertEquals(0, run.exit, run.out + run.err);
        assertTrue(run.out.contains("key " + oldKid) && run.out.contains("key " + newKid), "both keys' checkpoints: " + run.out);
    }

    // --- helpers

    private static ObjectNode bundle(String token, String id) throws Exception {
        String text = given().auth().oauth2(token).get("/agreements/{id}/evidence-bundle", id).then().statusCode(200)
                .header("Content-Disposition", containsString("agreement-" + id + "-evidence.json"))
                .extract().asString();
        return (ObjectNode) JSON.readTree(text);
    }

    private static List<TopicReader.Received> awaitRecords(String id, int count) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> TopicReader.readAll("dpa.agreements", r -> id.equals(r.key())),
                l -> l.size() >= count);
    }

    private static List<String> receipts(List<TopicReader.Received> records) {
        List<String> out = new ArrayList<>();
        for (TopicReader.Received r : records) {
            out.add(JSON.createObjectNode().put("streamId", r.header("ce_subject"))
                    .put("streamVersion", Long.parseLong(r.header("ce_streamversion"))).put("hash", r.header("ce_chainhash")).toString());
        }
        return out;
    }

    private record Run(int exit, String out, String err) {
    }

    /** The offline verifier, given the service's JWKS as fetched by a party (not the bundle's own keys). */
    private static Run verify(ObjectNode bundle, List<String> receipts) throws Exception {
        Path dir = Files.createTempDirectory("bundle");
        Path file = dir.resolve("bundle.json");
        Files.writeString(file, bundle.toString());
        Path keys = dir.resolve("jwks.json");
        Files.writeString(keys, given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString());
        List<String> args = new ArrayList<>(List.of("--keys", keys.toString(), file.toString()));
        if (!receipts.isEmpty()) {
            Path r = dir.resolve("receipts.jsonl");
            Files.writeString(r, String.join("\n", receipts));
            args.add(r.toString());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
