package eu.dpaledger.reporting.api.dashboard;

import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A refusal as the dashboard shows it: the RFC 9457 problem's status, title and detail, and each field it names with
 * its message.
 */
public record ErrorView(int status, String title, String detail, List<Violation> violations) {

    public record Violation(String field, String message) {
    }

    /** From the problem response the kernel's mappers make (its entity is the problem's members). */
    static ErrorView of(Response problem) {
        Map<?, ?> body = (Map<?, ?>) problem.getEntity();
        List<Violation> violations = new ArrayList<>();
        if (body.get("violations") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> violation) {
                    violations.add(new Violation(String.valueOf(violation.get("field")), String.valueOf(violation.get("message"))));
                }
            }
        }
        return new ErrorView(problem.getStatus(), String.valueOf(body.get("title")), String.valueOf(body.get("detail")),
                List.copyOf(violations));
    }
}
