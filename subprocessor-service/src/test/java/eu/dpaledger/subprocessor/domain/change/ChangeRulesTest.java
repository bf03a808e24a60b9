package eu.dpaledger.subprocessor.domain.change;

import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.subprocessor.domain.SubprocessorDetails;
import org.junit.jupiter.api.Test;

import static eu.dpaledger.subprocessor.domain.ChangeRejections.*;
import static eu.dpaledger.subprocessor.domain.change.ChangeSpec.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Who may announce, object and resolve, and what a change notice must say (art. 6.1, 6.2, GDPR chapter V). */
class ChangeRulesTest {

    static final java.time.Instant NOW = t("2026-12-01T09:00:00Z");
    static final SubprocessorDetails LEVEL27_GROUP = new SubprocessorDetails("Bunny.net", "Ljubljana", "SI", null);

    @Test
    void processor_announces_an_addition_outside_the_eea_with_a_transfer_mechanism() {
        given().when(add(CLOUDFLARE, d("2027-01-15"), NOW)).then(announcedAdd(CLOUDFLARE, d("2027-01-15"), NOW));
    }

    @Test
    void a_location_outside_the_eea_without_transfer_mechanism_is_refused() {
        var noMechanism = new SubprocessorDetails("Cloudflare, Inc.", "San Francisco", "US", null);
        given().when(add(noMechanism, d("2027-01-15"), NOW)).thenRejected(DomainRejection.Kind.INVALID, TRANSFER_WITHOUT_MECHANISM);
    }

    @Test
    void a_country_that_is_not_an_iso_code_is_refused() {
        given().when(add(new SubprocessorDetails("X", null, "Belgium", null), d("2027-01-15"), NOW)).thenRejected(INVALID_COUNTRY);
    }

    @Test
    void the_controller_cannot_announce_a_change() {
        var byController = new ChangeCommand.Announce(CHANGE, active(), engaged(), ChangeKind.ADD, CLOUDFLARE, null, d("2027-01-15"),
                "CDN", null, CONTROLLER, NOW);
        given().when(byController).thenRejected(DomainRejection.Kind.FORBIDDEN, ONLY_PROCESSOR_ANNOUNCES);
    }

    @Test
    void changes_are_announced_only_under_an_active_agreement() {
        var draft = new ChangeCommand.Announce(CHANGE, agreement("DRAFT", 30), engaged(), ChangeKind.ADD, CLOUDFLARE, null,
                d("2027-01-15"), "CDN", null, PROCESSOR, NOW);
        given().when(draft).thenRejected(DomainRejection.Kind.STATE_CONFLICT, AGREEMENT_NOT_ACTIVE);
    }

    @Test
    void intended_date_before_the_window_ends_is_refused_with_the_earliest_date() {
        var rejection = given().when(add(CLOUDFLARE, d("2026-12-31"), NOW)).thenRejected(DomainRejection.Kind.UNPROCESSABLE,
                INTENDED_BEFORE_WINDOW_ENDS);
        assertEquals("2027-01-01", rejection.details().get("earliestIntendedFrom"));
        given().when(add(CLOUDFLARE, d("2027-01-01"), NOW)).then(announcedAdd(CLOUDFLARE, d("2027-01-01"), NOW));
    }

    @Test
    void adding_an_engaged_subprocessor_again_is_refused_whatever_the_spelling() {
        given().when(add(new SubprocessorDetails("  level   27 ", "Hasselt", "BE", null), d("2027-01-15"), NOW))
                .thenRejected(DomainRejection.Kind.STATE_CONFLICT, ALREADY_ENGAGED);
    }

    @Test
    void replacing_needs_an_engaged_subprocessor() {
        var replace = new ChangeCommand.Announce(CHANGE, active(), engaged(), ChangeKind.REPLACE, CLOUDFLARE, "Combell", d("2027-01-15"),
                "Move", null, PROCESSOR, NOW);
        given().when(replace).thenRejected(DomainRejection.Kind.UNPROCESSABLE, NOT_ENGAGED);
        var ok = new ChangeCommand.Announce(CHANGE, active(), engaged(), ChangeKind.REPLACE, CLOUDFLARE, "Level 27", d("2027-01-15"),
                "Move", null, PROCESSOR, NOW);
        assertEquals(ChangeStatus.ANNOUNCED, given().when(ok).thenState().change().orElseThrow().status());
    }

    @Test
    void a_removal_needs_no_window_and_takes_effect_today_when_intended_today() {
        var remove = new ChangeCommand.Announce(CHANGE, active(), engaged(), ChangeKind.REMOVE, new SubprocessorDetails("Level 27", null, null, null),
                null, d("2026-12-01"), "Contract ended", null, PROCESSOR, NOW);
        var announced = new ChangeEvent.ChangeAnnounced(CHANGE, AGREEMENT, OPWIJK, ESN, "Europe/Brussels", ChangeKind.REMOVE,
                new SubprocessorDetails("Level 27", null, null, null), null, d("2026-12-01"), "Contract ended", null,
                null, PROCESSOR.subject(), NOW);
        given().when(remove).then(announced,
                new ChangeEvent.ChangeAccepted(AcceptanceBasis.REMOVAL_NOTIFIED, NOW),
                new ChangeEvent.ChangeTookEffect(d("2026-12-01"), NOW));
        assertNull(announced.objectionWindowEndsAt(), "a removal has no objection window");
    }

