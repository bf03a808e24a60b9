package eu.dpaledger.platform.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;

/**
 * The two halves of {@link VerifiedTokens}: an identity provider asked before the OIDC verifier, which answers a token
 * it already knows (else nothing, and the verifier runs), and an augmentor, run on every identity the verifier made,
 * that keeps it. The per-request attributes of an identity (the routing context, the request context) are the current
 * request's, never the one the token was first seen with.
 */
public final class CachedTokenIdentities {

    /** OIDC's attribute naming the tenant a token was verified for (on the identity and on the routing context). */
    static final String TENANT = OidcUtils.TENANT_ID_ATTRIBUTE;

    /** Marks an identity answered from the cache (the keeper does not keep it again). */
    static final String FROM_CACHE = "dpa.verified-token-cache";

    /** OIDC's name of the default tenant (the service's bearer tokens). */
    static final String DEFAULT_TENANT = OidcUtils.DEFAULT_TENANT_ID;

    private CachedTokenIdentities() {
    }

    /** Answers an already verified token before the OIDC verifier is asked. */
    @ApplicationScoped
    public static class Provider implements IdentityProvider<TokenAuthenticationRequest> {

        @Inject
        VerifiedTokens tokens;

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        /**
         * Above every other provider: OIDC's verifier keeps the interface's default priority ({@code SYSTEM_FIRST + 1},
         * 1001), so a provider at 1001 too was asked first or second as the beans happened to be ordered at boot (the
         * cache then never answered in about one boot in four).
         */
        @Override
        public int priority() {
            return SYSTEM_FIRST + 1000;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
            if (rc == null || !(request.getToken() instanceof AccessTokenCredential)) {
                return Uni.createFrom().nullItem();
            }
            // OIDC names the tenant on the request when a tenant other than the default one was resolved for it.
            Object tenant = rc.get(TENANT);
            SecurityIdentity known = tokens.find(tenant == null ? DEFAULT_TENANT : tenant.toString(), request.getToken().getToken());
            if (known == null) {
                return Uni.createFrom().nullItem();
            }
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(known)
                    .addAttribute(RoutingContext.class.getName(), rc)
                    .addAttribute(AuthenticationRequestContext.class.getName(), context)
                    .addAttribute(FROM_CACHE, Boolean.TRUE)
                    .build());
        }
    }

    /** Keeps the identity the verifier made for a bearer token, until the token expires. Runs last. */
    @ApplicationScoped
    public static class Keeper implements SecurityIdentityAugmentor {

        @Inject
        VerifiedTokens tokens;

        @Override
        public int priority() {
            return Integer.MIN_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            AccessTokenCredential credential = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
            Object tenant = identity.getAttribute(TENANT);
            // Only what the verifier made is kept, once: keeping an identity built from a kept one would chain each
            // request's identity to the one before it (the builder copies its permission checkers), without end.
            if (identity.getAttribute(FROM_CACHE) == null && credential != null && !credential.isOpaque() && tenant != null && identity.getPrincipal() instanceof JsonWebToken jwt
                    && jwt.getExpirationTime() > 0) {
                tokens.keep(tenant.toString(), credential.getToken(), identity, Instant.ofEpochSecond(jwt.getExpirationTime()));
            }
            return Uni.createFrom().item(identity);
        }
    }
}
