package eu.dpaledger.agreement.domain.agreement;

import eu.dpaledger.agreement.domain.agreement.AgreementCommand.ProposeAddendum;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand.SignAddendum;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand.WithdrawAddendum;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.AddendumInForce;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.AddendumProposed;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.AddendumSigned;
import eu.dpaledger.agreement.domain.agreement.AgreementEvent.AddendumWithdrawn;
import eu.dpaledger.agreement.domain.content.AgreementContent;
import eu.dpaledger.agreement.domain.content.AgreementContentChanges;
import eu.dpaledger.agreement.domain.content.Party;
import eu.dpaledger.agreement.domain.content.PartyRole;
import eu.dpaledger.agreement.domain.content.Subprocessor;
import eu.dpaledger.platform.domain.DomainRejection.Kind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static eu.dpaledger.agreement.domain.agreement.AgreementSpec.DIGEST;
import static eu.dpaledger.agreement.domain.agreement.AgreementSpec.given;
import static eu.dpaledger.agreement.domain.agreement.AgreementSpec.recordOf;
import static eu.dpaledger.agreement.domain.agreement.SeedAgreement.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Changing an active agreement through written, numbered addenda (art. 12.3). */
class AddendumTest {

    private static final Instant PROPOSED = Instant.parse("2026-01-10T09:00:00Z");
    private static final Instant CONTROLLER_SIGNS_ADDENDUM = Instant.parse("2026-01-12T09:00:00Z");
    private static final Instant PROCESSOR_SIGNS_ADDENDUM = Instant.parse("2026-01-13T09:00:00Z");

    private static final Subprocessor BACKUP = new Subprocessor("Backup BV", "Utrecht", "NL", null);
    private static final String TITLE = "Addendum 1: back-up provider";
    private static final String REASON = "Tweede datacenter voor back-ups";

    private static AgreementContentChanges addBackupProvider() {
        return changingSubprocessors(List.of(level27(), BACKUP));
    }

    private static AddendumProposed proposed() {
        return new AddendumProposed(1, TITLE, REASON, addBackupProvider(), PartyRole.PROCESSOR, PROPOSED);
    }

    private static String addendumSha256() {
        return DIGEST.sha256Hex(new AddendumTerms(1, TITLE, REASON, addBackupProvider()));
    }

    private static AddendumSigned controllerSignedAddendum() {
        return new AddendumSigned(1, PartyRole.CONTROLLER, "Jan Voorbeeld", "Algemeen directeur", "Opwijk",
                addendumSha256(), CONTROLLER_SIGNS_ADDENDUM);
    }

    private static AgreementContent contentWithBackup() {
        return withSubprocessors(content(), List.of(level27(), BACKUP));
    }

    // --- ProposeAddendum ---

    @Test
    void a_party_proposes_addendum_number_1() {
        AgreementState state = given(active())
                .when(new ProposeAddendum(TITLE, REASON, addBackupProvider(), processorStaff(), PROPOSED))
                .then(proposed());
        AgreementRecord agreement = recordOf(state);
        assertEquals(Addendum.Status.PROPOSED, agreement.pendingAddendum().orElseThrow().status());
        assertEquals(content(), agreement.currentContent(), "a proposal changes nothing yet");
    }

    @Test
    void proposal_changes_are_stored_normalised() {
        AgreementContentChanges typed = changingSubprocessors(List.of(level27(),
                new Subprocessor("Backup BV", "Utrecht", "nl", null)));
        given(active()).when(new ProposeAddendum(TITLE, REASON, typed, processorStaff(), PROPOSED))
                .then(proposed());
    }

    @Test
    void addendum_on_a_draft_is_refused() {
        given(draft()).when(new ProposeAddendum(TITLE, REASON, addBackupProvider(), processorStaff(), PROPOSED))
                .thenRejected(Kind.STATE_CONFLICT, "agreement-not-active");
    }

    @Test
    void only_one_addendum_may_be_pending() {
        given(active(), proposed())
                .when(new ProposeAddendum("Nog een", null, changingPurposes(List.of("x")), controllerStaff(), PROPOSED))
                .thenRejected(Kind.STATE_CONFLICT, "addendum-pending");
    }

    @Test
    void an_addendum_that_changes_nothing_is_refused() {
        AgreementContentChanges nothing = new AgreementContentChanges(
                null, null, null, null, null, null, null, null, null, null);
        given(active()).when(new ProposeAddendum(TITLE, REASON, nothing, processorStaff(), PROPOSED))
                .thenRejected(Kind.INVALID, "empty-addendum");
        given(active()).when(new ProposeAddendum(TITLE, REASON, null, processorStaff(), PROPOSED))
                .thenRejected(Kind.INVALID, "empty-addendum");
    }

