package eu.dpaledger.platform.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** A refusal decided by the HTTP conventions themselves (preconditions, idempotency, input shape). */
public class HttpProblem extends RuntimeException {

    private final int status;
    private final String rule;
    private final String title;
    private final Map<String, Object> details;

    public HttpProblem(int status, String rule, String title, String detail) {
        this(status, rule, title, detail, Map.of());
    }

    public HttpProblem(int status, String rule, String title, String detail, Map<String, Object> details) {
        super(detail, null, false, false);
        this.status = status;
        this.rule = rule;
        this.title = title;
        this.details = new LinkedHashMap<>(details);
    }

    public int status() { return status; }
    public String rule() { return rule; }
    public String title() { return title; }
    public Map<String, Object> details() { return details; }

    public static HttpProblem notFound(String what) {
        return new HttpProblem(404, eu.dpaledger.platform.domain.CommonRejections.NOT_FOUND, "Not found", what + " does not exist or is not visible to your organisation");
    }

    public static HttpProblem badRequest(String rule, String title, String detail) {
        return new HttpProblem(400, rule, title, detail);
    }
}
