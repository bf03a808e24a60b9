package eu.dpaledger.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.json.CanonicalJson;

/** Digest of a command request (method, path, canonical body) to tell an idempotent retry from a reused key. */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String of(ObjectMapper mapper, String method, String path, Object body) {
        String canonicalBody = body == null ? "" : CanonicalJson.write(mapper.valueToTree(body));
        return CanonicalJson.sha256Hex(method + " " + path + "\n" + canonicalBody);
    }
}
