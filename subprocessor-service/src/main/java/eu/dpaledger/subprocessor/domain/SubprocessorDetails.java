package eu.dpaledger.subprocessor.domain;

import eu.dpaledger.platform.domain.TransferMechanism;

import java.util.Locale;

/**
 * A sub-processor as annex 1 describes it (art. 6.1): name, head office, processing location and,
 * for a location outside the EEA, the transfer mechanism (GDPR 45/46/47).
 *
 * @param country ISO 3166-1 alpha-2 code of the processing location (stored upper case)
 */
public record SubprocessorDetails(String name, String headOffice, String country, TransferMechanism transferMechanism) {

    public SubprocessorDetails {
        name = name == null ? null : name.trim();
        headOffice = headOffice == null || headOffice.isBlank() ? null : headOffice.trim();
        country = country == null ? null : country.trim().toUpperCase(Locale.ROOT);
    }

    /** Names identify a sub-processor within one agreement, whatever their case or spacing. */
    public static String key(String name) {
        return name == null ? "" : name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public String key() {
        return key(name);
    }
}
