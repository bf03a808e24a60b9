package eu.dpaledger.agreement.domain.content;

/**
 * Per-agreement settings that turn the agreement's "reasonable time" into numbers.
 *
 * @param supervisoryAuthority        GBA by default; Flemish public bodies choose VTC
 * @param timeZone                    the controller's zone for showing instants and counting days
 * @param subprocessorObjectionDays   window for objecting to a new sub-processor (art. 6.1), 1..365
 * @param destructionConfirmationDays time to confirm destruction after the data return (art. 11.4), 1..365
 */
public record AgreementSettings(SupervisoryAuthority supervisoryAuthority, String timeZone,
                                Integer subprocessorObjectionDays, Integer destructionConfirmationDays) {

    public static final SupervisoryAuthority DEFAULT_AUTHORITY = SupervisoryAuthority.GBA;
    public static final String DEFAULT_TIME_ZONE = "Europe/Brussels";
    public static final int DEFAULT_OBJECTION_DAYS = 30;
    public static final int DEFAULT_DESTRUCTION_CONFIRMATION_DAYS = 30;

    public static AgreementSettings defaults() {
        return new AgreementSettings(null, null, null, null).withDefaults();
    }

    /** These settings with every absent value replaced by its default. */
    public AgreementSettings withDefaults() {
        return new AgreementSettings(
                supervisoryAuthority == null ? DEFAULT_AUTHORITY : supervisoryAuthority,
                timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone,
                subprocessorObjectionDays == null ? DEFAULT_OBJECTION_DAYS : subprocessorObjectionDays,
                destructionConfirmationDays == null ? DEFAULT_DESTRUCTION_CONFIRMATION_DAYS : destructionConfirmationDays);
    }
}
