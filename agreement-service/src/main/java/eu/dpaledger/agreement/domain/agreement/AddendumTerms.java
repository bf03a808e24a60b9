package eu.dpaledger.agreement.domain.agreement;

import eu.dpaledger.agreement.domain.content.AgreementContentChanges;

/** The text of an addendum that both signatures bind: its number, title, reason and changes (art. 12.3). */
public record AddendumTerms(int number, String title, String reason, AgreementContentChanges changes) {
}
