package eu.dpaledger.agreement.domain.content;

import eu.dpaledger.agreement.domain.agreement.SeedAgreement;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InformationClassTest {

    @Test
    void the_annex_one_table_has_27_codes_from_1_00_to_5_00() {
        InformationClass[] all = InformationClass.values();
        assertEquals(27, all.length);
        assertEquals("1 00", all[0].code());
        assertEquals("5 00", all[all.length - 1].code());
        Set<String> codes = Arrays.stream(all).map(InformationClass::code).collect(Collectors.toSet());
        assertEquals(27, codes.size(), "codes are unique");
    }

    @Test
    void lookup_by_code_tolerates_spacing() {
        assertEquals(InformationClass.IDENTIFICATION, InformationClass.fromCode("3 01").orElseThrow());
        assertEquals(InformationClass.IDENTIFICATION, InformationClass.fromCode("301").orElseThrow());
        assertEquals(InformationClass.LOCATION, InformationClass.fromCode("4.10").orElseThrow());
        assertTrue(InformationClass.fromCode("3 09").isEmpty());
        assertTrue(InformationClass.fromCode("6 00").isEmpty());
        assertTrue(InformationClass.fromCode(null).isEmpty());
    }

    @Test
    void the_class_level_is_the_first_digit() {
        assertEquals(1, InformationClass.PUBLIC_NO_STANDARD_TYPES.level());
        assertEquals(2, InformationClass.PROFESSIONAL_CONTACT.level());
        assertEquals(3, InformationClass.NATIONAL_REGISTER_NUMBER.level());
        assertEquals(4, InformationClass.STATUTES_AND_PERMITS.level());
        assertEquals(5, InformationClass.TOP_SECRET_NO_STANDARD_TYPES.level());
    }

    @Test
    void classes_map_to_dpv_personal_data_iris() {
        assertEquals(List.of("https://w3id.org/dpv/pd#Identifying"), InformationClass.IDENTIFICATION.dpvIris());
        assertEquals(List.of("https://w3id.org/dpv/pd#MedicalHealth"),
                InformationClass.PHYSICAL_MEDICAL_PSYCHOLOGICAL.dpvIris());
        assertEquals(List.of("https://w3id.org/dpv/pd#Genetic", "https://w3id.org/dpv/pd#Biometric"),
                InformationClass.GENETIC_AND_BIOMETRIC.dpvIris());
        assertTrue(InformationClass.HOUSING_CHARACTERISTICS.dpvIris().isEmpty());
        assertTrue(InformationClass.PUBLIC_NO_STANDARD_TYPES.dpvIris().isEmpty());
    }

    @Test
    void highest_class_is_the_maximum_level_among_coded_categories() {
        List<DataCategory> categories = List.of(
                category("2 00"), category(null), category("4 10"), category("3 01"));
        assertEquals(4, InformationClass.highestLevel(categories));
    }

    @Test
    void highest_class_is_null_when_no_category_has_a_code() {
        assertNull(InformationClass.highestLevel(List.of(category(null), category(null))));
        assertNull(InformationClass.highestLevel(List.of()));
    }

    @Test
    void the_seed_agreement_is_class_3() {
        assertEquals(3, SeedAgreement.content().highestInformationClass());
    }

    private static DataCategory category(String code) {
        return new DataCategory(code, "data", DataCategory.AS_REQUIRED_BY_LAW, null, null);
    }
}
