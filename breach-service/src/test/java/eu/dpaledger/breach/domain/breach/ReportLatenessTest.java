package eu.dpaledger.breach.domain.breach;

import eu.dpaledger.breach.domain.ReportRules;
import eu.dpaledger.platform.domain.DomainRejection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static eu.dpaledger.breach.domain.breach.BreachSpec.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A corrected awareness cannot erase a recorded lateness (DPA art. 7.3): awareness is corrected only to an
 * instant at or before the report's receipt, and the lateness measured on receipt stays next to the corrected one.
 */
class ReportLatenessTest {

    /** Aware Tue 24 Nov 20:00Z, received Thu 26 Nov 07:00Z: due Wed 25 Nov 20:00Z, 11 hours late. */
    static final Instant AWARE = t("2026-11-24T20:00:00Z");
    static final Instant RECEIVED = t("2026-11-26T07:00:00Z");
    static final Instant LATER = t("2026-11-26T09:00:00Z");

    @Test
    void awareness_moved_after_receipt_is_refused_and_the_lateness_stays() {
        var reported = reported(minimal(AWARE), RECEIVED);
        var stream = given(reported);
        DomainRejection r = stream.when(awareness(t("2026-11-26T08:30:00Z"), LATER)).thenRejected(ReportRules.INCONSISTENT_REPORT);
        assertEquals(DomainRejection.Kind.INVALID, r.kind());
        assertEquals("processorAwareAt", ((Map<?, ?>) ((List<?>) r.details().get("violations")).get(0)).get("field"));
        assertTrue(r.detail().contains("DPA art. 7.3"), r.detail());
        assertEquals(11 * 3600, stream.state().orElseThrow().lateBySeconds());
    }

    @Test
    void awareness_one_second_after_receipt_is_refused() {
        given(reported(minimal(AWARE), RECEIVED)).when(awareness(RECEIVED.plusSeconds(1), LATER))
                .thenRejected(ReportRules.INCONSISTENT_REPORT);
    }

    @Test
    void awareness_corrected_to_the_receipt_itself_is_accepted_and_the_history_keeps_both() {
        BreachRecord after = given(reported(minimal(AWARE), RECEIVED)).when(awareness(RECEIVED, LATER)).thenState().orElseThrow();
        assertEquals(0, after.lateBySeconds(), "by the corrected awareness the report was in time");
        assertEquals(11 * 3600, after.lateBySecondsOnReceipt(), "the lateness measured on receipt stays");
        assertEquals(List.of(AWARE, RECEIVED), after.history().stream().filter(c -> c.field().equals("processorAwareAt"))
                .map(BreachRecord.FieldChange::value).toList());
        assertEquals(List.of("REPORT", "SUPPLEMENT"), after.history().stream().filter(c -> c.field().equals("processorAwareAt"))
                .map(BreachRecord.FieldChange::source).toList());
    }

    @Test
    void awareness_corrected_earlier_makes_the_report_later_and_keeps_the_lateness_on_receipt() {
        BreachRecord after = given(reported(minimal(AWARE), RECEIVED)).when(awareness(t("2026-11-24T10:00:00Z"), LATER))
                .thenState().orElseThrow();
        assertEquals(21 * 3600, after.lateBySeconds());
        assertEquals(11 * 3600, after.lateBySecondsOnReceipt());
    }

    @Test
    void a_report_in_time_records_no_lateness_on_receipt() {
        BreachRecord inTime = given().when(report(minimal(AWARE), t("2026-11-25T19:00:00Z"))).thenState().orElseThrow();
        assertEquals(0, inTime.lateBySecondsOnReceipt());
    }
}
