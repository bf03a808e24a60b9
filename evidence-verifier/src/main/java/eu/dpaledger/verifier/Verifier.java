package eu.dpaledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an evidence bundle (docs/EVIDENCE.md) without the system that made it: every event hash re-computed from the
 * canonical JSON, every chain link, every checkpoint signature against the keys, every checkpoint head against the
 * events, and the receipts a party kept against the events.
 */
final class Verifier {

    static final String FORMAT = "dpa-ledger-evidence-bundle";
    static final String GENESIS = "0".repeat(64);
    /** The DER prefix of an Ed25519 public key (SubjectPublicKeyInfo, RFC 8410) before its 32 raw bytes. */
    private static final byte[] ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A head a party kept: the stream's hash after the event of that version (a CloudEvent's chainhash and streamversion). */
    record Receipt(String source, String streamId, long version, String hash) {
    }

    /** The outcome: what was checked, and every problem found (none: the bundle verifies). */
    record Report(List<String> checked, List<String> problems, List<String> notes) {

        boolean verified() {
            return problems.isEmpty();
        }
    }

    private record Key(PublicKey key, Instant retiredAt) {
    }

    private Verifier() {
    }

    /**
     * Verifies {@code bundle}; {@code trustedKeys} (a JWKS), when given, replaces the keys the bundle carries, so the
     * operator who made the bundle cannot also choose the keys it is checked with.
     */
    static Report verify(JsonNode bundle, JsonNode trustedKeys, List<Receipt> receipts) throws BundleException {
        List<String> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (!bundle.isObject() || !FORMAT.equals(bundle.path("format").asText(null))) {
            throw new BundleException("not an evidence bundle: \"format\" must be \"" + FORMAT + "\"");
        }
        if (bundle.path("formatVersion").asInt(-1) != 1) {
            throw new BundleException("formatVersion " + bundle.path("formatVersion") + " is not one this verifier knows (1)");
        }
        // streamId -> version -> hash, from the events as they are in the bundle
        Map<String, Map<Long, String>> hashes = new LinkedHashMap<>();
        JsonNode streams = array(bundle, "streams", "");
        for (int s = 0; s < streams.size(); s++) {
            JsonNode stream = streams.get(s);
            String where = "streams[" + s + "]";
            String streamId = text(stream, "streamId", where);
            String streamType = text(stream, "streamType", where);
            JsonNode events = array(stream, "events", where);
            Map<Long, String> byVersion = new HashMap<>();
            hashes.put(streamId, byVersion);
            String previous = GENESIS;
            long expected = 1;
            boolean broken = false;
            for (int i = 0; i < events.size(); i++) {
                JsonNode e = events.get(i);
                String at = where + ".events[" + i + "]";
                long version = number(e, "version", at);
                String hash = text(e, "hash", at);
                String previousHash = text(e, "previousHash", at);
                byVersion.put(version, hash);
                if (broken) {
                    continue;
                }
                String event = "stream " + streamId + " version " + version + " (event " + e.path("eventId").asText("?") + ")";
                if (version != expected) {
                    problems.add(event + ": version " + version + " where " + expected + " was expected: an event is missing or out of order");
                    broken = true;
                } else if (!previousHash.equals(previous)) {
                    problems.add(event + ": its previousHash does not link to the hash of the event before it");
                    broken = true;
                } else if (!recompute(e, streamId, streamType, at).equals(hash)) {
                    problems.add(event + ": its content does not match its hash (changed after it was recorded)");
                    broken = true;
                }
                previous = hash;
                expected++;
            }
            if (!broken) {
                checked.add("stream " + streamId + " (" + streamType + "): " + events.size() + " events, every hash and link re-computed");
            }
        }

        Map<String, Key> keys = keys(trustedKeys != null ? trustedKeys : bundle.path("keys"), trustedKeys != null ? "the trusted keys" : "keys");
        if (trustedKeys == null) {
            notes.add("The checkpoint keys were taken from the bundle itself: compare their ids and values with the service's "
                    + "/.well-known/jwks.json you obtained independently, or pass it with --keys.");
        }
        Map<String, Long> covered = new HashMap<>();
        JsonNode checkpoints = bundle.path("checkpoints");
        if (!checkpoints.isMissingNode() && !checkpoints.isArray()) {
            throw new BundleException("checkpoints: must be an array");
        }
        for (int c = 0; c < checkpoints.size(); c++) {
            String where = "checkpoints[" + c + "]";
            String jws = text(checkpoints.get(c), "jws", where);
            checkCheckpoint(jws, where, keys, hashes, covered, checked, problems);
        }
        for (Map.Entry<String, Map<Long, String>> s : hashes.entrySet()) {
            long head = s.getValue().keySet().stream().mapToLong(Long::longValue).max().orElse(0);
            Long signed = covered.get(s.getKey());
            if (signed == null) {
                notes.add("stream " + s.getKey() + ": no signed checkpoint covers it; only a party's receipts can show it was not rewritten");
            } else if (signed < head) {
                notes.add("stream " + s.getKey() + ": signed up to version " + signed + " of " + head
                        + "; the later events rest on the chain and on receipts only");
            }
        }

        for (Receipt r : receipts) {
            Map<Long, String> stream = hashes.get(r.streamId());
            String which = r.source() + ": stream " + r.streamId() + " version " + r.version();
            if (stream == null) {
                continue; // a receipt of another stream than the bundle's
            }
            String hash = stream.get(r.version());
            if (hash == null) {
                problems.add(which + ": the bundle has no such event (dropped?)");
            } else if (!hash.equals(r.hash())) {
                problems.add(which + ": the receipt says hash " + r.hash() + ", the bundle " + hash
                        + ": the bundle does not agree with what was published then");
            } else {
                checked.add(which + ": agrees with the receipt");
            }
        }
        return new Report(checked, problems, notes);
    }

    /** The hash of one event as docs/EVIDENCE.md "Event hash" defines it. */
    static String recompute(JsonNode e, String streamId, String streamType, String where) throws BundleException {
        ObjectNode canonical = JsonNodeFactory.instance.objectNode();
        canonical.put("eventId", text(e, "eventId", where));
        canonical.put("streamId", streamId);
        canonical.put("streamType", streamType);
        canonical.put("version", number(e, "version", where));
        canonical.put("type", text(e, "type", where));
        canonical.put("schemaVersion", number(e, "schemaVersion", where));
        canonical.set("payload", present(e, "payload", where));
        canonical.set("metadata", present(e, "metadata", where));
        canonical.put("occurredAt", text(e, "occurredAt", where));
        return Canonical.sha256Hex(Canonical.write(canonical) + text(e, "previousHash", where));
    }

    private static void checkCheckpoint(String jws, String where, Map<String, Key> keys, Map<String, Map<Long, String>> hashes,
                                        Map<String, Long> covered, List<String> checked, List<String> problems) throws BundleException {
        String[] parts = jws.split("\\.", -1);
        if (parts.length != 3) {
            throw new BundleException(where + ".jws: not a compact JWS (three base64url parts separated by dots)");
        }
        JsonNode header = decode(parts[0], where + ".jws header");
        JsonNode payload = decode(parts[1], where + ".jws payload");
        String kid = header.path("kid").asText("");
        String id = payload.path("checkpointId").asText("?");
        if (!"EdDSA".equals(header.path("alg").asText())) {
            problems.add("checkpoint " + id + ": algorithm " + header.path("alg") + " is not EdDSA (Ed25519)");
            return;
        }
        Key key = keys.get(kid);
        if (key == null) {
            problems.add("checkpoint " + id + ": signed by an unknown key \"" + kid + "\"");
            return;
        }
        Instant signedAt = instant(payload, "signedAt", "checkpoint " + id);
        if (key.retiredAt() != null && signedAt != null && signedAt.isAfter(key.retiredAt())) {
            problems.add("checkpoint " + id + ": signed on " + signedAt + " by key \"" + kid + "\", rotated out on " + key.retiredAt());
            return;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key.key());
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                problems.add("checkpoint " + id + ": its signature does not verify with key \"" + kid + "\"");
                return;
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            problems.add("checkpoint " + id + ": its signature cannot be checked (" + e.getMessage() + ")");
            return;
        }
        int matched = 0;
        for (JsonNode head : payload.path("heads")) {
            String streamId = head.path("streamId").asText();
            Map<Long, String> stream = hashes.get(streamId);
            if (stream == null) {
                continue; // another stream of the service, not in this bundle
            }
            long version = head.path("version").asLong();
            String hash = stream.get(version);
            if (hash == null) {
                problems.add("checkpoint " + id + " signs stream " + streamId + " at version " + version + ", which the bundle lacks");
            } else if (!hash.equals(head.path("hash").asText())) {
                problems.add("checkpoint " + id + " signs stream " + streamId + " version " + version + " with hash "
                        + head.path("hash").asText() + ", the bundle has " + hash + ": the chain was rewritten after it was signed");
            } else {
                matched++;
                covered.merge(streamId, version, Math::max);
            }
        }
        checked.add("checkpoint " + id + " (key " + kid + ", " + signedAt + "): signature valid, " + matched + " head(s) match the bundle");
    }

    private static Map<String, Key> keys(JsonNode jwks, String where) throws BundleException {
        Map<String, Key> out = new HashMap<>();
        JsonNode list = jwks.path("keys");
        if (!list.isArray()) {
            throw new BundleException(where + ": a JWKS ({\"keys\": [...]}) is required");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode k = list.get(i);
            String at = where + ".keys[" + i + "]";
            if (!"OKP".equals(k.path("kty").asText()) || !"Ed25519".equals(k.path("crv").asText())) {
                continue; // a key of another kind: no checkpoint of ours is signed with it
            }
            byte[] raw;
            try {
                raw = Base64.getUrlDecoder().decode(text(k, "x", at));
            } catch (IllegalArgumentException e) {
                throw new BundleException(at + ".x: not base64url");
            }
            if (raw.length != 32) {
                throw new BundleException(at + ".x: an Ed25519 public key is 32 bytes, not " + raw.length);
            }
            byte[] der = new byte[ED25519_PREFIX.length + 32];
            System.arraycopy(ED25519_PREFIX, 0, der, 0, ED25519_PREFIX.length);
            System.arraycopy(raw, 0, der, ED25519_PREFIX.length, 32);
            try {
                out.put(text(k, "kid", at), new Key(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)),
                        k.hasNonNull("retiredAt") ? instant(k, "retiredAt", at) : null));
            } catch (GeneralSecurityException e) {
                throw new BundleException(at + ": not a usable Ed25519 key (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    private static JsonNode decode(String part, String where) throws BundleException {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (Exception e) {
            throw new BundleException(where + ": not base64url-encoded JSON");
        }
    }

    private static JsonNode array(JsonNode node, String field, String where) throws BundleException {
        JsonNode v = node.path(field);
        if (!v.isArray()) {
            throw new BundleException(join(where, field) + ": must be an array");
        }
        return v;
    }

    private static JsonNode present(JsonNode node, String field, String where) throws BundleException {
        if (!node.has(field)) {
            throw new BundleException(join(where, field) + ": missing");
        }
        return node.get(field);
    }

    private static String text(JsonNode node, String field, String where) throws BundleException {
        JsonNode v = node.path(field);
        if (!v.isTextual()) {
            throw new BundleException(join(where, field) + ": must be a string");
        }
        return v.asText();
    }

    private static long number(JsonNode node, String field, String where) throws BundleException {
        JsonNode v = node.path(field);
        if (!v.isIntegralNumber()) {
            throw new BundleException(join(where, field) + ": must be an integer");
        }
        return v.asLong();
    }

    private static Instant instant(JsonNode node, String field, String where) throws BundleException {
        try {
            return Instant.parse(text(node, field, where));
        } catch (DateTimeParseException e) {
            throw new BundleException(join(where, field) + ": not an ISO-8601 instant");
        }
    }

    private static String join(String where, String field) {
        return where.isEmpty() ? field : where + "." + field;
    }
}