    @Test
    void a_removal_cannot_be_objected_to() {
        var removal = new ChangeEvent.ChangeAnnounced(CHANGE, AGREEMENT, OPWIJK, ESN, "Europe/Brussels", ChangeKind.REMOVE,
                new SubprocessorDetails("Level 27", null, null, null), null, d("2027-01-01"), "Contract ended", null, null,
                PROCESSOR.subject(), NOW);
        given(removal, new ChangeEvent.ChangeAccepted(AcceptanceBasis.REMOVAL_NOTIFIED, NOW))
                .when(new ChangeCommand.RaiseObjection("No", CONTROLLER, NOW.plusSeconds(60)))
                .thenRejected(NOT_OBJECTABLE);
    }

    @Test
    void the_processor_cannot_object() {
        given(announcedAdd(CLOUDFLARE, d("2027-01-15"), NOW))
                .when(new ChangeCommand.RaiseObjection("No", PROCESSOR, NOW.plusSeconds(60)))
                .thenRejected(DomainRejection.Kind.FORBIDDEN, ONLY_CONTROLLER_OBJECTS);
    }

    @Test
    void a_controller_of_another_organisation_cannot_object() {
        var other = new Actor("dpo@elsewhere", "0123456749", java.util.Set.of(Actor.CONTROLLER));
        given(announcedAdd(CLOUDFLARE, d("2027-01-15"), NOW))
                .when(new ChangeCommand.RaiseObjection("No", other, NOW.plusSeconds(60)))
                .thenRejected(DomainRejection.Kind.FORBIDDEN, ONLY_CONTROLLER_OBJECTS);
    }

    @Test
    void an_objection_needs_grounds_and_is_raised_once() {
        given(announcedAdd(CLOUDFLARE, d("2027-01-15"), NOW))
                .when(new ChangeCommand.RaiseObjection(" ", CONTROLLER, NOW.plusSeconds(60))).thenRejected(FIELD_REQUIRED);
        given(announcedAdd(CLOUDFLARE, d("2027-01-15"), NOW), objected(NOW.plusSeconds(60)))
                .when(new ChangeCommand.RaiseObjection("Again", CONTROLLER, NOW.plusSeconds(120))).thenRejected("change-already-objected");
    }

    @Test
    void withdrawing_the_objection_accepts_the_change_as_resolved() {
        ChangeRecord after = given(announcedAdd(CLOUDFLARE, d("2027-01-15"), NOW), objected(NOW.plusSeconds(60)))
                .when(new ChangeCommand.WithdrawObjection("EU-only processing agreed", CONTROLLER, NOW.plusSeconds(3600)))
                .thenState().change().orElseThrow();
        assertEquals(ChangeStatus.ACCEPTED, after.status());
        assertEquals(AcceptanceBasis.OBJECTION_RESOLVED, after.acceptanceBasis());
        assertEquals("EU-only processing agreed", after.objection().withdrawalReason());
    }

    @Test
    void the_processor_withdraws_its_change_and_nothing_more_can_happen_to_it() {
        var announced = announcedAdd(CLOUDFLARE, d("2027-01-15"), NOW);
        given(announced).when(new ChangeCommand.WithdrawChange("Not needed", CONTROLLER, NOW.plusSeconds(60)))
                .thenRejected(DomainRejection.Kind.FORBIDDEN, ONLY_PROCESSOR_RESOLVES);
        var withdrawn = new ChangeEvent.ChangeWithdrawn("Not needed", PROCESSOR.subject(), NOW.plusSeconds(60));
        given(announced).when(new ChangeCommand.WithdrawChange("Not needed", PROCESSOR, NOW.plusSeconds(60))).then(withdrawn);
        given(announced, withdrawn).when(new ChangeCommand.RaiseObjection("No", CONTROLLER, NOW.plusSeconds(120)))
                .thenRejected(CHANGE_NOT_OPEN);
        given(announced, withdrawn).when(tick(t("2027-02-01T00:00:00Z"))).then();
    }

    @Test
    void an_alternative_supersedes_an_objected_change_of_the_same_agreement_only() {
        var history = new ChangeEvent[]{announcedAdd(CLOUDFLARE, d("2027-01-15"), NOW), objected(NOW.plusSeconds(60))};
        given(history).when(new ChangeCommand.Supersede("chg-2", "other-agreement", ChangeKind.ADD, LEVEL27_GROUP, PROCESSOR, NOW.plusSeconds(120)))
                .thenRejected(ALTERNATIVE_ELSEWHERE);
        ChangeRecord after = given(history).when(new ChangeCommand.Supersede("chg-2", AGREEMENT, ChangeKind.ADD, LEVEL27_GROUP, PROCESSOR, NOW.plusSeconds(120)))
                .thenState().change().orElseThrow();
        assertEquals(ChangeStatus.SUPERSEDED, after.status());
        assertEquals("chg-2", after.closure().alternativeChangeId());
    }
}
