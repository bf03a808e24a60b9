package eu.dpaledger.reporting.api;

import eu.dpaledger.platform.http.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Map;

/**
 * quarkus-rest-csrf refuses a form request without a valid token (missing, stale, or a bearer client posting a
 * form-typed request) with a bare 400. Every refusal here is an RFC 9457 problem naming the field, so this turns that
 * bare answer into one: rule {@code csrf-token-invalid}, field {@code csrf-token}. Nothing ran, so nothing changed.
 */
public class CsrfRefusals {

    @ServerResponseFilter
    public void problem(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 400 || response.hasEntity() || !isForm(request.getMediaType())) {
            return;
        }
        Response problem = Problems.response(400, "csrf-token-invalid", "Form token missing or invalid",
                "A form must carry the csrf-token field of the page it came from; reload the page and send it again",
                Map.of("violations", java.util.List.of(Map.of("field", "csrf-token",
                        "message", "missing or does not match the csrf-token cookie"))));
        response.setEntity(problem.getEntity(), null, MediaType.valueOf(Problems.MEDIA_TYPE));
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }
}
