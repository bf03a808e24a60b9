package eu.dpaledger.breach.domain;

import java.time.Instant;
import java.util.Set;

/**
 * Annex 2 of the agreement, field by field: the processor's report of a personal data breach (art. 7.3).
 * Only {@code processorAwareAt} and {@code description} are required: a report is due even with
 * incomplete information. Every other field may be null (not known yet) and supplemented later.
 *
 * @param detectedAt       when the incident was found (annex 2: "wanneer ontdekt")
 * @param processorAwareAt when the processor became reasonably certain that a breach affecting personal
 *                         data occurred (EDPB 9/2022); starts the 24-hour clock
 * @param otherData        the free text of data class Q ("andere")
 * @param encryption       how the data was made unintelligible, if it was
 * @param measures         technical and organisational measures taken and planned
 */
public record Annex2(
        Contact internalContact,
        Company company,
        Finder foundBy,
        Instant detectedAt,
        Instant processorAwareAt,
        String description,
        Occurrence occurrence,
        Set<DataClass> dataClasses,
        String otherData,
        PersonsAffected personsAffected,
        String groupDescription,
        Set<Circumstance> circumstances,
        Unintelligible unintelligible,
        String encryption,
        String measures) {

    public Annex2 {
        dataClasses = dataClasses == null ? null : Set.copyOf(dataClasses);
        circumstances = circumstances == null ? null : Set.copyOf(circumstances);
    }

    /** The processor's internal contact for this breach. */
    public record Contact(String name, String email, String phone) {
    }

    /** The processor's company as stated on the form. */
    public record Company(String name, String address, String vatNumber) {
    }

    /** Who found the incident. */
    public record Finder(String name, String jobTitle) {
    }

    /** Annex 2, "when did it happen": A at an instant, B between two, C not yet established, D anonymous report. */
    public record Occurrence(Kind kind, Instant at, Instant from, Instant to) {

        public enum Kind { AT, BETWEEN, NOT_YET_KNOWN, ANONYMOUS_REPORT }
    }

    /** Annex 2, "persons affected": A none (not traceable), B not yet established, C at least min and at most max. */
    public record PersonsAffected(Kind kind, Long min, Long max) {

        public enum Kind { NONE, UNKNOWN, RANGE }
    }

    /** Annex 2, "made unintelligible to unauthorised parties": A yes, B no, C partly (how). */
    public record Unintelligible(Answer answer, String how) {

        public enum Answer { YES, NO, PARTLY }
    }
}
