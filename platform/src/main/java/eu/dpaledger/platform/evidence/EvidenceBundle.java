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
                             @Schema(required = true, description = "The rules a verifier applies, in words (docs/EVIDENCE.md says the same at length)")
                             Rules canonicalisation,
                             @Schema(required = true) String service,
                             @Schema(required = true, format = "uuid") String exportId,
                             @Schema(required = true) String exportedAt,
                             @Schema(required = true) ExportedBy exportedBy,
                             @Schema(required = true) StreamRef subject,
                             @Schema(required = true) List<Stream> streams,
                             @Schema(required = true) List<SignedCheckpoint> checkpoints,
                             @Schema(required = true) SigningKeys.JwkSet keys) {

    /** The rules of format 1, carried in the bundle so that it stands on its own. */
    @Schema(name = "EvidenceRules")
    public record Rules(@Schema(required = true) String canonicalJson, @Schema(required = true) String eventHash,
                        @Schema(required = true) String chain, @Schema(required = true) String checkpoints) {

        public static final Rules FORMAT_1 = new Rules(
                "Objects: members sorted by name in UTF-16 code unit order, written \"name\":value, comma-separated, no whitespace. "
                        + "Arrays in order. Strings: escape \" as \\\", \\ as \\\\, U+0008 \\b, U+0009 \\t, U+000A \\n, U+000C \\f, "
                        + "U+000D \\r, other characters below U+0020 as \\u00XX (upper-case hex); nothing else escaped. Integers in "
                        + "decimal; other numbers as Java's Double.toString. true, false, null as such. UTF-8.",
                "hash = lower-case hex SHA-256 of the canonical JSON of {eventId, streamId, streamType, version, type, schemaVersion, "
                        + "payload, metadata, occurredAt} followed by the 64 characters of previousHash; occurredAt exactly as given.",
                "Versions 1, 2, 3, ... without gaps; the first previousHash is 64 zeros, every later one the hash of the event before.",
                "Each checkpoint is a compact JWS, header {\"alg\":\"EdDSA\",\"kid\"}, Ed25519 over base64url(header).base64url(payload); "
                        + "the payload {checkpointId, service, signedAt, heads: [{streamId, streamType, version, hash}]}; the key from "
                        + "keys (a JWK Set, OKP/Ed25519, x base64url), not retired before signedAt. Each head of a stream in the bundle "
                        + "must be one of its events with that version and hash.");
    }

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
