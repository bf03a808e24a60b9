package eu.dpaledger.agreement.domain.content;

import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.domain.Eea;
import eu.dpaledger.platform.personaldata.SealedValue;

import java.time.DateTimeException;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import static eu.dpaledger.agreement.domain.AgreementRejections.*;

/**
 * The rules every agreement content obeys, on creation, on each edit and after each addendum:
 * first normalise (enterprise numbers to 10 digits, information class codes and country codes to
 * their canonical spelling, settings completed with defaults), then check rule by rule. The first
 * rule that fails is reported with all its violations under {@code violations} ({@code field},
 * {@code message}).
 */
public final class AgreementContentRules {

    static final int MIN_SETTING_DAYS = 1;
    static final int MAX_SETTING_DAYS = 365;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> ISO_COUNTRIES = new HashSet<>(Arrays.asList(Locale.getISOCountries()));

    private AgreementContentRules() {
    }

    /** The normalised content, or a rejection naming the first broken rule. */
    public static AgreementContent validated(AgreementContent raw) {
        if (raw == null) {
            throw CommonRejections.required("content");
        }
        AgreementContent content = normalised(raw);
        check(CommonRejections.FIELD_REQUIRED, "A required field is missing", requiredFieldsMissing(content));
        check(INVALID_ENTERPRISE_NUMBER, "Enterprise number is not valid", invalidEnterpriseNumbers(content));
        check(SAME_PARTY_ON_BOTH_SIDES, "Controller and processor are the same organisation", sameParty(content));
        check(DPO_REQUIRED, "The processor must name a data protection officer", dposMissing(content));
        check(INVALID_EMAIL, "E-mail address is not valid", invalidEmails(content));
        check(UNKNOWN_INFORMATION_CLASS, "Unknown information class", unknownInformationClasses(content));
        check(INVALID_RETENTION, "Retention period is not valid", invalidRetentions(content));
        check(CommonRejections.INVALID_COUNTRY, "Country code is not valid", invalidCountries(content));
        check(TRANSFER_OUTSIDE_EEA_WITHOUT_MECHANISM, "Processing outside the EEA needs a transfer mechanism",
                transfersOutsideEeaWithoutMechanism(content));
        check(INVALID_SETTING, "Setting out of range", invalidSettings(content.settings()));
        return content;
    }

    /** The parties are who signed: an edit or addendum may change their details, never their enterprise numbers. */
    public static void requirePartiesUnchanged(AgreementContent before, AgreementContent after) {
        List<Violation> violations = new ArrayList<>();
        if (!before.controller().enterpriseNumber().equals(after.controller().enterpriseNumber())) {
            violations.add(new Violation("controller.enterpriseNumber",
                    "must stay " + before.controller().enterpriseNumber()));
        }
        if (!before.processor().enterpriseNumber().equals(after.processor().enterpriseNumber())) {
            violations.add(new Violation("processor.enterpriseNumber",
                    "must stay " + before.processor().enterpriseNumber()));
        }
        check(PARTIES_CANNOT_CHANGE, "The parties of an agreement cannot change", violations);
    }

    static AgreementContent normalised(AgreementContent c) {
        return new AgreementContent(party(c.controller()), party(c.processor()), c.assignment(), c.purposes(),
                categories(c.dataCategories()), c.applications(), c.securityMeasures(),
                locations(c.processingLocations()), subprocessors(c.subprocessors()), c.settings());
    }

    /** The same normalisation, per section that the addendum changes. */
    public static AgreementContentChanges normalised(AgreementContentChanges c) {
        return new AgreementContentChanges(party(c.controller()), party(c.processor()), c.assignment(), c.purposes(),
                categories(c.dataCategories()), c.applications(), c.securityMeasures(),
                locations(c.processingLocations()), subprocessors(c.subprocessors()),
                c.settings() == null ? null : c.settings().withDefaults());
    }

    // --- rules, in the order they are checked ---

    private static List<Violation> requiredFieldsMissing(AgreementContent c) {
        List<Violation> violations = new ArrayList<>();
        requireParty("controller", c.controller(), violations);
        requireParty("processor", c.processor(), violations);
        // Art. 2.1: the processor processes only as the assignment describes.
        if (c.assignment() == null || isBlank(c.assignment().description())) {
            violations.add(new Violation("assignment.description", "is required"));
        }
        eachBlank(c.dataCategories(), "dataCategories", "description", DataCategory::description, violations);
        eachBlank(c.applications(), "applications", "name", Application::name, violations);
        eachBlank(c.securityMeasures(), "securityMeasures", "measure", SecurityMeasure::measure, violations);
        eachBlank(c.subprocessors(), "subprocessors", "name", Subprocessor::name, violations);
        return violations;
    }

