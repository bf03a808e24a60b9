package eu.dpaledger.subprocessor.domain.change;

import org.junit.jupiter.api.Test;

import static eu.dpaledger.subprocessor.domain.ChangeRejections.*;
import static eu.dpaledger.subprocessor.domain.change.ChangeSpec.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The two clocks of a change at their edges (art. 6.1 window in days, art. 6.2 three months; Reg. 1182/71). */
class ChangeClocksTest {

    // Tuesday 1 December 2026, 10:00 in Brussels; 30 days end with Thursday 31 December.
    static final java.time.Instant ANNOUNCED = t("2026-12-01T09:00:00Z");

    @Test
    void objection_in_the_last_minute_of_the_window_is_recorded() {
        given(announcedAdd(CLOUDFLARE, d("2027-01-15"), ANNOUNCED))
                .when(new ChangeCommand.RaiseObjection("No transfers to the US", CONTROLLER, t("2026-12-31T22:59:00Z")))
                .then(objected(t("2026-12-31T22:59:00Z")));
    }

    @Test
    void objection_one_minute_after_the_window_is_rejected() {
        var rejection = given(announcedAdd(CLOUDFLARE, d("2027-01-15"), ANNOUNCED))
                .when(new ChangeCommand.RaiseObjection("Too late", CONTROLLER, t("2026-12-31T23:01:00Z")))
                .thenRejected(WINDOW_CLOSED);
        assertEquals("2026-12-31T23:00:00Z", rejection.details().get("objectionWindowEndsAt"));
    }

    @Test
    void window_whose_last_day_is_a_holiday_ends_after_the_next_working_day() {
        // Monday 12 October + 30 days = Wednesday 11 November (Armistice): the window runs to the end of 12 November.
        assertEquals(t("2026-11-12T23:00:00Z"), ChangeClocks.objectionWindowEndsAt(t("2026-10-12T08:00:00Z"), 30, BRUSSELS));
        var rejection = given().when(add(CLOUDFLARE, d("2026-11-12"), t("2026-10-12T08:00:00Z")))
                .thenRejected(INTENDED_BEFORE_WINDOW_ENDS);
        assertEquals("2026-11-13", rejection.details().get("earliestIntendedFrom"));
        given(announcedAdd(CLOUDFLARE, d("2026-11-13"), t("2026-10-12T08:00:00Z")))
                .when(new ChangeCommand.RaiseObjection("No transfers to the US", CONTROLLER, t("2026-11-12T22:00:00Z")))
                .then(objected(t("2026-11-12T22:00:00Z")));
    }

    @Test
    void termination_right_three_months_after_an_objection_on_31_august_arises_after_30_november() {
        var objection = objected(t("2026-08-31T10:00:00Z"));
        given(announcedAdd(CLOUDFLARE, d("2026-10-01"), t("2026-08-20T08:00:00Z")))
                .when(new ChangeCommand.RaiseObjection("No transfers to the US", CONTROLLER, t("2026-08-31T10:00:00Z")))
                .then(objection);
        assertEquals(d("2026-11-30"), objection.negotiationEndsOn());
        assertEquals(t("2026-11-30T23:00:00Z"), objection.terminationRightFrom());
    }

    @Test
    void termination_right_from_an_objection_on_30_november_clamps_to_february_and_moves_off_the_sunday() {
        // 30 November + 3 months = 28 February 2027, a Sunday: the period ends with Monday 1 March.
        assertEquals(d("2027-03-01"), ChangeClocks.negotiationEndsOn(t("2026-11-30T10:00:00Z"), BRUSSELS));
        assertEquals(t("2027-03-01T23:00:00Z"), ChangeClocks.terminationRightFrom(t("2026-11-30T10:00:00Z"), BRUSSELS));
        // In a leap year the same objection ends on 29 February (2028: a Tuesday).
        assertEquals(d("2028-02-29"), ChangeClocks.negotiationEndsOn(t("2027-11-30T10:00:00Z"), BRUSSELS));
    }

