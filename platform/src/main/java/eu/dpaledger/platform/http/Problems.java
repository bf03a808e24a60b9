package eu.dpaledger.platform.http;

import eu.dpaledger.platform.domain.RuleSources;
import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds RFC 9457 {@code application/problem+json} responses with a stable type URI per rule and, as the extension
 * member {@code article}, the rule's source from {@link RuleSources} when the table has the rule.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://dpa-ledger.eu/problems/";

    private Problems() {
    }

    /** The problem, with its rule's source from {@link RuleSources} as {@code article} when the table has the rule. */
    public static Response response(int status, String rule, String title, String detail, Map<String, Object> extra) {
        return response(status, rule, title, detail, RuleSources.of(rule), extra);
    }

    /**
     * The problem with {@code type}, {@code title}, {@code status}, {@code detail}, then {@code article} (the one
     * citation form: it takes precedence over an {@code article} among {@code extra}), then the other members.
     */
    public static Response response(int status, String rule, String title, String detail, Optional<String> article,
                                    Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + rule);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        article.ifPresent(source -> body.put("article", source));
        extra.forEach(body::putIfAbsent);
        eu.dpaledger.platform.ops.OperationsMetrics.problem(status, rule);
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }
}
