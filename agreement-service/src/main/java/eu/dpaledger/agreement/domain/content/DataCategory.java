package eu.dpaledger.agreement.domain.content;

/**
 * One category of personal data from annex 1.
 *
 * @param code           optional information class code such as {@code "3 00"} (see {@link InformationClass})
 * @param retention      {@link #AS_REQUIRED_BY_LAW} or an ISO-8601 period such as {@code "P5Y"}
 * @param countermeasure the measure that mitigates the risk of keeping this data
 */
public record DataCategory(String code, String description, String retention, String reason, String countermeasure) {

    /** "Volgens wetgeving": kept as long as the law requires. */
    public static final String AS_REQUIRED_BY_LAW = "AS_REQUIRED_BY_LAW";
}
