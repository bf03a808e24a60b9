package eu.dpaledger.agreement.api;

import eu.dpaledger.platform.eventstore.HashChain;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** The verification of an agreement's hash chain: intact, or the first event that does not match. */
public record EvidenceView(@Schema(required = true, format = "uuid") String agreementId,
                           @Schema(required = true) Instant verifiedAt,
                           @Schema(required = true) boolean intact,
                           @Schema(required = true) int eventsChecked,
                           @Schema(description = "The hash of the last event checked") String headHash,
                           @Schema(description = "Absent when intact") Long firstBrokenVersion,
                           @Schema(description = "Absent when intact") UUID firstBrokenEventId,
                           @Schema(description = "Why the chain is broken; absent when intact") String reason,
                           @Schema(required = true) String algorithm) {

    static EvidenceView of(HashChain.Verification v, Instant now) {
        return new EvidenceView(v.streamId(), now, v.intact(), v.eventsChecked(), v.headHash(), v.firstBrokenVersion(),
                v.firstBrokenEventId(), v.reason(),
                "SHA-256 over canonical JSON of each event concatenated with the previous event's hash");
    }
}