    private static List<Violation> invalidEnterpriseNumbers(AgreementContent c) {
        List<Violation> violations = new ArrayList<>();
        for (PartyRole role : PartyRole.values()) {
            String number = c.party(role).enterpriseNumber();
            try {
                EnterpriseNumber.parse(number);
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(field(role) + ".enterpriseNumber", e.getMessage()));
            }
        }
        return violations;
    }

    private static List<Violation> sameParty(AgreementContent c) {
        return c.controller().enterpriseNumber().equals(c.processor().enterpriseNumber())
                ? List.of(new Violation("processor.enterpriseNumber", "must differ from the controller's"))
                : List.of();
    }

    // DPA art. 4.2 binds the processor only; the controller's DPO (GDPR art. 37(1)) is optional here, but complete if named.
    private static List<Violation> dposMissing(AgreementContent c) {
        List<Violation> violations = new ArrayList<>();
        for (PartyRole role : PartyRole.values()) {
            Dpo dpo = c.party(role).dpo();
            String path = field(role) + ".dpo";
            if (dpo == null) {
                if (role == PartyRole.PROCESSOR) {
                    violations.add(new Violation(path, "is required: the processor appoints a DPO (DPA art. 4.2)"));
                }
                continue;
            }
            if (isBlank(dpo.name())) {
                violations.add(new Violation(path + ".name", "is required"));
            }
            if (isBlank(dpo.email())) {
                violations.add(new Violation(path + ".email", "is required"));
            }
        }
        return violations;
    }

    private static List<Violation> invalidEmails(AgreementContent c) {
        List<Violation> violations = new ArrayList<>();
        for (PartyRole role : PartyRole.values()) {
            Party party = c.party(role);
            if (party.dpo() != null) {
                checkEmail(field(role) + ".dpo.email", party.dpo().email(), violations);
            }
            if (party.representative() != null && !isBlank(party.representative().email())) {
                checkEmail(field(role) + ".representative.email", party.representative().email(), violations);
            }
        }
        return violations;
    }

    private static List<Violation> unknownInformationClasses(AgreementContent c) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < c.dataCategories().size(); i++) {
            String code = c.dataCategories().get(i).code();
            if (code != null && InformationClass.fromCode(code).isEmpty()) {
                violations.add(new Violation("dataCategories[" + i + "].code", "'" + code + "' is not an annex-1 code"));
            }
        }
        return violations;
    }

    private static List<Violation> invalidRetentions(AgreementContent c) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < c.dataCategories().size(); i++) {
            String retention = c.dataCategories().get(i).retention();
            if (!isValidRetention(retention)) {
                violations.add(new Violation("dataCategories[" + i + "].retention",
                        "must be " + DataCategory.AS_REQUIRED_BY_LAW + " or a positive ISO-8601 period such as P5Y"));
            }
        }
        return violations;
    }

    private static List<Violation> invalidCountries(AgreementContent c) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < c.processingLocations().size(); i++) {
            checkCountry("processingLocations[" + i + "].country", c.processingLocations().get(i).country(), violations);
        }
        for (int i = 0; i < c.subprocessors().size(); i++) {
            checkCountry("subprocessors[" + i + "].country", c.subprocessors().get(i).country(), violations);
        }
        return violations;
    }

    // Art. 8.1: processing stays inside the EEA unless the parties agree otherwise in writing, on a GDPR 45-47 ground.
    private static List<Violation> transfersOutsideEeaWithoutMechanism(AgreementContent c) {
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < c.processingLocations().size(); i++) {
            ProcessingLocation location = c.processingLocations().get(i);
            if (!Eea.isInEea(location.country()) && location.transferMechanism() == null) {
                violations.add(new Violation("processingLocations[" + i + "].transferMechanism",
                        location.country() + " is outside the EEA: name the GDPR 45-47 transfer mechanism"));
            }
        }
        for (int i = 0; i < c.subprocessors().size(); i++) {
            Subprocessor subprocessor = c.subprocessors().get(i);
            if (!Eea.isInEea(subprocessor.country()) && subprocessor.transferMechanism() == null) {
                violations.add(new Violation("subprocessors[" + i + "].transferMechanism",
                        subprocessor.country() + " is outside the EEA: name the GDPR 45-47 transfer mechanism"));
            }
        }
        return violations;
    }

    // Art. 6.1 and 11.4 speak of a "reasonable time"; the settings make it a number of days.
    private static List<Violation> invalidSettings(AgreementSettings s) {
        List<Violation> violations = new ArrayList<>();
        checkDays("settings.subprocessorObjectionDays", s.subprocessorObjectionDays(), violations);
        checkDays("settings.destructionConfirmationDays", s.destructionConfirmationDays(), violations);
        try {
            ZoneId.of(s.timeZone());
        } catch (DateTimeException e) {
            violations.add(new Violation("settings.timeZone", "'" + s.timeZone() + "' is not a known time zone"));
        }
        return violations;
    }

    // --- helpers ---

    private record Violation(String field, String message) {
    }

    private static void check(String rule, String title, List<Violation> violations) {
        if (violations.isEmpty()) {
            return;
        }
        List<Map<String, Object>> listed = violations.stream()
                .map(v -> Map.<String, Object>of("field", v.field(), "message", v.message()))
                .toList();
        Violation first = violations.get(0);
        String detail = first.field() + ": " + first.message()
                + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("violations", listed);
        throw new DomainRejection(DomainRejection.Kind.INVALID, rule, title, detail, details);
    }

    private static void requireParty(String path, Party party, List<Violation> violations) {
        if (party == null) {
            violations.add(new Violation(path, "is required"));
        } else if (isBlank(party.name())) {
            violations.add(new Violation(path + ".name", "is required"));
        }
    }

    private static <T> void eachBlank(List<T> items, String path, String property, Function<T, String> value,
                                      List<Violation> violations) {
        for (int i = 0; i < items.size(); i++) {
            if (isBlank(value.apply(items.get(i)))) {
                violations.add(new Violation(path + "[" + i + "]." + property, "is required"));
            }
        }
    }

    private static void checkEmail(String path, String email, List<Violation> violations) {
        // An address erased since it was recorded reads "erased on <date>" (docs/ARCHITECTURE.md "Personal data").
        if (!SealedValue.isErased(email) && !EMAIL.matcher(email.trim()).matches()) {
            violations.add(new Violation(path, "'" + email + "' is not an e-mail address"));
        }
    }

    private static void checkCountry(String path, String country, List<Violation> violations) {
        if (country == null || !ISO_COUNTRIES.contains(country)) {
            violations.add(new Violation(path, "must be an ISO 3166-1 alpha-2 code such as BE"));
        }
    }

    private static void checkDays(String path, Integer days, List<Violation> violations) {
        if (days < MIN_SETTING_DAYS || days > MAX_SETTING_DAYS) {
            violations.add(new Violation(path, "must be between " + MIN_SETTING_DAYS + " and " + MAX_SETTING_DAYS));
        }
    }

    static boolean isValidRetention(String retention) {
        if (isBlank(retention)) {
            return false;
        }
        if (DataCategory.AS_REQUIRED_BY_LAW.equals(retention)) {
            return true;
        }
        try {
            Period period = Period.parse(retention);
            return !period.isNegative() && !period.isZero();
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Party partyOf(AgreementContent c, PartyRole role) {
        return role == PartyRole.CONTROLLER ? c.controller() : c.processor();
    }

    private static String field(PartyRole role) {
        return role == PartyRole.CONTROLLER ? "controller" : "processor";
    }

    public static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    // --- normalisation: total, never throws; the rules above judge what it could not fix ---

    private static Party party(Party party) {
        if (party == null) {
            return null;
        }
        return EnterpriseNumber.tryParse(party.enterpriseNumber())
                .map(number -> party.withEnterpriseNumber(number.value()))
                .orElse(party);
    }

    private static List<DataCategory> categories(List<DataCategory> categories) {
        if (categories == null) {
            return null;
        }
        return categories.stream().map(category -> {
            String code = isBlank(category.code()) ? null
                    : InformationClass.fromCode(category.code()).map(InformationClass::code).orElse(category.code());
            return new DataCategory(code, category.description(), retention(category.retention()),
                    category.reason(), category.countermeasure());
        }).toList();
    }

    private static String retention(String retention) {
        if (isBlank(retention)) {
            return retention;
        }
        String upper = retention.trim().toUpperCase(Locale.ROOT);
        return isValidRetention(upper) ? upper : retention;
    }

    private static List<ProcessingLocation> locations(List<ProcessingLocation> locations) {
        return locations == null ? null : locations.stream()
                .map(l -> new ProcessingLocation(country(l.country()), l.transferMechanism()))
                .toList();
    }

    private static List<Subprocessor> subprocessors(List<Subprocessor> subprocessors) {
        return subprocessors == null ? null : subprocessors.stream()
                .map(s -> new Subprocessor(s.name(), s.headOffice(), country(s.country()), s.transferMechanism()))
                .toList();
    }

    private static String country(String country) {
        return country == null ? null : country.trim().toUpperCase(Locale.ROOT);
    }
}
