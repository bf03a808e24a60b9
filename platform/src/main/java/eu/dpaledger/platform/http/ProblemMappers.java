package eu.dpaledger.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.projection.TransientFailures;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem: domain rejections, HTTP-convention problems, bad
 * JSON (unknown fields and wrong types are 400, naming the field), security failures, unknown paths,
 * a passing infrastructure failure (database unreachable, deadlock, timeout) as a 503 problem with
 * {@code Retry-After}, and, as a last resort, an unexpected error as a 500 problem with an incident id and no stack trace.
 * A refusal names its rule's source as the member {@code article} ({@link DomainRejection#article()}; for the
 * others {@link Problems} looks the slug up in {@code RuleSources}).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(DomainRejection e) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case STATE_CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
        };
        return Problems.response(status, e.rule(), e.title(), e.detail(), e.article(), e.details());
    }

    @ServerExceptionMapper
    public Response http(HttpProblem e) {
        return Problems.response(e.status(), e.rule(), e.title(), e.getMessage(), e.details());
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m.getPath()) : null;
        if (e instanceof UnrecognizedPropertyException u) {
            return Problems.response(400, "unknown-field", "Unknown field",
                    "The body has a field this operation does not know: " + field,
                    Map.of("violations", List.of(Map.of("field", field, "message", "unknown field '" + u.getPropertyName() + "'"))));
        }
        if (e instanceof JsonMappingException) {
            String message = e instanceof InvalidFormatException f
                    ? "cannot read '" + f.getValue() + "' as " + f.getTargetType().getSimpleName()
                    : "wrong type or shape";
            return Problems.response(400, "invalid-field", "Invalid field value",
                    (field == null || field.isEmpty() ? "The body" : field) + ": " + message,
                    field == null || field.isEmpty() ? Map.of()
                            : Map.of("violations", List.of(Map.of("field", field, "message", message))));
        }
        return Problems.response(400, "malformed-json", "Malformed JSON", "The body is not valid JSON", Map.of());
    }

    // The specific Jackson types too: quarkus-rest-jackson maps some of them itself (as plain JSON).
    @ServerExceptionMapper(priority = 1)
    public Response unknownField(UnrecognizedPropertyException e) {
        return json(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e) {
        return json(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformed(com.fasterxml.jackson.core.JsonParseException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response unauthorized(AuthenticationFailedException e) {
        return Problems.response(401, "unauthenticated", "Authentication required",
                "A valid bearer token is required", Map.of());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthorized(new AuthenticationFailedException());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problems.response(403, "forbidden-role", "Not allowed for your role",
                "Your role does not allow this operation", Map.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String rule = switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return Problems.response(status, rule, title, e.getMessage() == null ? title : e.getMessage(), Map.of());
    }

    /** Seconds a client should wait before retrying a request that met a passing failure. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (TransientFailures.isTransient(e)) {
            // The database unreachable, a deadlock, a timeout: nothing was recorded and the same request
            // (with its Idempotency-Key) may be sent again (RFC 9110 section 15.6.4, 10.2.3).
            LOG.warnf("request met a passing failure, answered 503: %s", e.getMessage());
            return Response.fromResponse(Problems.response(503, "service-unavailable", "Service unavailable",
                            "The service cannot reach what it needs right now; nothing was recorded. Retry after "
                                    + RETRY_AFTER_SECONDS + " seconds with the same Idempotency-Key.", Map.of()))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, incident %s", incident);
        return Problems.response(500, "internal-error", "Internal error",
                "The request could not be completed; quote incident " + incident, Map.of("incident", incident));
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        return refs.stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
