package eu.dpaledger.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.json.CanonicalJson;

/** Digest of a command request (method, path, canonical body) to tell an idempotent retry from a reused key. */
public final class Fingerprints {

    private Fingerprints() {
    }

    /**
     * The fingerprint of a POST, computed only when it carries an {@code Idempotency-Key} (canonicalising and
     * hashing the body is needed for nothing else); null without a key.
     */
    public static String forKey(ObjectMapper mapper, String idempotencyKey, String path, Object body) {
        return idempotencyKey == null ? null : of(mapper, "POST", path, body);
    }

    public static String of(ObjectMapper mapper, String method, String path, Object body) {
        String canonicalBody = body == null ? "" : CanonicalJson.write(mapper.valueToTree(body));
        return CanonicalJson.sha256Hex(method + " " + path + "\n" + canonicalBody);
    }
}
