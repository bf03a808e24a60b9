package eu.dpaledger.breach.domain;

import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.domain.DomainRejection;

import java.time.Instant;

/**
 * What makes an annex-2 report consistent (art. 7.3 wants it even incomplete, but never contradictory):
 * the two required fields, no instant in the future, awareness not before detection nor after the report's
 * receipt, a time span that runs forwards, a range of persons with min ≤ max, class Q described, "partly" explained.
 */
public final class ReportRules {

    public static final String FIELD_REQUIRED = CommonRejections.FIELD_REQUIRED;
    public static final String INCONSISTENT_REPORT = "inconsistent-report";

    private ReportRules() {
    }

    /**
     * Refuses (400, naming the field) a report that is incomplete where it may not be, or contradicts itself.
     *
     * @param receivedAt when the controller received the report (for a new report: {@code now})
     */
    public static void check(Annex2 r, Instant receivedAt, Instant now) {
        if (r.processorAwareAt() == null) {
            throw required("processorAwareAt");
        }
        if (r.description() == null || r.description().isBlank()) {
            throw required("description");
        }
        notInFuture("detectedAt", r.detectedAt(), now);
        notInFuture("processorAwareAt", r.processorAwareAt(), now);
        // DPA art. 7.3: the processor knew at the latest when it reported, so a correction cannot erase a lateness.
        if (r.processorAwareAt().isAfter(receivedAt)) {
            throw inconsistent("processorAwareAt", "cannot be after the report was received (" + receivedAt + "): the "
                    + "processor was aware at the latest when it reported (DPA art. 7.3); correct it to an instant at or "
                    + "before receipt");
        }
        if (r.detectedAt() != null && r.processorAwareAt().isBefore(r.detectedAt())) {
            throw inconsistent("processorAwareAt", "cannot be before detectedAt (" + r.detectedAt() + ")");
        }
        if (r.occurrence() != null) {
            Annex2.Occurrence o = r.occurrence();
            if (o.kind() == null) {
                throw required("occurrence.kind");
            }
            switch (o.kind()) {
                case AT -> {
                    if (o.at() == null) {
                        throw required("occurrence.at");
                    }
                    notInFuture("occurrence.at", o.at(), now);
                }
                case BETWEEN -> {
                    if (o.from() == null) {
                        throw required("occurrence.from");
                    }
                    if (o.to() == null) {
                        throw required("occurrence.to");
                    }
                    notInFuture("occurrence.from", o.from(), now);
                    notInFuture("occurrence.to", o.to(), now);
                    if (o.from().isAfter(o.to())) {
                        throw inconsistent("occurrence.from", "must not be after occurrence.to");
                    }
                }
                default -> {
                    // not yet known, or an anonymous report: no instants
                }
            }
        }
        if (r.dataClasses() != null) {
            if (r.dataClasses().contains(DataClass.A) && r.dataClasses().size() > 1) {
                throw inconsistent("dataClasses", "A (none, not traceable to a person) excludes every other class");
            }
            if (r.dataClasses().contains(DataClass.Q) && (r.otherData() == null || r.otherData().isBlank())) {
                throw required("otherData");
            }
        }
        if (r.personsAffected() != null) {
            Annex2.PersonsAffected p = r.personsAffected();
            if (p.kind() == null) {
                throw required("personsAffected.kind");
            }
            if (p.kind() == Annex2.PersonsAffected.Kind.RANGE) {
                if (p.min() == null) {
                    throw required("personsAffected.min");
                }
                if (p.max() == null) {
                    throw required("personsAffected.max");
                }
                if (p.min() < 0) {
                    throw inconsistent("personsAffected.min", "must not be negative");
                }
                if (p.min() > p.max()) {
                    throw inconsistent("personsAffected.min", "must not be greater than personsAffected.max");
                }
            }
        }
        if (r.unintelligible() != null) {
            if (r.unintelligible().answer() == null) {
                throw required("unintelligible.answer");
            }
            if (r.unintelligible().answer() == Annex2.Unintelligible.Answer.PARTLY
                    && (r.unintelligible().how() == null || r.unintelligible().how().isBlank())) {
                throw required("unintelligible.how");
            }
        }
    }

    /** {@code field-required} naming the field (also what the aggregate refuses a missing command field with). */
    public static DomainRejection required(String field) {
        return CommonRejections.required(field);
    }

    /** {@code inconsistent-report} naming the field. */
    public static DomainRejection inconsistent(String field, String message) {
        return DomainRejection.invalidField(INCONSISTENT_REPORT, "The report contradicts itself", field, message);
    }

    private static void notInFuture(String field, Instant value, Instant now) {
        if (value != null && value.isAfter(now)) {
            throw inconsistent(field, "must not be in the future");
        }
    }
}
