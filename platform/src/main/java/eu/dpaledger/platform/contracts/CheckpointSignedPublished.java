package eu.dpaledger.platform.contracts;

import java.time.Instant;

/**
 * The kernel's published record of a signed checkpoint (docs/EVIDENCE.md "Checkpoints"), one type for both sides: a
 * service writes it on its own topic when it signs the heads of its streams, so both parties receive the JWS and can
 * keep it; {@code contracts/eu.dpaledger.checkpoint.CheckpointSigned.v1.schema.json} describes the same shape.
 *
 * @param service the service that signed
 * @param event   the checkpoint: its JWS carries the signed heads
 */
public record CheckpointSignedPublished(String checkpointId, String service, long streamVersion, Checkpoint event) {

    public static final String TYPE = "eu.dpaledger.checkpoint.CheckpointSigned.v1";

    /**
     * @param kid   the id of the key that signed (in the service's {@code /.well-known/jwks.json})
     * @param heads how many stream heads the JWS signs
     * @param jws   the compact JWS (EdDSA) whose payload lists the heads
     */
    public record Checkpoint(String checkpointId, String kid, Instant signedAt, int heads, String jws) {
    }
}
