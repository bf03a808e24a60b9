package eu.dpaledger.platform.personaldata;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which values of an event are personal, and how a sealed value looks, opens and erases. */
class PersonalFieldsTest {

    record Contact(@Personal(kind = "contact") String name, @Personal(kind = "contact", subject = "name", identifying = true) String email,
                   String role) {
    }

    record Party(String organisation, Contact representative, List<Contact> others) {
    }

    record Signed(@Personal(kind = "signer") String signerName, @Personal(kind = "signer", subject = "signerName") String signerTitle,
                  Party party, String place) {
    }

    record NoPeople(String title, LocalDate on) {
    }

    record Wrong(@Personal(kind = "x") LocalDate day) {
    }

    record Hidden(java.util.Optional<Contact> contact) {
    }

    @Test
    void finds_personal_values_in_nested_records_and_lists_with_their_person() {
        Signed event = new Signed("Jan  Voorbeeld", "directeur",
                new Party("Opwijk", new Contact("Els Fictief", "Els@Example.org", "DPO"),
                        List.of(new Contact("Piet Proef", null, "IT"))), "Opwijk");
        List<PersonalFields.Field> fields = PersonalFields.of(event);
        assertEquals(List.of("/signerName", "/signerTitle", "/party/representative/name", "/party/representative/email",
                "/party/others/0/name"), fields.stream().map(PersonalFields.Field::pointer).toList());
        assertEquals("jan voorbeeld", fields.get(1).subject(), "the title belongs to the signer, by name, normalised");
        assertEquals("els fictief", fields.get(3).subject());
        assertTrue(fields.get(3).identifying());
        assertEquals("contact", fields.get(4).kind());
    }

    @Test
    void a_record_without_personal_components_has_none_and_a_non_text_one_is_a_mistake() {
        assertTrue(PersonalFields.of(new NoPeople("Policy", LocalDate.of(2026, 1, 1))).isEmpty());
        assertFalse(PersonalFields.mayHold(NoPeople.class));
        assertThrows(IllegalStateException.class, () -> PersonalFields.of(new Wrong(LocalDate.of(2026, 1, 1))));
        assertThrows(IllegalStateException.class, () -> PersonalFields.of(new Hidden(java.util.Optional.empty())),
                "a person in an Optional would not be sealed: refused, not published in clear");
    }

    @Test
    void a_sealed_value_opens_with_its_key_only_and_names_its_key() {
        UUID keyId = UUID.randomUUID();
        byte[] key = SealedValue.newKey();
        String token = SealedValue.seal(keyId, key, "Jan Voorbeeld").token();
        assertTrue(token.startsWith("pd:1:" + keyId + ":"));
        assertFalse(token.contains("Jan"));
        SealedValue parsed = SealedValue.parse(token).orElseThrow();
        assertEquals("Jan Voorbeeld", parsed.open(key));
        assertThrows(IllegalStateException.class, () -> parsed.open(SealedValue.newKey()));
        // Moved to another key id, the associated data no longer matches.
        SealedValue moved = new SealedValue(UUID.randomUUID(), parsed.sealed());
        assertThrows(IllegalStateException.class, () -> moved.open(key));
        assertTrue(SealedValue.parse("pd:1:not-a-key").isEmpty());
        assertTrue(SealedValue.parse("Jan Voorbeeld").isEmpty());
        assertEquals("erased on 2026-12-02", SealedValue.erased(LocalDate.of(2026, 12, 2)));
    }
}
