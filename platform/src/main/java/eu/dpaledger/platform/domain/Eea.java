package eu.dpaledger.platform.domain;

import java.util.Locale;
import java.util.Set;

/** The European Economic Area: the 27 EU member states plus Iceland, Liechtenstein and Norway (art. 8.1). */
public final class Eea {

    /** ISO 3166-1 alpha-2 codes (Greece is GR here, not the EU's EL). */
    public static final Set<String> COUNTRIES = Set.of(
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
            "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            "IS", "LI", "NO");

    private Eea() {
    }

    public static boolean isInEea(String countryCode) {
        return countryCode != null && COUNTRIES.contains(countryCode.trim().toUpperCase(Locale.ROOT));
    }
}
