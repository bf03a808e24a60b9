package eu.dpaledger.reporting.api.dashboard;

import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.ProblemMappers;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.platform.security.CallerProvider;
import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

/**
 * The request as a dashboard page sees it: the caller (the kernel's {@link CallerProvider}, the same for a session as
 * for a bearer token), the language and the page's chrome; and the one way a refusal is shown (an HTML page with the
 * problem's status, title and the fields it names).
 */
@RequestScoped
public class Pages {

    private static final ProblemMappers MAPPERS = new ProblemMappers();

    @Inject
    CallerProvider callers;

    @Inject
    JsonWebToken token;

    @Inject
    HttpHeaders headers;

    @Inject
    UriInfo uri;

    @Inject
    CsrfTokenParameterProvider csrf;

    private Caller caller;

    /** The caller; a session or token without an organisation is refused (the kernel's rule). */
    public Caller caller() {
        if (caller == null) {
            caller = callers.current();
        }
        return caller;
    }

    public Language language() {
        return Language.of(headers);
    }

    /** The chrome of a page of the given navigation section. */
    public Chrome chrome(String section) {
        String query = uri.getRequestUri().getRawQuery();
        String path = uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
        return new Chrome(language(), userName(), caller().organisation(), path, section, csrf());
    }

    /** The form field and token of this request, when the CSRF filter made one for it (see application.properties). */
    private Chrome.Csrf csrf() {
        try {
            return new Chrome.Csrf(csrf.getParameterName(), csrf.getToken());
        } catch (IllegalStateException notMadeForThisPath) {
            return null;
        }
    }

    /** The template in the request's language. */
    public TemplateInstance localized(TemplateInstance template) {
        return template.setLocale(language().locale());
    }

    /**
     * A refusal as an HTML page: the same RFC 9457 problem the API answers (the kernel's {@link ProblemMappers} makes
     * it), shown with its status, title, detail and the fields it names.
     */
    public Response refusal(RuntimeException failure) {
        Response problem;
        if (failure instanceof HttpProblem http) {
            problem = MAPPERS.http(http);
        } else if (failure instanceof DomainRejection rejection) {
            problem = MAPPERS.domain(rejection);
        } else if (failure instanceof ForbiddenException forbidden) {
            problem = MAPPERS.forbidden(forbidden);
        } else {
            throw failure;
        }
        ErrorView error = ErrorView.of(problem);
        return Response.status(error.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(localized(Templates.error(chromeOrAnonymous(), error)).render()).build();
    }

    private Chrome chromeOrAnonymous() {
        try {
            return chrome("error");
        } catch (RuntimeException noCaller) {
            return new Chrome(language(), userName(), "", "/", "error", csrf());
        }
    }

    private String userName() {
        for (String claim : List.of("name", "preferred_username")) {
            Object value = token.getClaim(claim);
            if (value != null && !value.toString().isBlank()) {
                return value.toString().replace("\"", "");
            }
        }
        return token.getSubject();
    }
}
