package eu.dpaledger.subprocessor.domain;

import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.domain.Eea;

/** The rules a change or flow-down proof command can break: each a stable problem type. */
public final class ChangeRejections {

    public static final String AGREEMENT_NOT_ACTIVE = "agreement-not-active";
    public static final String ONLY_PROCESSOR_ANNOUNCES = "only-processor-announces-changes";
    public static final String ONLY_CONTROLLER_OBJECTS = "only-controller-objects";
    public static final String ONLY_PROCESSOR_RESOLVES = "only-processor-withdraws-or-supersedes";
    public static final String ONLY_CONTROLLER_WITHDRAWS_OBJECTION = "only-controller-withdraws-objection";
    public static final String FIELD_REQUIRED = CommonRejections.FIELD_REQUIRED;
    public static final String INVALID_COUNTRY = CommonRejections.INVALID_COUNTRY;
    public static final String TRANSFER_WITHOUT_MECHANISM = "transfer-outside-eea-without-mechanism";
    public static final String ALREADY_ENGAGED = "subprocessor-already-engaged";
    public static final String NOT_ENGAGED = "subprocessor-not-engaged";
    public static final String INTENDED_BEFORE_WINDOW_ENDS = "intended-before-objection-window-ends";
    public static final String INTENDED_IN_THE_PAST = "intended-date-in-the-past";
    public static final String WINDOW_CLOSED = "objection-window-closed";
    public static final String NOT_OBJECTABLE = "change-not-objectable";
    public static final String NOT_OBJECTED = "change-not-objected";
    public static final String CHANGE_NOT_OPEN = "change-not-open";
    public static final String ALTERNATIVE_ELSEWHERE = "alternative-for-another-agreement";
    /** DPA art. 6.2: an alternative to an objected change must avoid the objected sub-processor. */
    public static final String ALTERNATIVE_MUST_AVOID_OBJECTED = "alternative-must-avoid-objected-subprocessor";
    public static final String ALREADY_EXISTS = "change-already-exists";
    /** A processor-wide announcement needs at least one ACTIVE agreement of the processor (DPA art. 6.1 is per agreement). */
    public static final String NO_ACTIVE_AGREEMENTS = "no-active-agreements";
    /** An agreement named in an announcement's chosen set that is no agreement of the processor. */
    public static final String UNKNOWN_AGREEMENT = "unknown-agreement";
    public static final String DUPLICATE_AGREEMENT = "duplicate-agreement";
    public static final String TOO_MANY_AGREEMENTS = "too-many-agreements";

    private ChangeRejections() {
    }

    public static DomainRejection required(String field) {
        return CommonRejections.required(field);
    }

    public static DomainRejection forbidden(String rule, String detail) {
        return DomainRejection.forbidden(rule, "Not allowed for your role in this agreement", detail);
    }

    /** What every change notice names (DPA art. 6.1): its kind, a reason, the intended date and the sub-processor's name. */
    public static void requireNotice(eu.dpaledger.subprocessor.domain.change.ChangeKind kind, String reason,
                                     java.time.LocalDate intendedFrom, SubprocessorDetails subprocessor) {
        if (kind == null) {
            throw required("kind");
        }
        requireText(reason, "reason");
        if (intendedFrom == null) {
            throw required("intendedFrom");
        }
        if (subprocessor == null || subprocessor.name() == null || subprocessor.name().isBlank()) {
            throw required("subprocessor.name");
        }
    }

    public static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw required(field);
        }
    }

    /** Art. 8.1 / GDPR chapter V: a location outside the EEA needs a transfer mechanism. */
    public static void requireLocation(SubprocessorDetails subprocessor) {
        if (subprocessor.country() == null || subprocessor.country().isBlank()) {
            throw required("subprocessor.country");
        }
        if (!subprocessor.country().matches("[A-Z]{2}")) {
            throw CommonRejections.invalidCountry("subprocessor.country", subprocessor.country());
        }
        if (!Eea.isInEea(subprocessor.country()) && subprocessor.transferMechanism() == null) {
            throw DomainRejection.invalidField(TRANSFER_WITHOUT_MECHANISM, "Transfer outside the EEA without a mechanism",
                    "subprocessor.transferMechanism", subprocessor.country()
                            + " is outside the EEA: name the transfer mechanism (ADEQUACY_DECISION, APPROPRIATE_SAFEGUARDS or BINDING_CORPORATE_RULES)");
        }
    }
}
