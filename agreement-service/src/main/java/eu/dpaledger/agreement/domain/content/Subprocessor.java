package eu.dpaledger.agreement.domain.content;

import eu.dpaledger.platform.domain.TransferMechanism;

/**
 * A sub-processor the controller accepted in annex 1.
 *
 * @param country           ISO 3166-1 alpha-2 code of the processing location (stored upper case)
 * @param transferMechanism required when {@code country} is outside the EEA (art. 8.1), otherwise may be null
 */
public record Subprocessor(String name, String headOffice, String country, TransferMechanism transferMechanism) {
}