    @Test
    void an_addendum_needs_a_title() {
        given(active()).when(new ProposeAddendum(null, REASON, addBackupProvider(), processorStaff(), PROPOSED))
                .thenRejected(Kind.INVALID, "field-required");
    }

    @Test
    void an_addendum_adding_a_subprocessor_outside_eea_without_mechanism_is_refused() {
        AgreementContentChanges changes = changingSubprocessors(List.of(level27(),
                new Subprocessor("Cloud Inc.", "Seattle", "US", null)));
        given(active()).when(new ProposeAddendum(TITLE, REASON, changes, processorStaff(), PROPOSED))
                .thenRejected(Kind.INVALID, "transfer-outside-eea-without-mechanism");
    }

    @Test
    void an_addendum_may_update_party_details_but_not_the_enterprise_number() {
        Party renamed = new Party("European Service Network NV", ESN, "Kunstlaan 48, 1000 Brussel",
                esn().representative(), esn().dpo());
        AgreementContentChanges details = new AgreementContentChanges(
                null, renamed, null, null, null, null, null, null, null, null);
        given(active()).when(new ProposeAddendum(TITLE, REASON, details, processorStaff(), PROPOSED))
                .then(new AddendumProposed(1, TITLE, REASON, details, PartyRole.PROCESSOR, PROPOSED));

        Party otherCompany = renamed.withEnterpriseNumber("0876543270");
        AgreementContentChanges takeover = new AgreementContentChanges(
                null, otherCompany, null, null, null, null, null, null, null, null);
        given(active()).when(new ProposeAddendum(TITLE, REASON, takeover, processorStaff(), PROPOSED))
                .thenRejected(Kind.INVALID, "parties-cannot-change");
    }

    @Test
    void an_auditor_cannot_propose_an_addendum() {
        given(active()).when(new ProposeAddendum(TITLE, REASON, addBackupProvider(), controllerAuditor(), PROPOSED))
                .thenRejected(Kind.FORBIDDEN, "party-role-required");
    }

    // --- SignAddendum ---

    @Test
    void one_signature_on_an_addendum_leaves_the_content_as_it_was() {
        AgreementState state = given(active(), proposed())
                .when(new SignAddendum(1, "Jan Voorbeeld", "Algemeen directeur", "Opwijk", controllerStaff(),
                        CONTROLLER_SIGNS_ADDENDUM))
                .then(controllerSignedAddendum());
        assertEquals(content(), recordOf(state).currentContent());
    }

    @Test
    void addendum_in_force_changes_current_content() {
        AgreementState state = given(active(), proposed(), controllerSignedAddendum())
                .when(new SignAddendum(1, "Piet Proef", "Algemeen directeur ESN", "Brussel", processorStaff(),
                        PROCESSOR_SIGNS_ADDENDUM))
                .then(new AddendumSigned(1, PartyRole.PROCESSOR, "Piet Proef", "Algemeen directeur ESN", "Brussel",
                                addendumSha256(), PROCESSOR_SIGNS_ADDENDUM),
                        new AddendumInForce(1, DIGEST.sha256Hex(contentWithBackup()), PROCESSOR_SIGNS_ADDENDUM));
        AgreementRecord agreement = recordOf(state);
        assertEquals(contentWithBackup(), agreement.currentContent());
        assertEquals(content(), agreement.originalContent(), "the signed original stays as it was");
        Addendum addendum = agreement.addendum(1).orElseThrow();
        assertEquals(Addendum.Status.IN_FORCE, addendum.status());
        assertEquals(PROCESSOR_SIGNS_ADDENDUM, addendum.inForceAt());
        assertTrue(agreement.pendingAddendum().isEmpty());
    }

    @Test
    void addenda_are_numbered_in_order_and_applied_in_order() {
        List<AgreementEvent> firstInForce = append(active(), proposed(), controllerSignedAddendum(),
                new AddendumSigned(1, PartyRole.PROCESSOR, "Piet Proef", null, null, addendumSha256(),
                        PROCESSOR_SIGNS_ADDENDUM),
                new AddendumInForce(1, DIGEST.sha256Hex(contentWithBackup()), PROCESSOR_SIGNS_ADDENDUM));
        Instant second = PROCESSOR_SIGNS_ADDENDUM.plusSeconds(86_400);
        AgreementContentChanges purposes = changingPurposes(List.of("Enkel hosting"));
        given(firstInForce)
                .when(new ProposeAddendum("Addendum 2", null, purposes, controllerStaff(), second))
                .then(new AddendumProposed(2, "Addendum 2", null, purposes, PartyRole.CONTROLLER, second));

        String secondSha256 = DIGEST.sha256Hex(new AddendumTerms(2, "Addendum 2", null, purposes));
        List<AgreementEvent> bothInForce = append(firstInForce,
                new AddendumProposed(2, "Addendum 2", null, purposes, PartyRole.CONTROLLER, second),
                new AddendumSigned(2, PartyRole.CONTROLLER, "Jan Voorbeeld", null, null, secondSha256, second),
                new AddendumSigned(2, PartyRole.PROCESSOR, "Piet Proef", null, null, secondSha256, second),
                new AddendumInForce(2, "digest-not-checked-by-evolve", second));
        AgreementContent current = recordOf(AgreementSpec.replay(bothInForce)).currentContent();
        assertEquals(withPurposes(contentWithBackup(), List.of("Enkel hosting")), current);
    }

