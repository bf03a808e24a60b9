package eu.dpaledger.platform.evidence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Base64;
import java.util.UUID;

/**
 * The service's checkpoint signing keys (docs/EVIDENCE.md "Checkpoints"): Ed25519, one active at a time, created on
 * first use; a rotation retires the active key (kept, so the checkpoints it signed still verify) and creates the next.
 * The public keys are served as a JWKS ({@code /.well-known/jwks.json}).
 */
@ApplicationScoped
public class SigningKeys {

    /** The active key: its id and private key. */
    public record Active(String kid, PrivateKey privateKey) {
    }

    /** The active key, created when there is none (two instances racing: the loser reads the winner's). */
    public Uni<Active> active(SqlClient tx, Instant now) {
        return find(tx).flatMap(found -> found != null ? Uni.createFrom().item(found)
                : create(tx, now).flatMap(x -> find(tx)));
    }

    /** Retires the active key and creates the next one; returns the new key's id. */
    public Uni<String> rotate(SqlClient tx, Instant now) {
        return tx.preparedQuery("UPDATE signing_keys SET retired_at = $1 WHERE retired_at IS NULL")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC)))
                .flatMap(x -> create(tx, now))
                .flatMap(x -> find(tx)).map(Active::kid);
    }

    /** One public key as a JWK (RFC 7517; OKP/Ed25519, RFC 8037), with when it was created and, once rotated out, retired. */
    @Schema(name = "CheckpointKey")
    public record Jwk(@Schema(required = true, enumeration = "OKP") String kty, @Schema(required = true, enumeration = "Ed25519") String crv,
                      @Schema(required = true, enumeration = "EdDSA") String alg, @Schema(required = true, enumeration = "sig") String use,
                      @Schema(required = true) String kid,
                      @Schema(required = true, description = "The 32-byte public key, base64url") String x,
                      @Schema(required = true) Instant createdAt,
                      @Schema(description = "When it was rotated out: a checkpoint it signed later is not valid") Instant retiredAt) {
    }

    /** The service's checkpoint keys as a JWK Set. */
    @Schema(name = "CheckpointKeySet")
    public record JwkSet(@Schema(required = true) List<Jwk> keys) {
    }

    /** Every key, retired ones with {@code retiredAt}, as a JWK Set. */
    public Uni<JwkSet> jwks(SqlClient client) {
        return client.query("SELECT kid, public_key, created_at, retired_at FROM signing_keys ORDER BY created_at").execute()
                .map(rows -> {
                    List<Jwk> keys = new ArrayList<>();
                    for (Row r : rows) {
                        keys.add(new Jwk("OKP", "Ed25519", "EdDSA", "sig", r.getString("kid"),
                                Base64.getUrlEncoder().withoutPadding().encodeToString(r.getBuffer("public_key").getBytes()),
                                r.getOffsetDateTime("created_at").toInstant(),
                                r.getOffsetDateTime("retired_at") == null ? null : r.getOffsetDateTime("retired_at").toInstant()));
                    }
                    return new JwkSet(keys);
                });
    }

    /** A compact JWS (RFC 7515) of {@code payload}: header {@code {"alg":"EdDSA","kid":...}}, Ed25519 signature. */
    public static String sign(Active key, String payload) {
        String input = b64(("{\"alg\":\"EdDSA\",\"kid\":\"" + key.kid() + "\"}").getBytes(StandardCharsets.UTF_8)) + "."
                + b64(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key.privateKey());
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }

    private Uni<Active> find(SqlClient tx) {
        return tx.query("SELECT kid, private_key FROM signing_keys WHERE retired_at IS NULL").execute().map(rows -> {
            if (!rows.iterator().hasNext()) {
                return null;
            }
            Row r = rows.iterator().next();
            try {
                return new Active(r.getString("kid"), KeyFactory.getInstance("Ed25519")
                        .generatePrivate(new PKCS8EncodedKeySpec(r.getBuffer("private_key").getBytes())));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("signing key " + r.getString("kid") + " unreadable", e);
            }
        });
    }

    private Uni<Void> create(SqlClient tx, Instant now) {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
        byte[] der = pair.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(der, der.length - 32, der.length);
        String kid = now.atOffset(ZoneOffset.UTC).toLocalDate() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return tx.preparedQuery("INSERT INTO signing_keys (kid, public_key, private_key, created_at) VALUES ($1, $2, $3, $4) "
                        + "ON CONFLICT DO NOTHING")
                .execute(Tuple.of(kid, io.vertx.core.buffer.Buffer.buffer(raw), io.vertx.core.buffer.Buffer.buffer(pair.getPrivate().getEncoded()),
                        now.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
