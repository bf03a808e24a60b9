package eu.dpaledger.agreement.api;

import eu.dpaledger.agreement.domain.content.DataCategory;
import eu.dpaledger.agreement.domain.content.InformationClass;
import eu.dpaledger.platform.eventstore.StoredEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The export of the agreement record itself (a project feature, not DPA art. 11.2, which is about the personal data): the agreement, its data categories mapped to W3C DPV personal-data terms
 * where one fits, the full event history with hashes, and the verification of that history.
 */
public record AgreementExport(String format, Instant exportedAt, Map<String, String> vocabularies,
                              AgreementView agreement, List<Category> dataCategories, List<StoredEvent> history,
                              EvidenceView evidence) {

    public static final String FORMAT = "https://dpa-ledger.eu/formats/agreement-export/v1";

    /** A data category with its information class and DPV terms. */
    public record Category(String code, String description, String informationClassLabel, Integer informationClass,
                           List<String> dpv, String retention, String reason, String countermeasure) {
    }

    static AgreementExport of(AgreementView view, List<StoredEvent> history, EvidenceView evidence, Instant now) {
        List<Category> categories = view.content().dataCategories().stream().map(AgreementExport::category).toList();
        return new AgreementExport(FORMAT, now,
                Map.of("dpv-pd", InformationClass.DPV_PD, "cloudevents", "https://cloudevents.io/spec/v1.0"),
                view, categories, history, evidence);
    }

    private static Category category(DataCategory c) {
        InformationClass cls = c.code() == null ? null : InformationClass.fromCode(c.code()).orElse(null);
        return new Category(c.code(), c.description(), cls == null ? null : cls.label(), cls == null ? null : cls.level(),
                cls == null ? List.of() : cls.dpvIris(), c.retention(), c.reason(), c.countermeasure());
    }
}
