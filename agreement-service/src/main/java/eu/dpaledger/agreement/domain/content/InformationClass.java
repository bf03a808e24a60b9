package eu.dpaledger.agreement.domain.content;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The information classes of annex 1 (Flemish government classification): class 1 is public, class 5
 * top secret, the first digit of the code is the class. Each carries the W3C DPV 2.x personal data
 * categories ({@code pd:}) that match it, so exports can be read by other privacy tools; classes
 * without a sound DPV match carry none.
 */
public enum InformationClass {
    PUBLIC_NO_STANDARD_TYPES("1 00", "No standard personal data types in class 1 (public)"),
    PROFESSIONAL_CONTACT("2 00", "Professional contact data", "Contact"),
    PERSONAL_CONTACT("3 00", "Personal contact data", "Contact"),
    IDENTIFICATION("3 01", "Identification data", "Identifying"),
    PERSONAL_CHARACTERISTICS("3 02", "Personal characteristics", "Demographic"),
    CONSUMPTION_HABITS("3 03", "Consumption habits", "PurchasesAndSpendingHabit"),
    HOUSING_CHARACTERISTICS("3 04", "Housing characteristics"),
    EDUCATION_AND_TRAINING("3 05", "Education, experience and training", "Education"),
    PROFESSION_AND_EMPLOYMENT("3 06", "Profession and employment", "Job", "EmploymentHistory"),
    LEISURE_AND_INTERESTS("3 07", "Leisure and interests", "Interest"),
    NATIONAL_REGISTER_NUMBER("3 08",
            "National register number / social security ID (class 3 only under conditions)", "OfficialID"),
    FINANCIAL_AND_TAX("4 00", "Financial and tax data", "Financial", "Tax"),
    LIFESTYLE("4 01", "Lifestyle", "Behavioral"),
    PHYSICAL_MEDICAL_PSYCHOLOGICAL("4 02", "Physical, medical or psychological data and treatments",
            "MedicalHealth"),
    FAMILY_COMPOSITION("4 03", "Family composition", "FamilyStructure"),
    LEGAL_AND_JUDICIAL("4 04", "Legal and judicial data", "Criminal"),
    RACIAL_OR_ETHNIC("4 05", "Racial or ethnic data", "Ethnicity"),
    SEXUAL_ORIENTATION("4 06", "Sexual orientation", "Sexual"),
    POLITICAL_PHILOSOPHICAL_RELIGIOUS("4 07", "Political, philosophical or religious affiliations and beliefs",
            "PoliticalAffiliation", "PhilosophicalBelief", "ReligiousBelief"),
    IMAGE_AND_SOUND("4 08", "Image and sound recordings", "Picture"),
    GENETIC_AND_BIOMETRIC("4 09", "Genetic and biometric data", "Genetic", "Biometric"),
    LOCATION("4 10", "Location data", "Location"),
    EMPLOYMENT_CONTRACT("4 11", "Contractual details with employer", "CurrentEmployment"),
    EVALUATION_AND_PERFORMANCE("4 12", "Evaluation and performance", "ProfessionalEvaluation", "PerformanceAtWork"),
    SOCIAL_SECURITY("4 13", "Social security data"),
    STATUTES_AND_PERMITS("4 14", "Statutes and permits"),
    TOP_SECRET_NO_STANDARD_TYPES("5 00", "No standard personal data types in class 5 (top secret)");

    /** Namespace of the DPV personal data extension. */
    public static final String DPV_PD = "https://w3id.org/dpv/pd#";

    private final String code;
    private final String label;
    private final List<String> dpvIris;

    InformationClass(String code, String label, String... dpvTerms) {
        this.code = code;
        this.label = label;
        this.dpvIris = Arrays.stream(dpvTerms).map(term -> DPV_PD + term).toList();
    }

    /** The annex-1 code, e.g. {@code "3 01"}. */
    public String code() {
        return code;
    }

    /** English label of the annex-1 category. */
    public String label() {
        return label;
    }

    /** The class: 1 (public) to 5 (top secret), the first digit of the code. */
    public int level() {
        return code.charAt(0) - '0';
    }

    /** Matching DPV {@code pd:} IRIs, most fitting first; empty when DPV has no sound match. */
    public List<String> dpvIris() {
        return dpvIris;
    }

    /** Looks a code up, tolerating missing or extra spaces and dots ({@code "301"}, {@code "3.01"}). */
    public static Optional<InformationClass> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String digits = code.replaceAll("[\\s.]", "");
        return Arrays.stream(values()).filter(c -> c.code.replace(" ", "").equals(digits)).findFirst();
    }

    /** The highest level among the categories' codes, or null when none has a (known) code. */
    public static Integer highestLevel(Collection<DataCategory> categories) {
        return categories.stream()
                .map(DataCategory::code)
                .filter(Objects::nonNull)
                .map(InformationClass::fromCode)
                .flatMap(Optional::stream)
                .map(InformationClass::level)
                .max(Integer::compare)
                .orElse(null);
    }
}
