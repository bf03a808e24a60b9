package eu.dpaledger.platform.evidence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;

/**
 * The service's checkpoint keys and checkpoints (docs/EVIDENCE.md): the public keys for anyone, signing now and key
 * rotation for the operator.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence")
public class EvidenceResource {

    @Inject
    SigningKeys keys;

    @Inject
    Checkpoints checkpoints;

    @Inject
    Pool pool;

    @Inject
    Clock clock;

    /** The outcome of signing now: the checkpoint, or none when every head was signed already. */
    public record SignedNow(@Schema(description = "The new checkpoint; null when every stream head was signed already") Checkpoints.Checkpoint checkpoint) {
    }

    public record Rotated(@Schema(required = true, description = "The id of the new active key") String kid) {
    }

    @GET
    @Path(".well-known/jwks.json")
    @PermitAll
    @Operation(operationId = "checkpointKeys", summary = "The public keys of this service's signed checkpoints (JWKS; retired keys with retiredAt), for verifiers")
    public Uni<SigningKeys.JwkSet> jwks() {
        return pool.withConnection(c -> keys.jwks(c));
    }

    @POST
    @Path("admin/checkpoints")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed("admin")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "signCheckpoint", summary = "Sign the heads of every stream changed since its last checkpoint, now (the scheduler does it hourly)")
    public Uni<SignedNow> sign() {
        return checkpoints.signAll().map(c -> new SignedNow(c.orElse(null)));
    }

    @POST
    @Path("admin/signing-keys/rotation")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed("admin")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "rotateCheckpointKey", summary = "Retire the active checkpoint key (kept for verification) and start signing with a new one")
    public Uni<Rotated> rotate() {
        return pool.withTransaction(tx -> keys.rotate(tx, clock.instant())).map(Rotated::new);
    }

}
