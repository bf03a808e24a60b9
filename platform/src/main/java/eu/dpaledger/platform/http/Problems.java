package eu.dpaledger.platform.http;

import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds RFC 9457 {@code application/problem+json} responses with a stable type URI per rule. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://dpa-ledger.eu/problems/";

    private Problems() {
    }

    public static Response response(int status, String rule, String title, String detail, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + rule);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        extra.forEach(body::putIfAbsent);
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }
}