    @Test
    void signing_an_addendum_twice_is_refused() {
        given(active(), proposed(), controllerSignedAddendum())
                .when(new SignAddendum(1, "Jan Voorbeeld", null, null, controllerStaff(), PROCESSOR_SIGNS_ADDENDUM))
                .thenRejected(Kind.STATE_CONFLICT, "already-signed");
    }

    @Test
    void signing_an_unknown_addendum_is_refused() {
        given(active(), proposed())
                .when(new SignAddendum(2, "Jan Voorbeeld", null, null, controllerStaff(), PROCESSOR_SIGNS_ADDENDUM))
                .thenRejected(Kind.NOT_FOUND, "addendum-not-found");
    }

    @Test
    void an_auditor_cannot_sign_an_addendum() {
        given(active(), proposed())
                .when(new SignAddendum(1, "Auditor", null, null, controllerAuditor(), PROCESSOR_SIGNS_ADDENDUM))
                .thenRejected(Kind.FORBIDDEN, "signer-not-a-party");
    }

    @Test
    void signing_an_addendum_after_termination_is_refused() {
        given(append(active(), proposed(), assignmentEnded()))
                .when(new SignAddendum(1, "Jan Voorbeeld", null, null, controllerStaff(), TERMINATED))
                .thenRejected(Kind.STATE_CONFLICT, "agreement-not-active");
    }

    @Test
    void signing_an_addendum_needs_the_signer_name() {
        given(active(), proposed())
                .when(new SignAddendum(1, null, null, null, controllerStaff(), CONTROLLER_SIGNS_ADDENDUM))
                .thenRejected(Kind.INVALID, "field-required");
    }

    // --- WithdrawAddendum ---

    @Test
    void a_withdrawn_addendum_frees_the_way_for_the_next_one() {
        Instant withdrawn = PROPOSED.plusSeconds(3600);
        AgreementState state = given(active(), proposed())
                .when(new WithdrawAddendum(1, "Niet akkoord", controllerStaff(), withdrawn))
                .then(new AddendumWithdrawn(1, "Niet akkoord", PartyRole.CONTROLLER, withdrawn));
        AgreementRecord agreement = recordOf(state);
        assertEquals(Addendum.Status.WITHDRAWN, agreement.addendum(1).orElseThrow().status());
        assertTrue(agreement.pendingAddendum().isEmpty());

        List<AgreementEvent> history = append(active(), proposed(),
                new AddendumWithdrawn(1, "Niet akkoord", PartyRole.CONTROLLER, withdrawn));
        AgreementContentChanges purposes = changingPurposes(List.of("Enkel hosting"));
        given(history).when(new ProposeAddendum("Tweede poging", null, purposes, processorStaff(), withdrawn))
                .then(new AddendumProposed(2, "Tweede poging", null, purposes, PartyRole.PROCESSOR, withdrawn));
        given(history).when(new SignAddendum(1, "Piet Proef", null, null, processorStaff(), withdrawn))
                .thenRejected(Kind.STATE_CONFLICT, "addendum-not-pending");
    }

    @Test
    void an_addendum_in_force_cannot_be_withdrawn() {
        given(append(active(), proposed(), controllerSignedAddendum(),
                new AddendumSigned(1, PartyRole.PROCESSOR, "Piet Proef", null, null, addendumSha256(),
                        PROCESSOR_SIGNS_ADDENDUM),
                new AddendumInForce(1, DIGEST.sha256Hex(contentWithBackup()), PROCESSOR_SIGNS_ADDENDUM)))
                .when(new WithdrawAddendum(1, "Toch niet", processorStaff(), PROCESSOR_SIGNS_ADDENDUM))
                .thenRejected(Kind.STATE_CONFLICT, "addendum-not-pending");
    }

    @Test
    void withdrawing_an_unknown_addendum_is_refused() {
        given(active()).when(new WithdrawAddendum(7, null, processorStaff(), PROPOSED))
                .thenRejected(Kind.NOT_FOUND, "addendum-not-found");
    }
}
