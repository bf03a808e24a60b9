package eu.dpaledger.breach.domain;

import eu.dpaledger.platform.personaldata.Personal;

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
 * @param kind             what is reported (DPA art. 7.3): a breach, or a serious attempt; null means a breach
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
        String measures,
        ReportKind kind) {

    public Annex2 {
        dataClasses = dataClasses == null ? null : Set.copyOf(dataClasses);
        circumstances = circumstances == null ? null : Set.copyOf(circumstances);
    }

    /** Annex 2 of a report that names no kind: a breach. */
    public Annex2(Contact internalContact, Company company, Finder foundBy, Instant detectedAt, Instant processorAwareAt,
                  String description, Occurrence occurrence, Set<DataClass> dataClasses, String otherData,
                  PersonsAffected personsAffected, String groupDescription, Set<Circumstance> circumstances,
                  Unintelligible unintelligible, String encryption, String measures) {
        this(internalContact, company, foundBy, detectedAt, processorAwareAt, description, occurrence, dataClasses, otherData,
                personsAffected, groupDescription, circumstances, unintelligible, encryption, measures, null);
    }

    /** What this report is: a breach unless it says it is a serious attempt. */
    public ReportKind reportKind() {
        return ReportKind.orDefault(kind);
    }

    /** The report after {@code changes}: every non-null field of {@code changes} replaces the current one. */
    public Annex2 merged(Annex2 changes) {
        return new Annex2(pick(changes.internalContact, internalContact), pick(changes.company, company),
                pick(changes.foundBy, foundBy), pick(changes.detectedAt, detectedAt),
                pick(changes.processorAwareAt, processorAwareAt), pick(changes.description, description),
                pick(changes.occurrence, occurrence), pick(changes.dataClasses, dataClasses),
                pick(changes.otherData, otherData), pick(changes.personsAffected, personsAffected),
                pick(changes.groupDescription, groupDescription), pick(changes.circumstances, circumstances),
                pick(changes.unintelligible, unintelligible), pick(changes.encryption, encryption),
                pick(changes.measures, measures), pick(changes.kind, kind));
    }

    /** The fields that have a value, by name, in form order (for the field history and supplements). */
    public java.util.Map<String, Object> values() {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        put(out, "internalContact", internalContact);
        put(out, "company", company);
        put(out, "foundBy", foundBy);
        put(out, "detectedAt", detectedAt);
        put(out, "processorAwareAt", processorAwareAt);
        put(out, "description", description);
        put(out, "occurrence", occurrence);
        put(out, "dataClasses", dataClasses);
        put(out, "otherData", otherData);
        put(out, "personsAffected", personsAffected);
        put(out, "groupDescription", groupDescription);
        put(out, "circumstances", circumstances);
        put(out, "unintelligible", unintelligible);
        put(out, "encryption", encryption);
        put(out, "measures", measures);
        put(out, "kind", kind);
        return out;
    }

    private static <T> T pick(T change, T current) {
        return change != null ? change : current;
    }

    private static void put(java.util.Map<String, Object> out, String name, Object value) {
        if (value != null) {
            out.put(name, value);
        }
    }

    /** The processor's internal contact for this breach: personal data, sealed with the person's key (docs/ARCHITECTURE.md "Personal data"). */
    public record Contact(@Personal(kind = "contact") String name,
                          @Personal(kind = "contact", subject = "name", identifying = true) String email,
                          @Personal(kind = "contact", subject = "name") String phone) {
    }

    /** The processor's company as stated on the form. */
    public record Company(String name, String address, String vatNumber) {
    }

    /** Who found the incident: personal data, sealed with the person's key (docs/ARCHITECTURE.md "Personal data"). */
    public record Finder(@Personal(kind = "finder") String name, @Personal(kind = "finder", subject = "name") String jobTitle) {
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
