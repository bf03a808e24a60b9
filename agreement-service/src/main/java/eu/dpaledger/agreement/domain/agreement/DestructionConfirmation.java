package eu.dpaledger.agreement.domain.agreement;

import eu.dpaledger.agreement.domain.Lists;

import java.time.Instant;
import java.util.List;

/**
 * The processor's written confirmation that every copy was destroyed (art. 11.3, 11.4).
 *
 * @param legalRetentionExceptions data kept because EU or member-state law requires it
 */
public record DestructionConfirmation(Instant confirmedAt, String statement, List<String> legalRetentionExceptions,
                                      Instant recordedAt) {

    public DestructionConfirmation {
        legalRetentionExceptions = Lists.orEmpty(legalRetentionExceptions);
    }
}
