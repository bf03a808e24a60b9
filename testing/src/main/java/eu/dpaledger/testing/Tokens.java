package eu.dpaledger.testing;

import io.smallrye.jwt.build.Jwt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Real RS256-signed access tokens for integration tests, shaped like the {@code dpa} Keycloak realm's
 * (claims {@code org}, {@code roles}, audience {@code dpa-services}). The services verify them with
 * the matching test public key through the real quarkus-oidc code path.
 */
public final class Tokens {

    public static final String ISSUER = "https://issuer.test.dpa-ledger";
    public static final String AUDIENCE = "dpa-services";

    public static final String OPWIJK = "0207511803";
    public static final String ESN = "0428304785";
    public static final String VOORBEELD = "0123456749";
    public static final String HOSTING = "0876543270";
    public static final String AUDIT_FIRM = "0555555523";

    private static final PrivateKey KEY = loadKey();

    private Tokens() {
    }

    public static String controller(String org) { return token("dpo-" + org, org, "controller"); }
    public static String processor(String org) { return token("staff-" + org, org, "processor"); }
    public static String auditor(String org) { return token("auditor-" + org, org, "auditor"); }
    public static String admin() { return token("admin", "0000000097", "admin"); }

    /** A token for any subject, organisation and roles. */
    public static String token(String subject, String org, String... roles) {
        return Jwt.issuer(ISSUER).subject(subject).audience(AUDIENCE).preferredUserName(subject)
                .claim("org", org).claim("roles", Set.of(roles))
                .issuedAt(Instant.now()).expiresIn(Duration.ofMinutes(30)).sign(KEY);
    }

    /** A controller's token that expires {@code in} from now. */
    public static String expiringIn(Duration in, String org) {
        String subject = "dpo-" + org;
        return Jwt.issuer(ISSUER).subject(subject).audience(AUDIENCE).preferredUserName(subject)
                .claim("org", org).claim("roles", Set.of("controller"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plus(in)).sign(KEY);
    }

    /** A token that expired an hour ago. */
    public static String expired(String org, String role) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return Jwt.issuer(ISSUER).subject("expired").audience(AUDIENCE).claim("org", org).claim("roles", Set.of(role))
                .issuedAt(past).expiresAt(past.plus(Duration.ofHours(1))).sign(KEY);
    }

    private static PrivateKey loadKey() {
        try (InputStream in = Tokens.class.getResourceAsStream("/dpa-test/test-private-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("test signing key missing", e);
        }
    }
}
