package eu.dpaledger.platform.security;

import eu.dpaledger.platform.http.HttpProblem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/** Resolves the {@link Caller} of the current request from the verified token. */
@RequestScoped
public class CallerProvider {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    /** The caller; a token without an {@code org} claim is refused (403), as is an anonymous request (401). */
    public Caller current() {
        if (identity.isAnonymous()) {
            throw new io.quarkus.security.AuthenticationFailedException();
        }
        Object org = token.getClaim("org");
        String organisation = org == null ? null : org.toString().replace("\"", "");
        if (organisation == null || !organisation.matches("\\d{10}")) {
            throw new HttpProblem(403, "organisation-missing", "No organisation",
                    "The token carries no 'org' claim with a 10-digit enterprise number");
        }
        return new Caller(token.getSubject(), organisation, Set.copyOf(identity.getRoles()));
    }
}
