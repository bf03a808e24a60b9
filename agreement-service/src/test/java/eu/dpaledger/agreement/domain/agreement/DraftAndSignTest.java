package eu.dpaledger.agreement.domain.agreement;

import eu.dpaledger.agreement.domain.agreement.AgreementCommand.CreateDraft;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand.EditDraft;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand.Sign;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.AgreementActivated;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.AgreementSigned;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.DraftCreated;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.DraftEdited;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.SignaturesVoided;
import eu.dpaledger.agreement.domain.content.AgreementContent;
import eu.dpaledger.agreement.domain.content.Party;
import eu.dpaledger.agreement.domain.content.PartyRole;
import eu.dpaledger.agreement.domain.content.Subprocessor;
import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.DomainRejection.Kind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static eu.dpaledger.agreement.domain.agreement.AgreementSpec.DIGEST;
import static eu.dpaledger.agreement.domain.agreement.AgreementSpec.given;
import static eu.dpaledger.agreement.domain.agreement.AgreementSpec.recordOf;
import static eu.dpaledger.agreement.domain.agreement.SeedAgreement.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drafting, editing and signing until the agreement is active. */
class DraftAndSignTest {

    private static final Instant LATER = Instant.parse("2025-03-01T10:00:00Z");

    // --- CreateDraft ---

    @Test
    void controller_drafts_with_normalised_enterprise_numbers() {
        AgreementState state = given()
                .when(new CreateDraft(ID, contentAsTyped(), controllerStaff(), DRAFTED))
                .then(new DraftCreated(ID, content(), PartyRole.CONTROLLER, DRAFTED));
        assertInstanceOf(AgreementState.Draft.class, state);
        assertEquals(AgreementStatus.DRAFT, recordOf(state).status());
    }

    @Test
    void processor_may_draft_too() {
        given().when(new CreateDraft(ID, content(), processorStaff(), DRAFTED))
                .then(new DraftCreated(ID, content(), PartyRole.PROCESSOR, DRAFTED));
    }

    @Test
    void draft_by_a_non_party_is_refused() {
        given().when(new CreateDraft(ID, content(), outsider(), DRAFTED))
                .thenRejected(Kind.FORBIDDEN, "not-a-party-of-draft");
    }

    @Test
    void draft_by_a_party_without_its_role_is_refused() {
        Actor opwijkWithProcessorRole = new Actor("x", OPWIJK, Set.of(Actor.PROCESSOR));
        given().when(new CreateDraft(ID, content(), opwijkWithProcessorRole, DRAFTED))
                .thenRejected(Kind.FORBIDDEN, "not-a-party-of-draft");
        given().when(new CreateDraft(ID, content(), controllerAuditor(), DRAFTED))
                .thenRejected(Kind.FORBIDDEN, "not-a-party-of-draft");
    }

    @Test
    void draft_on_an_existing_stream_is_refused() {
        given(created()).when(new CreateDraft(ID, content(), controllerStaff(), LATER))
                .thenRejected(Kind.STATE_CONFLICT, "agreement-already-exists");
    }

    @Test
    void draft_needs_an_id_and_valid_content() {
        given().when(new CreateDraft(" ", content(), controllerStaff(), DRAFTED))
                .thenRejected(Kind.INVALID, "field-required");
        given().when(new CreateDraft(ID, null, controllerStaff(), DRAFTED))
                .thenRejected(Kind.INVALID, "field-required");
        given().when(new CreateDraft(ID, withSubprocessors(content(),
                        List.of(new Subprocessor("Cloud Inc.", "Seattle", "US", null))), controllerStaff(), DRAFTED))
                .thenRejected(Kind.INVALID, "transfer-outside-eea-without-mechanism");
    }

    @Test
    void commands_on_an_empty_stream_find_no_agreement() {
        given().when(new Sign("Jan Voorbeeld", null, null, controllerStaff(), DRAFTED))
                .thenRejected(Kind.NOT_FOUND, "agreement-not-found");
        given().when(new EditDraft(content(), controllerStaff(), DRAFTED))
                .thenRejected(Kind.NOT_FOUND, "agreement-not-found");
    }

    // --- EditDraft ---

