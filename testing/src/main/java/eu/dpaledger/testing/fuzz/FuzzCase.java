package eu.dpaledger.testing.fuzz;

import java.util.HashMap;
import java.util.Map;

/**
 * One way of getting an operation's request wrong. What a case leaves unset the fuzzer fills in validly
 * when it sends it (a real resource id, the current ETag as If-Match, the operation's example body, the
 * caller's token), so that each case differs from a request that would succeed in one thing only.
 *
 * @param kind        short name of the mistake, for grouping failures ({@code string:nul}, {@code path-id:dot-dot})
 * @param detail      where it was made (the field path, parameter or header)
 * @param pathValues  path parameters to set (already percent-encoded); {@link #FOREIGN_ID} and
 *                    {@link #RANDOM_ID} stand for an id of another kind of resource and an unknown UUID
 * @param query       the raw query string, or null for none
 * @param headers     headers to set; a null value removes a header the fuzzer would add
 * @param body        the exact body bytes, or null for the operation's valid body
 * @param omitBody    send no body at all
 * @param contentType the Content-Type to send instead of {@code application/json} (null: the default)
 * @param role        the role to send it as, or null to rotate through the roles
 * @param first       a request sent just before this one with the same role and ids (idempotent replays)
 */
record FuzzCase(String kind, String detail, Map<String, String> pathValues, String query, Map<String, byte[]> headers,
                byte[] body, boolean omitBody, String contentType, String role, FuzzCase first) {

    static final String FOREIGN_ID = "\u0000foreign";
    static final String RANDOM_ID = "\u0000random";

    static FuzzCase body(String kind, String detail, byte[] body) {
        return new FuzzCase(kind, detail, Map.of(), null, Map.of(), body, false, null, null, null);
    }

    static FuzzCase path(String kind, String param, String value) {
        return new FuzzCase(kind, "{" + param + "}", Map.of(param, value), null, Map.of(), null, false, null, null, null);
    }

    static FuzzCase query(String kind, String detail, String query) {
        return new FuzzCase(kind, detail, Map.of(), query, Map.of(), null, false, null, null, null);
    }

    static FuzzCase header(String kind, String name, byte[] value) {
        HashMap<String, byte[]> headers = new HashMap<>();
        headers.put(name, value);
        return new FuzzCase(kind, name, Map.of(), null, headers, null, false, null, null, null);
    }

    FuzzCase withContentType(String type) {
        return new FuzzCase(kind, detail, pathValues, query, headers, body, omitBody, type, role, first);
    }

    FuzzCase withoutBody() {
        return new FuzzCase(kind, detail, pathValues, query, headers, body, true, contentType, role, first);
    }

    FuzzCase as(String roleLabel) {
        return new FuzzCase(kind, detail, pathValues, query, headers, body, omitBody, contentType, roleLabel, first);
    }

    FuzzCase after(FuzzCase before) {
        return new FuzzCase(kind, detail, pathValues, query, headers, body, omitBody, contentType, role, before);
    }
}
