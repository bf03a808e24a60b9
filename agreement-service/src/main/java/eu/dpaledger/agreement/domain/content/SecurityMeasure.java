package eu.dpaledger.agreement.domain.content;

/** One line of the annex-1 checklist of technical and organisational measures (GDPR 32). */
public record SecurityMeasure(String group, String measure, boolean applied, String note) {
}