    @Test
    void edit_of_an_unsigned_draft_only_replaces_the_content() {
        AgreementContent edited = withPurposes(content(), List.of("Enkel hosting"));
        AgreementState state = given(created())
                .when(new EditDraft(edited, processorStaff(), LATER))
                .then(new DraftEdited(edited, PartyRole.PROCESSOR, LATER));
        assertEquals(edited, recordOf(state).currentContent());
        assertEquals(edited, recordOf(state).originalContent());
    }

    @Test
    void edit_after_signature_voids_it() {
        AgreementContent edited = withPurposes(content(), List.of("Enkel hosting"));
        AgreementState state = given(created(), controllerSigned())
                .when(new EditDraft(edited, processorStaff(), LATER))
                .then(new DraftEdited(edited, PartyRole.PROCESSOR, LATER),
                        new SignaturesVoided(List.of(PartyRole.CONTROLLER), "content edited after signature", LATER));
        AgreementRecord agreement = recordOf(state);
        assertTrue(agreement.validSignatures().isEmpty());
        assertEquals(1, agreement.signatures().size());
        assertTrue(agreement.signatures().get(0).voided());
    }

    @Test
    void edit_to_the_very_content_signed_keeps_the_signature() {
        given(created(), controllerSigned())
                .when(new EditDraft(contentAsTyped(), processorStaff(), LATER))
                .then(new DraftEdited(content(), PartyRole.PROCESSOR, LATER));
    }

    @Test
    void edit_cannot_change_the_parties() {
        Party otherProcessor = new Party("Andere Leverancier", "0876543270", null, null, esn().dpo());
        AgreementContent c = content();
        AgreementContent edited = new AgreementContent(c.controller(), otherProcessor, c.assignment(), c.purposes(),
                c.dataCategories(), c.applications(), c.securityMeasures(), c.processingLocations(), c.subprocessors(),
                c.settings());
        given(created()).when(new EditDraft(edited, controllerStaff(), LATER))
                .thenRejected(Kind.INVALID, "parties-cannot-change");
    }

    @Test
    void edit_by_a_party_member_without_the_party_role_is_refused() {
        given(created()).when(new EditDraft(content(), controllerAuditor(), LATER))
                .thenRejected(Kind.FORBIDDEN, "party-role-required");
    }

    @Test
    void edit_by_an_outsider_finds_no_agreement() {
        given(created()).when(new EditDraft(content(), outsider(), LATER))
                .thenRejected(Kind.NOT_FOUND, "agreement-not-found");
    }

    @Test
    void edit_of_an_active_agreement_is_refused() {
        given(active()).when(new EditDraft(content(), controllerStaff(), LATER))
                .thenRejected(Kind.STATE_CONFLICT, "agreement-not-draft");
    }

    @Test
    void edit_must_leave_valid_content() {
        Party noDpo = new Party("European Service Network", ESN, null, null, null);
        AgreementContent c = content();
        AgreementContent edited = new AgreementContent(c.controller(), noDpo, c.assignment(), c.purposes(),
                c.dataCategories(), c.applications(), c.securityMeasures(), c.processingLocations(), c.subprocessors(),
                c.settings());
        given(created()).when(new EditDraft(edited, processorStaff(), LATER))
                .thenRejected(Kind.INVALID, "dpo-required");
    }

    // --- Sign ---

    @Test
    void a_single_signature_binds_the_content_digest_but_does_not_activate() {
        AgreementState state = given(created())
                .when(new Sign("Jan Voorbeeld", "Algemeen directeur", "Opwijk", controllerStaff(), CONTROLLER_SIGNS))
                .then(controllerSigned());
        assertEquals(DIGEST.sha256Hex(content()), controllerSigned().contentSha256());
        assertEquals(AgreementStatus.DRAFT, recordOf(state).status());
    }

    @Test
    void both_signatures_on_same_content_activate() {
        AgreementState state = given(created(), controllerSigned())
                .when(new Sign("Piet Proef", "Algemeen directeur ESN", "Brussel", processorStaff(), PROCESSOR_SIGNS))
                .then(processorSigned(), new AgreementActivated(contentSha256(), PROCESSOR_SIGNS));
        assertInstanceOf(AgreementState.Active.class, state);
        AgreementRecord agreement = recordOf(state);
        assertEquals(PROCESSOR_SIGNS, agreement.activatedAt());
        assertEquals(contentSha256(), agreement.activatedContentSha256());
        assertEquals(2, agreement.validSignatures().size());
    }

