package eu.dpaledger.agreement.domain.agreement;

import java.time.Instant;

/**
 * The processor's hand-over of all personal data after termination (art. 11.2).
 *
 * @param sha256                       digest of the delivered archive, so both sides can verify what was handed over
 * @param destructionConfirmationDueAt when the written destruction confirmation is due (art. 11.4)
 */
public record DataReturn(String format, String sha256, Instant deliveredAt, Instant destructionConfirmationDueAt,
                         Instant recordedAt) {
}
