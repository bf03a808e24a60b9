package eu.dpaledger.agreement.domain.content;

import eu.dpaledger.agreement.domain.agreement.SeedAgreement;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.domain.Eea;
import eu.dpaledger.platform.domain.TransferMechanism;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static eu.dpaledger.agreement.domain.agreement.SeedAgreement.content;
import static eu.dpaledger.agreement.domain.agreement.SeedAgreement.esn;
import static eu.dpaledger.agreement.domain.agreement.SeedAgreement.level27;
import static eu.dpaledger.agreement.domain.agreement.SeedAgreement.opwijk;
import static eu.dpaledger.agreement.domain.agreement.SeedAgreement.withSubprocessors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgreementContentRulesTest {

    @Test
    void the_seed_agreement_is_valid_and_stays_as_it_is() {
        assertEquals(content(), AgreementContentRules.validated(content()));
    }

    @Test
    void enterprise_numbers_are_stored_as_ten_digits() {
        AgreementContent stored = AgreementContentRules.validated(SeedAgreement.contentAsTyped());
        assertEquals("0207511803", stored.controller().enterpriseNumber());
        assertEquals("0428304785", stored.processor().enterpriseNumber());
    }

    @Test
    void codes_countries_and_retentions_are_stored_in_canonical_spelling() {
        AgreementContent typed = new AgreementContent(opwijk(), esn(), content().assignment(), null,
                List.of(new DataCategory("301", "Rijksregister", "p5y", null, null)),
                null, null, List.of(new ProcessingLocation(" be ", null)), null, null);
        AgreementContent stored = AgreementContentRules.validated(typed);
        assertEquals("3 01", stored.dataCategories().get(0).code());
        assertEquals("P5Y", stored.dataCategories().get(0).retention());
        assertEquals("BE", stored.processingLocations().get(0).country());
    }

    @Test
    void absent_lists_become_empty_and_absent_settings_take_the_defaults() {
        AgreementContent bare = new AgreementContent(opwijk(), esn(), content().assignment(),
                null, null, null, null, null, null, null);
        assertTrue(bare.dataCategories().isEmpty());
        assertTrue(bare.subprocessors().isEmpty());
        assertEquals(new AgreementSettings(SupervisoryAuthority.GBA, "Europe/Brussels", 30, 30), bare.settings());
    }

    @Test
    void enterprise_number_with_bad_check_digits_is_refused() {
        Party processor = esn().withEnterpriseNumber("0428304786");
        DomainRejection rejection = rejected(withParties(opwijk(), processor));
        assertEquals("invalid-enterprise-number", rejection.rule());
        assertEquals(DomainRejection.Kind.INVALID, rejection.kind());
        assertEquals("processor.enterpriseNumber", firstViolationField(rejection));
    }

    @Test
    void controller_and_processor_must_be_different_organisations() {
        Party processor = esn().withEnterpriseNumber("BE0207.511.803");
        assertEquals("same-party-on-both-sides", rejected(withParties(opwijk(), processor)).rule());
    }

    @Test
    void the_processor_must_name_a_dpo_with_name_and_email() {
        // DPA art. 4.2 binds the processor only.
        Party processor = new Party("European Service Network", "0428304785", null, null,
                new Dpo(" ", "dpo.esn@example.com", null));
        DomainRejection rejection = rejected(withParties(opwijk(), processor));
        assertEquals("dpo-required", rejection.rule());
        assertEquals(List.of("processor.dpo.name"), violationFields(rejection));
        Party withoutDpo = new Party("European Service Network", "0428304785", null, null, null);
        assertEquals(List.of("processor.dpo"), violationFields(rejected(withParties(opwijk(), withoutDpo))));
    }

    @Test
    void the_controller_may_leave_out_its_dpo() {
        Party controller = new Party("Lokaal bestuur Opwijk", "0207511803", null, null, null);
        AgreementContent content = AgreementContentRules.validated(withParties(controller, esn()));
        assertNull(content.controller().dpo());
    }

    @Test
    void a_controller_dpo_that_is_named_needs_a_name_and_a_valid_email() {
        Party noEmail = new Party("Lokaal bestuur Opwijk", "0207511803", null, null, new Dpo("Els Fictief", " ", null));
        DomainRejection rejection = rejected(withParties(noEmail, esn()));
        assertEquals("dpo-required", rejection.rule());
        assertEquals(List.of("controller.dpo.email"), violationFields(rejection));
        Party badEmail = new Party("Lokaal bestuur Opwijk", "0207511803", null, null, new Dpo("Els Fictief", "dpo at opwijk", null));
        assertEquals("invalid-email", rejected(withParties(badEmail, esn())).rule());
    }

    @Test
    void dpo_email_must_be_an_address() {
        Party processor = new Party("European Service Network", "0428304785", null, null,
                new Dpo("Els Fictief", "dpo at esn", null));
        DomainRejection rejection = rejected(withParties(opwijk(), processor));
        assertEquals("invalid-email", rejection.rule());
        assertEquals("processor.dpo.email", firstViolationField(rejection));
    }

    @Test
    void party_names_and_the_assignment_are_required() {
        Party controller = new Party(" ", "0207511803", null, null, opwijk().dpo());
        AgreementContent c = new AgreementContent(controller, esn(), new Assignment(null, null),
                null, null, null, null, null, null, null);
        DomainRejection rejection = rejected(c);
        assertEquals("field-required", rejection.rule());
        assertEquals(List.of("controller.name", "assignment.description"), violationFields(rejection));
    }

    @Test
    void data_category_codes_must_be_annex_one_codes() {
        DomainRejection rejection = rejected(withCategory(new DataCategory("3 99", "x", "P1Y", null, null)));
        assertEquals("unknown-information-class", rejection.rule());
        assertEquals("dataCategories[0].code", firstViolationField(rejection));
    }

    @Test
    void retention_must_be_as_required_by_law_or_an_iso_period() {
        assertEquals("invalid-retention",
                rejected(withCategory(new DataCategory("3 00", "x", "5 jaar", null, null))).rule());
        assertEquals("invalid-retention",
                rejected(withCategory(new DataCategory("3 00", "x", "P0D", null, null))).rule());
        assertEquals("invalid-retention",
                rejected(withCategory(new DataCategory("3 00", "x", null, null, null))).rule());
        assertEquals("P18M", AgreementContentRules.validated(
                withCategory(new DataCategory("3 00", "x", "P18M", null, null))).dataCategories().get(0).retention());
    }

    @Test
    void countries_must_be_iso_alpha_2_codes() {
        DomainRejection rejection = rejected(withSubprocessors(content(),
                List.of(new Subprocessor("Level 27", "Hasselt", "België", null))));
        assertEquals("invalid-country", rejection.rule());
        assertEquals("subprocessors[0].country", firstViolationField(rejection));
    }

    @Test
    void subprocessor_outside_eea_without_mechanism_is_refused() {
        DomainRejection rejection = rejected(withSubprocessors(content(),
                List.of(level27(), new Subprocessor("Cloud Inc.", "Seattle", "US", null))));
        assertEquals("transfer-outside-eea-without-mechanism", rejection.rule());
        assertEquals("subprocessors[1].transferMechanism", firstViolationField(rejection));
    }

    @Test
    void subprocessor_outside_eea_with_standard_contractual_clauses_is_accepted() {
        AgreementContent c = withSubprocessors(content(), List.of(level27(),
                new Subprocessor("Cloud Inc.", "Seattle", "US", TransferMechanism.APPROPRIATE_SAFEGUARDS)));
        assertEquals(c, AgreementContentRules.validated(c));
    }

    @Test
    void processing_location_outside_eea_without_mechanism_is_refused() {
        AgreementContent c = new AgreementContent(opwijk(), esn(), content().assignment(), null, null, null, null,
                List.of(new ProcessingLocation("BE", null), new ProcessingLocation("CH", null)), null, null);
        DomainRejection rejection = rejected(c);
        assertEquals("transfer-outside-eea-without-mechanism", rejection.rule());
        assertEquals("processingLocations[1].transferMechanism", firstViolationField(rejection));
    }

    @Test
    void every_violation_of_the_failing_rule_is_listed() {
        AgreementContent c = new AgreementContent(opwijk(), esn(), content().assignment(), null, null, null, null,
                List.of(new ProcessingLocation("IN", null)),
                List.of(new Subprocessor("A", null, "US", null), new Subprocessor("B", null, "NO", null)), null);
        DomainRejection rejection = rejected(c);
        assertEquals(List.of("processingLocations[0].transferMechanism", "subprocessors[0].transferMechanism"),
                violationFields(rejection));
        assertTrue(rejection.detail().endsWith("(and 1 more)"), rejection.detail());
    }

    @Test
    void settings_days_must_lie_between_1_and_365_and_the_zone_must_exist() {
        DomainRejection rejection = rejected(withSettings(new AgreementSettings(null, "Europe/Opwijk", 0, 366)));
        assertEquals("invalid-setting", rejection.rule());
        assertEquals(List.of("settings.subprocessorObjectionDays", "settings.destructionConfirmationDays",
                "settings.timeZone"), violationFields(rejection));
    }

    @Test
    void eea_is_the_eu_plus_iceland_liechtenstein_and_norway() {
        assertEquals(30, Eea.COUNTRIES.size());
        assertTrue(Eea.isInEea("BE"));
        assertTrue(Eea.isInEea("no"));
        assertTrue(Eea.isInEea("GR"));
        assertFalse(Eea.isInEea("CH"));
        assertFalse(Eea.isInEea("GB"));
        assertFalse(Eea.isInEea(null));
    }

    @Test
    void an_addendum_section_replaces_the_whole_section_and_null_keeps_it() {
        AgreementContentChanges changes = SeedAgreement.changingPurposes(List.of("Enkel hosting"));
        AgreementContent changed = changes.applyTo(content());
        assertEquals(List.of("Enkel hosting"), changed.purposes());
        assertEquals(content().subprocessors(), changed.subprocessors());
        assertTrue(SeedAgreement.changingSubprocessors(List.of()).applyTo(content()).subprocessors().isEmpty());
        assertNull(changes.subprocessors());
    }

    // --- helpers ---

    private static DomainRejection rejected(AgreementContent content) {
        return assertThrows(DomainRejection.class, () -> AgreementContentRules.validated(content));
    }

    @SuppressWarnings("unchecked")
    private static List<String> violationFields(DomainRejection rejection) {
        List<Map<String, Object>> violations = (List<Map<String, Object>>) rejection.details().get("violations");
        return violations.stream().map(v -> (String) v.get("field")).toList();
    }

    private static String firstViolationField(DomainRejection rejection) {
        return violationFields(rejection).get(0);
    }

    private static AgreementContent withParties(Party controller, Party processor) {
        AgreementContent c = content();
        return new AgreementContent(controller, processor, c.assignment(), c.purposes(), c.dataCategories(),
                c.applications(), c.securityMeasures(), c.processingLocations(), c.subprocessors(), c.settings());
    }

    private static AgreementContent withCategory(DataCategory category) {
        AgreementContent c = content();
        return new AgreementContent(c.controller(), c.processor(), c.assignment(), c.purposes(), List.of(category),
                c.applications(), c.securityMeasures(), c.processingLocations(), c.subprocessors(), c.settings());
    }

    private static AgreementContent withSettings(AgreementSettings settings) {
        AgreementContent c = content();
        return new AgreementContent(c.controller(), c.processor(), c.assignment(), c.purposes(), c.dataCategories(),
                c.applications(), c.securityMeasures(), c.processingLocations(), c.subprocessors(), settings);
    }
}