    @Test
    void signatures_on_different_content_do_not_activate() {
        AgreementContent edited = withPurposes(content(), List.of("Enkel hosting"));
        List<AgreementEvent> history = List.of(created(), controllerSigned(),
                new DraftEdited(edited, PartyRole.PROCESSOR, LATER),
                new SignaturesVoided(List.of(PartyRole.CONTROLLER), "content edited after signature", LATER));
        String editedSha256 = DIGEST.sha256Hex(edited);
        AgreementState state = given(history)
                .when(new Sign("Piet Proef", "Algemeen directeur ESN", "Brussel", processorStaff(), PROCESSOR_SIGNS))
                .then(new AgreementSigned(PartyRole.PROCESSOR, "Piet Proef", "Algemeen directeur ESN", "Brussel",
                        editedSha256, PROCESSOR_SIGNS));
        assertEquals(AgreementStatus.DRAFT, recordOf(state).status());
    }

    @Test
    void a_party_signs_again_after_its_signature_was_voided_and_that_activates() {
        AgreementContent edited = withPurposes(content(), List.of("Enkel hosting"));
        String editedSha256 = DIGEST.sha256Hex(edited);
        List<AgreementEvent> history = List.of(created(), controllerSigned(),
                new DraftEdited(edited, PartyRole.PROCESSOR, LATER),
                new SignaturesVoided(List.of(PartyRole.CONTROLLER), "content edited after signature", LATER),
                new AgreementSigned(PartyRole.PROCESSOR, "Piet Proef", null, null, editedSha256, LATER));
        Instant again = LATER.plusSeconds(3600);
        given(history)
                .when(new Sign("Jan Voorbeeld", null, null, controllerStaff(), again))
                .then(new AgreementSigned(PartyRole.CONTROLLER, "Jan Voorbeeld", null, null, editedSha256, again),
                        new AgreementActivated(editedSha256, again));
    }

    @Test
    void signing_the_same_content_twice_is_refused() {
        given(created(), controllerSigned())
                .when(new Sign("Jan Voorbeeld", null, null, controllerStaff(), LATER))
                .thenRejected(Kind.STATE_CONFLICT, "already-signed");
    }

    @Test
    void signer_without_a_party_role_is_refused() {
        given(created()).when(new Sign("Auditor Fictief", null, null, controllerAuditor(), LATER))
                .thenRejected(Kind.FORBIDDEN, "signer-not-a-party");
    }

    @Test
    void signer_from_another_organisation_finds_no_agreement() {
        given(created()).when(new Sign("Eve Buiten", null, null, outsider(), LATER))
                .thenRejected(Kind.NOT_FOUND, "agreement-not-found");
    }

    @Test
    void signing_an_active_agreement_is_refused() {
        given(active()).when(new Sign("Jan Voorbeeld", null, null, controllerStaff(), LATER))
                .thenRejected(Kind.STATE_CONFLICT, "agreement-not-draft");
    }

    @Test
    void signing_needs_the_signer_name() {
        given(created()).when(new Sign(" ", null, null, controllerStaff(), LATER))
                .thenRejected(Kind.INVALID, "field-required");
    }

    // --- read-side helpers ---

    @Test
    void the_record_knows_who_is_party_and_in_which_role() {
        AgreementRecord agreement = recordOf(AgreementSpec.replay(active()));
        assertTrue(agreement.isParty("BE0207.511.803"));
        assertTrue(agreement.isParty(ESN));
        assertFalse(agreement.isParty(OUTSIDER_ORG));
        assertFalse(agreement.isParty("not a number"));
        assertEquals(PartyRole.CONTROLLER, agreement.partyOf(controllerStaff()).orElseThrow());
        assertEquals(PartyRole.PROCESSOR, agreement.partyOf(processorStaff()).orElseThrow());
        assertTrue(agreement.partyOf(controllerAuditor()).isEmpty());
        assertEquals(3, agreement.highestInformationClass());
        assertNull(agreement.termination());
        assertTrue(agreement.openExitSteps(LATER).isEmpty());
    }
}
