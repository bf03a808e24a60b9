package eu.dpaledger.agreement.domain.content;

import eu.dpaledger.platform.domain.TransferMechanism;

/**
 * A country where the processor processes the data.
 *
 * @param country           ISO 3166-1 alpha-2 code (stored upper case)
 * @param transferMechanism required when the country is outside the EEA (art. 8.1), otherwise may be null
 */
public record ProcessingLocation(String country, TransferMechanism transferMechanism) {
}
