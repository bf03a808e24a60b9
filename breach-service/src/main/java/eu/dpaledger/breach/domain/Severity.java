package eu.dpaledger.breach.domain;

/**
 * ENISA's four severity levels of a personal data breach and the controller risk each one suggests.
 * Thresholds from ENISA, "Recommendations for a methodology of the assessment of severity of personal
 * data breaches" (2013): SE &lt; 2 low, 2 ≤ SE &lt; 3 medium, 3 ≤ SE &lt; 4 high, SE ≥ 4 very high.
 */
public enum Severity {
    LOW(Risk.UNLIKELY),
    MEDIUM(Risk.RISK),
    HIGH(Risk.HIGH_RISK),
    VERY_HIGH(Risk.HIGH_RISK);

    private final Risk proposedRisk;

    Severity(Risk proposedRisk) {
        this.proposedRisk = proposedRisk;
    }

    /** The level of a severity score SE. */
    public static Severity of(double score) {
        if (score < 2) {
            return LOW;
        }
        if (score < 3) {
            return MEDIUM;
        }
        return score < 4 ? HIGH : VERY_HIGH;
    }

    /**
     * The risk proposed to the controller. ENISA describes medium as "significant inconveniences, which
     * they will be able to overcome despite a few difficulties", read here as a risk to notify; high and
     * very high ("significant consequences", "significant, or even irreversible, consequences") as a high
     * risk to communicate to the persons affected.
     */
    public Risk proposedRisk() {
        return proposedRisk;
    }
}
