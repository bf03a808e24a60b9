package eu.dpaledger.agreement.domain;

/**
 * The stable rule slugs the agreement domain rejects commands with; each becomes the problem type
 * {@code .../problems/<slug>}. The kind in brackets is the {@code DomainRejection.Kind} it is raised with.
 */
public final class AgreementRejections {

    // Visibility and roles

    /** [NOT_FOUND] No such agreement for this caller: empty stream, or the caller's organisation is no party. */
    public static final String AGREEMENT_NOT_FOUND = "agreement-not-found";
    /** [STATE_CONFLICT] CreateDraft on a stream that already holds an agreement. */
    public static final String AGREEMENT_ALREADY_EXISTS = "agreement-already-exists";
    /** [FORBIDDEN] The drafter's organisation is neither party, or it lacks that party's role. */
    public static final String NOT_A_PARTY_OF_DRAFT = "not-a-party-of-draft";
    /** [FORBIDDEN] The caller's organisation is a party but the caller lacks that party's role (e.g. an auditor). */
    public static final String PARTY_ROLE_REQUIRED = "party-role-required";
    /** [FORBIDDEN] Signing needs the controller role for the controller or the processor role for the processor. */
    public static final String SIGNER_NOT_A_PARTY = "signer-not-a-party";
    /** [FORBIDDEN] Only the processor returns data and confirms destruction (art. 11.2–11.4). */
    public static final String ONLY_PROCESSOR = "only-processor";
    /** [FORBIDDEN] Only the controller terminates for processor default (art. 11.1) or objection (art. 6.2). */
    public static final String CONTROLLER_ONLY_GROUND = "controller-only-ground";

    // Lifecycle

    /** [STATE_CONFLICT] Editing and signing the agreement happen only while it is a draft. */
    public static final String AGREEMENT_NOT_DRAFT = "agreement-not-draft";
    /** [STATE_CONFLICT] Addenda and termination need an active agreement. */
    public static final String AGREEMENT_NOT_ACTIVE = "agreement-not-active";
    /** [STATE_CONFLICT] Exit steps need a terminated, not yet closed agreement. */
    public static final String AGREEMENT_NOT_TERMINATED = "agreement-not-terminated";
    /** [STATE_CONFLICT] The party already signed exactly this content or addendum. */
    public static final String ALREADY_SIGNED = "already-signed";
    /** [STATE_CONFLICT] Another addendum awaits signatures (art. 12.3: one at a time). */
    public static final String ADDENDUM_PENDING = "addendum-pending";
    /** [NOT_FOUND] No addendum with that number. */
    public static final String ADDENDUM_NOT_FOUND = "addendum-not-found";
    /** [STATE_CONFLICT] The addendum is already in force or withdrawn. */
    public static final String ADDENDUM_NOT_PENDING = "addendum-not-pending";
    /** [STATE_CONFLICT] An exit step before the termination takes effect (art. 11.2: the exit starts at the end). */
    public static final String TERMINATION_NOT_YET_EFFECTIVE = "termination-not-yet-effective";
    /** [STATE_CONFLICT] The data return was already recorded. */
    public static final String DATA_ALREADY_RETURNED = "data-already-returned";
    /** [STATE_CONFLICT] Destruction is confirmed only after the data return (art. 11.2 before 11.3). */
    public static final String DESTRUCTION_BEFORE_DATA_RETURN = "destruction-before-data-return";
    /** [UNPROCESSABLE] No DPA art. 6.2 termination right: none granted (an objection unresolved for 3 months), or every one granted has lapsed. */
    public static final String NO_SUBPROCESSOR_TERMINATION_RIGHT = "no-subprocessor-termination-right";

    // Input

    /** [INVALID] A required field is missing or blank. */
    /** [INVALID] An enterprise number is malformed or fails the mod-97 check. */
    public static final String INVALID_ENTERPRISE_NUMBER = "invalid-enterprise-number";
    /** [INVALID] Controller and processor have the same enterprise number. */
    public static final String SAME_PARTY_ON_BOTH_SIDES = "same-party-on-both-sides";
    /** [INVALID] The processor names no DPO, or a named DPO lacks a name or e-mail (art. 4.2). */
    public static final String DPO_REQUIRED = "dpo-required";
    /** [INVALID] A DPO or representative e-mail address is malformed. */
    public static final String INVALID_EMAIL = "invalid-email";
    /** [INVALID] A data category's code is not an annex-1 information class. */
    public static final String UNKNOWN_INFORMATION_CLASS = "unknown-information-class";
    /** [INVALID] A retention is neither AS_REQUIRED_BY_LAW nor a positive ISO-8601 period. */
    public static final String INVALID_RETENTION = "invalid-retention";
    /** [INVALID] A country is not an ISO 3166-1 alpha-2 code. */
    /** [INVALID] Processing or a sub-processor outside the EEA without a GDPR 45–47 mechanism (art. 8.1). */
    public static final String TRANSFER_OUTSIDE_EEA_WITHOUT_MECHANISM = "transfer-outside-eea-without-mechanism";
    /** [INVALID] A setting is out of range (days 1..365) or the time zone is unknown. */
    public static final String INVALID_SETTING = "invalid-setting";
    /** [INVALID] An edit or addendum changes a party's enterprise number. */
    public static final String PARTIES_CANNOT_CHANGE = "parties-cannot-change";
    /** [INVALID] An addendum that changes no section. */
    public static final String EMPTY_ADDENDUM = "empty-addendum";
    /** [INVALID] Termination for processor default without the notice of default's reference (art. 11.1). */
    public static final String NOTICE_OF_DEFAULT_REQUIRED = "notice-of-default-required";
    /** [INVALID] A data return digest that is not 64 hexadecimal characters. */
    public static final String INVALID_SHA256 = "invalid-sha256";
    /** [INVALID] A reported instant lies after the command's server time (beyond a small clock-skew tolerance). */
    /** [INVALID] The data return is dated before the termination took effect (art. 11.2). */
    public static final String DATA_RETURN_DATED_BEFORE_TERMINATION = "data-return-dated-before-termination";
    /** [INVALID] The destruction is dated before the data were handed over (art. 11.3). */
    public static final String DESTRUCTION_DATED_BEFORE_DATA_RETURN = "destruction-dated-before-data-return";

    private AgreementRejections() {
    }
}
