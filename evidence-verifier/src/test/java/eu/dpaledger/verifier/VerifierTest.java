package eu.dpaledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verifier on bundles made by the rules of docs/EVIDENCE.md, intact and tampered with in each documented way. */
class VerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final KeyPair key = ed25519();

    @Test
    void an_intact_bundle_verifies_with_its_checkpoint_and_the_receipts_kept() throws Exception {
        ObjectNode bundle = bundle(4);
        sign(bundle, key, "k1", Instant.parse("2026-12-01T10:00:00Z"));
        Result r = run(bundle, receipts(bundle, 2, 4));
        assertEquals(0, r.exit, r.out);
        assertTrue(r.out.contains("VERIFIED"), r.out);
        assertTrue(r.out.contains("agrees with the receipt"), r.out);
        assertTrue(r.out.contains("signature valid, 1 head(s) match"), r.out);
    }

    @Test
    void one_changed_byte_in_a_payload_is_found() throws Exception {
        ObjectNode bundle = bundle(4);
        ((ObjectNode) events(bundle).get(1).get("payload")).put("place", "Opwijl");
        Result r = run(bundle);
        assertEquals(1, r.exit, r.out);
        assertTrue(r.out.contains("version 2") && r.out.contains("does not match its hash"), r.out);
    }

    @Test
    void two_reordered_events_and_a_dropped_one_are_found() throws Exception {
        ObjectNode reordered = bundle(4);
        JsonNode second = events(reordered).get(1);
        events(reordered).set(1, events(reordered).get(2));
        events(reordered).set(2, second);
        Result r = run(reordered);
        assertEquals(1, r.exit);
        assertTrue(r.out.contains("version 3 where 2 was expected"), r.out);

        ObjectNode dropped = bundle(4);
        events(dropped).remove(2);
        r = run(dropped);
        assertEquals(1, r.exit);
        assertTrue(r.out.contains("version 4 where 3 was expected"), r.out);
    }

    @Test
    void a_chain_recomputed_after_a_change_is_exposed_by_the_checkpoint_and_by_a_receipt() throws Exception {
        ObjectNode original = bundle(4);
        sign(original, key, "k1", Instant.parse("2026-12-01T10:00:00Z"));
        Path kept = receipts(original, 3, 4);
        ObjectNode rewritten = original.deepCopy();
        ((ObjectNode) events(rewritten).get(1).get("payload")).put("place", "Elsewhere");
        rechain(rewritten);
        Result r = run(rewritten, kept);
        assertEquals(1, r.exit, r.out);
        assertTrue(r.out.contains("the chain was rewritten after it was signed"), r.out);
        assertTrue(r.out.contains("does not agree with what was published then"), r.out);
        // The chain itself is consistent again: only the signature and the receipt show it.
        assertTrue(!r.out.contains("does not match its hash"), r.out);
    }

    @Test
    void a_checkpoint_by_an_unknown_or_rotated_out_key_is_reported() throws Exception {
        ObjectNode bundle = bundle(2);
        sign(bundle, ed25519(), "stranger", Instant.parse("2026-12-01T10:00:00Z"));
        ((ArrayNode) bundle.get("keys").get("keys")).removeAll();
        addKey(bundle, key, "k1", null);
        Result r = run(bundle);
        assertEquals(1, r.exit);
        assertTrue(r.out.contains("signed by an unknown key \"stranger\""), r.out);

        ObjectNode late = bundle(2);
        sign(late, key, "k1", Instant.parse("2026-12-01T10:00:00Z"));
        ((ObjectNode) late.get("keys").get("keys").get(0)).put("retiredAt", "2026-11-30T00:00:00Z");
        r = run(late);
        assertEquals(1, r.exit);
        assertTrue(r.out.contains("rotated out on 2026-11-30T00:00:00Z"), r.out);
    }

    @Test
    void keys_given_apart_from_the_bundle_expose_a_bundle_re_signed_by_its_maker() throws Exception {
        ObjectNode bundle = bundle(3);
        sign(bundle, key, "k1", Instant.parse("2026-12-01T10:00:00Z"));
        ObjectNode trusted = JSON.createObjectNode();
        trusted.set("keys", bundle.get("keys").get("keys").deepCopy());
        // The maker rewrites the chain and signs it again with a key of its own, which it puts in the bundle.
        ObjectNode forged = bundle.deepCopy();
        ((ObjectNode) events(forged).get(0).get("payload")).put("place", "Forged");
        rechain(forged);
        ((ArrayNode) forged.get("checkpoints")).removeAll();
        ((ArrayNode) forged.get("keys").get("keys")).removeAll();
        sign(forged, ed25519(), "k1", Instant.parse("2026-12-01T10:00:00Z"));
        assertEquals(0, run(forged).exit, "with its own keys, a forged bundle looks intact: hence --keys");
        Path keys = dir.resolve("jwks.json");
        Files.writeString(keys, trusted.toString());
        Result r = run(List.of("--keys", keys.toString()), forged);
        assertEquals(1, r.exit, r.out);
        assertTrue(r.out.contains("signature does not verify"), r.out);
    }

    @Test
    void malformed_input_gets_a_message_naming_what_is_wrong_never_a_stack_trace() throws Exception {
        ObjectNode bundle = bundle(2);
        ((ObjectNode) events(bundle).get(1)).put("version", "two");
        Result r = run(bundle);
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("streams[0].events[1].version: must be an integer"), r.err);
        assertTrue(!r.err.contains("\tat "), r.err);

        Path notJson = dir.resolve("broken.json");
        Files.writeString(notJson, "{\"format\": ");
        r = run(List.of(notJson.toString()), null);
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("not JSON"), r.err);

        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"hello\": 1}");
        r = run(List.of(other.toString()), null);
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("not an evidence bundle"), r.err);

        Path receipts = dir.resolve("receipts.json");
        Files.writeString(receipts, "[{\"streamId\": \"x\"}]");
        r = run(List.of(receipts.toString()), bundle(1));
        assertEquals(2, r.exit);
        assertTrue(r.err.contains("needs streamId (string), streamVersion (integer) and hash (string)"), r.err);
        assertEquals(2, Main.run(new String[0], new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())));
    }

    // --- bundles by the documented rules

    private ObjectNode bundle(int events) {
        ObjectNode bundle = JSON.createObjectNode().put("format", Verifier.FORMAT).put("formatVersion", 1).put("service", "agreement-service");
        ObjectNode stream = bundle.putArray("streams").addObject().put("streamId", "a-1").put("streamType", "agreement");
        ArrayNode list = stream.putArray("events");
        for (int v = 1; v <= events; v++) {
            ObjectNode e = list.addObject().put("eventId", UUID.randomUUID().toString()).put("version", v)
                    .put("type", v == 1 ? "DraftCreated" : "AgreementSigned").put("schemaVersion", 1)
                    .put("occurredAt", Instant.parse("2026-12-01T09:00:00Z").plusSeconds(v).toString());
            e.putObject("payload").put("place", "Opwijk").put("signerName", "pd:1:" + UUID.randomUUID() + ":AAAA").put("score", 2.25);
            e.putObject("metadata").put("actorSubject", "dpo-opwijk").putArray("actorRoles").add("controller");
        }
        rechain(bundle);
        bundle.putArray("checkpoints");
        bundle.putObject("keys").putArray("keys");
        return bundle;
    }

    private static ArrayNode events(ObjectNode bundle) {
        return (ArrayNode) bundle.get("streams").get(0).get("events");
    }

    private static void rechain(ObjectNode bundle) {
        String previous = Verifier.GENESIS;
        for (JsonNode e : events(bundle)) {
            ((ObjectNode) e).put("previousHash", previous);
            try {
                previous = Verifier.recompute(e, "a-1", "agreement", "test");
            } catch (BundleException x) {
                throw new IllegalStateException(x);
            }
            ((ObjectNode) e).put("hash", previous);
        }
    }

    private static void sign(ObjectNode bundle, KeyPair pair, String kid, Instant at) throws Exception {
        ArrayNode events = events(bundle);
        JsonNode head = events.get(events.size() - 1);
        ObjectNode payload = JSON.createObjectNode().put("checkpointId", UUID.randomUUID().toString()).put("service", "agreement-service")
                .put("signedAt", at.toString());
        payload.putArray("heads").addObject().put("streamId", "a-1").put("streamType", "agreement")
                .put("version", head.get("version").asLong()).put("hash", head.get("hash").asText());
        String signingInput = b64("{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\"}") + "." + b64(payload.toString());
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(pair.getPrivate());
        s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        ((ArrayNode) bundle.get("checkpoints")).addObject().put("jws", signingInput + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign()));
        addKey(bundle, pair, kid, null);
    }

    private static void addKey(ObjectNode bundle, KeyPair pair, String kid, String retiredAt) {
        byte[] der = pair.getPublic().getEncoded();
        ObjectNode jwk = ((ArrayNode) bundle.get("keys").get("keys")).addObject().put("kty", "OKP").put("crv", "Ed25519")
                .put("kid", kid).put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(der, der.length - 32, der.length)));
        if (retiredAt != null) {
            jwk.put("retiredAt", retiredAt);
        }
    }

    private Path receipts(ObjectNode bundle, int... versions) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int v : versions) {
            JsonNode e = events(bundle).get(v - 1);
            lines.append(JSON.createObjectNode().put("streamId", "a-1").put("streamVersion", v).put("hash", e.get("hash").asText())).append('\n');
        }
        Path file = dir.resolve("receipts-" + UUID.randomUUID() + ".jsonl");
        Files.writeString(file, lines.toString());
        return file;
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Result(int exit, String out, String err) {
    }

    private Result run(ObjectNode bundle, Path... receipts) throws Exception {
        List<String> args = new java.util.ArrayList<>();
        for (Path p : receipts) {
            args.add(p.toString());
        }
        return run(args, bundle);
    }

    private Result run(List<String> args, ObjectNode bundle) throws Exception {
        List<String> all = new java.util.ArrayList<>(args);
        if (bundle != null) {
            Path file = dir.resolve("bundle-" + UUID.randomUUID() + ".json");
            Files.writeString(file, bundle.toString());
            int at = all.indexOf("--keys") >= 0 ? 2 : 0;
            all.add(at, file.toString());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
