package eu.dpaledger.subprocessor.domain;

import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.domain.DomainRejection;

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

    private ChangeRejections() {
    }

    public static DomainRejection required(String field) {
        return CommonRejections.required(field);
    }

    public static DomainRejection forbidden(String rule, String detail) {
        return DomainRejection.forbidden(rule, "Not allowed for your role in this agreement", detail);
    }
}
