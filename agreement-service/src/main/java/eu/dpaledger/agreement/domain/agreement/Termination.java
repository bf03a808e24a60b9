package eu.dpaledger.agreement.domain.agreement;

import eu.dpaledger.agreement.domain.content.PartyRole;

import java.time.Instant;

/** How and when the agreement ended; {@code at} is when it was recorded, {@code effectiveAt} when it takes effect. */
public record Termination(TerminationGround ground, Instant effectiveAt, String noticeOfDefaultReference,
                          PartyRole by, Instant at) {
}
