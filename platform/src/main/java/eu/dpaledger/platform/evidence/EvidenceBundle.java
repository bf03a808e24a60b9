package eu.dpaledger.platform.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An evidence bundle, format 1 (docs/EVIDENCE.md "Evidence bundle"): self-contained, checkable offline with the
 * evidence-verifier or by the rules of docs/EVIDENCE.md alone.
 */
@Schema(description = "An evidence bundle (docs/EVIDENCE.md, format 1): every event of the stream as stored, the signed checkpoints covering it, the public keys")
public record EvidenceBundle(@Schema(required = true, enumeration = EvidenceBundles.FORMAT) String format,
                             @Schema(required = true, description = "1") int formatVersion,
                             @Schema(required = true) String rules,
                             @Schema(required = true) String service,
                             @Schema(required = true, format = "uuid") String exportId,
                             @Schema(required = true) String exportedAt,
                             @Schema(required = true) ExportedBy exportedBy,
                             @Schema(required = true) StreamRef subject,
                             @Schema(required = true) List<Stream> streams,
                             @Schema(required = true) List<SignedCheckpoint> checkpoints,
                             @Schema(required = true) SigningKeys.JwkSet keys) {

    public record ExportedBy(@Schema(required = true) String subject, String organisation) {
    }

    @Schema(name = "EvidenceStreamRef")
    public record StreamRef(@Schema(required = true) String streamId, @Schema(required = true) String streamType) {
    }

    @Schema(name = "EvidenceStream")
    public record Stream(@Schema(required = true) String streamId, @Schema(required = true) String streamType,
                         @Schema(required = true) List<Event> events) {
    }

    /** One event exactly as stored and hashed; personal values are sealed tokens (docs/ARCHITECTURE.md "Personal data"). */
    @Schema(name = "EvidenceEvent")
    public record Event(@Schema(required = true, format = "uuid") String eventId, @Schema(required = true) long version,
                        @Schema(required = true) String type, @Schema(required = true) int schemaVersion,
                        @Schema(required = true) JsonNode payload, @Schema(required = true) JsonNode metadata,
                        @Schema(required = true, description = "As hashed: ISO-8601, UTC, microseconds at most") String occurredAt,
                        @Schema(required = true) String previousHash, @Schema(required = true) String hash) {
    }

    @Schema(name = "EvidenceCheckpoint")
    public record SignedCheckpoint(@Schema(required = true, format = "uuid") String checkpointId,
                                   @Schema(required = true, description = "Compact JWS, EdDSA; its payload lists the signed heads") String jws) {
    }
}
