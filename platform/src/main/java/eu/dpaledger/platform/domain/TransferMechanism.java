package eu.dpaledger.platform.domain;

/** The legal ground for a transfer of personal data outside the EEA (GDPR chapter V). */
public enum TransferMechanism {
    /** An adequacy decision of the Commission (GDPR 45). */
    ADEQUACY_DECISION(45),
    /** Appropriate safeguards such as standard contractual clauses (GDPR 46). */
    APPROPRIATE_SAFEGUARDS(46),
    /** Binding corporate rules (GDPR 47). */
    BINDING_CORPORATE_RULES(47);

    private final int gdprArticle;

    TransferMechanism(int gdprArticle) {
        this.gdprArticle = gdprArticle;
    }

    public int gdprArticle() {
        return gdprArticle;
    }
}