    @Test
    void the_window_closes_by_itself_at_its_end_and_the_change_is_accepted_without_objection() {
        given(announcedAdd(CLOUDFLARE, d("2027-01-15"), ANNOUNCED))
                .when(tick(t("2026-12-31T23:00:00Z")))
                .then(new ChangeEvent.ChangeAccepted(AcceptanceBasis.ACCEPTED_WITHOUT_OBJECTION, t("2026-12-31T23:00:00Z")));
    }

    @Test
    void a_tick_one_second_before_the_end_only_warns_once() {
        var announced = announcedAdd(CLOUDFLARE, d("2027-01-15"), ANNOUNCED);
        given(announced).when(tick(t("2026-12-31T22:59:59Z")))
                .then(new ChangeEvent.ObjectionWindowClosingSoon(t("2026-12-31T23:00:00Z"), t("2026-12-31T22:59:59Z")));
        given(announced, new ChangeEvent.ObjectionWindowClosingSoon(t("2026-12-31T23:00:00Z"), t("2026-12-31T22:59:59Z")))
                .when(tick(t("2026-12-31T22:59:59Z"))).then();
        given(announced).when(tick(t("2026-12-28T22:59:59Z"))).then();
    }

    @Test
    void an_accepted_change_takes_effect_on_its_intended_date_in_the_agreements_zone() {
        var history = new ChangeEvent[]{announcedAdd(CLOUDFLARE, d("2027-01-15"), ANNOUNCED),
                new ChangeEvent.ChangeAccepted(AcceptanceBasis.ACCEPTED_WITHOUT_OBJECTION, t("2026-12-31T23:00:00Z"))};
        // 14 January 23:30 UTC is already 15 January in Brussels.
        given(history).when(tick(t("2027-01-14T22:59:00Z"))).then();
        given(history).when(tick(t("2027-01-14T23:30:00Z")))
                .then(new ChangeEvent.ChangeTookEffect(d("2027-01-15"), t("2027-01-14T23:30:00Z")));
    }

    @Test
    void an_unresolved_objection_grants_the_termination_right_at_three_months_and_warns_before() {
        var announced = announcedAdd(CLOUDFLARE, d("2026-10-01"), t("2026-08-20T08:00:00Z"));
        var objected = objected(t("2026-08-31T10:00:00Z"));
        given(announced, objected).when(tick(t("2026-11-10T12:00:00Z"))).then();
        given(announced, objected).when(tick(t("2026-11-20T12:00:00Z")))
                .then(new ChangeEvent.TerminationRightApproaching(t("2026-11-30T23:00:00Z"), t("2026-11-20T12:00:00Z")));
        var warned = new ChangeEvent.TerminationRightApproaching(t("2026-11-30T23:00:00Z"), t("2026-11-20T12:00:00Z"));
        given(announced, objected, warned).when(tick(t("2026-11-30T22:59:59Z"))).then();
        var granted = new ChangeEvent.TerminationRightGranted(AGREEMENT, SubprocessorChangeAggregate.TERMINATION_GROUND,
                t("2026-08-31T10:00:00Z"), t("2026-11-30T23:00:00Z"), t("2026-11-30T23:00:00Z"));
        given(announced, objected, warned).when(tick(t("2026-11-30T23:00:00Z"))).then(granted);
        given(announced, objected, warned, granted).when(tick(t("2026-12-15T00:00:00Z"))).then();
    }

    @Test
    void a_withdrawn_objection_grants_nothing_even_after_three_months() {
        given(announcedAdd(CLOUDFLARE, d("2026-10-01"), t("2026-08-20T08:00:00Z")), objected(t("2026-08-31T10:00:00Z")),
                new ChangeEvent.ObjectionWithdrawn("Resolved", CONTROLLER.subject(), t("2026-09-15T10:00:00Z")),
                new ChangeEvent.ChangeAccepted(AcceptanceBasis.OBJECTION_RESOLVED, t("2026-09-15T10:00:00Z")))
                .when(tick(t("2026-12-15T00:00:00Z")))
                .then(new ChangeEvent.ChangeTookEffect(d("2026-10-01"), t("2026-12-15T00:00:00Z")));
    }
}
