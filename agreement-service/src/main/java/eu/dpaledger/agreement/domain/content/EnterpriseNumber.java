package eu.dpaledger.agreement.domain.content;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Belgian enterprise number (KBO/BCE ondernemingsnummer): 10 digits starting with 0 or 1, the last
 * two being 97 minus the first eight modulo 97. Accepts the usual spellings ({@code BE0207.511.803},
 * {@code 0207.511.803}, {@code 0207511803}, {@code BE 0428 304 785}) and the old 9-digit form.
 *
 * @param value the 10 digits, e.g. {@code 0207511803}
 */
public record EnterpriseNumber(String value) {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-]");
    private static final Pattern TEN_DIGITS = Pattern.compile("[01]\\d{9}");

    public EnterpriseNumber {
        if (value == null || !TEN_DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("an enterprise number has 10 digits and starts with 0 or 1");
        }
        if (!hasValidCheckDigits(value)) {
            throw new IllegalArgumentException("the check digits of " + value + " are wrong (mod 97)");
        }
    }

    /** Parses any accepted spelling; throws {@link IllegalArgumentException} saying what is wrong. */
    public static EnterpriseNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("an enterprise number is required");
        }
        String digits = SEPARATORS.matcher(raw.trim()).replaceAll("");
        if (digits.regionMatches(true, 0, "BE", 0, 2)) {
            digits = digits.substring(2);
        }
        if (digits.length() == 9) {
            // Numbers issued before 2005 were 9-digit VAT numbers; the KBO prefixes them with 0.
            digits = "0" + digits;
        }
        return new EnterpriseNumber(digits);
    }

    public static Optional<EnterpriseNumber> tryParse(String raw) {
        try {
            return Optional.of(parse(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static boolean isValid(String raw) {
        return tryParse(raw).isPresent();
    }

    /** The register's display form, e.g. {@code 0207.511.803}. */
    public String format() {
        return value.substring(0, 4) + "." + value.substring(4, 7) + "." + value.substring(7);
    }

    @Override
    public String toString() {
        return value;
    }

    private static boolean hasValidCheckDigits(String tenDigits) {
        long base = Long.parseLong(tenDigits.substring(0, 8));
        int check = Integer.parseInt(tenDigits.substring(8));
        return 97 - base % 97 == check;
    }
}
