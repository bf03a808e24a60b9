package eu.dpaledger.reporting.api.dashboard;

import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import eu.dpaledger.reporting.domain.obligation.ObligationState;
import eu.dpaledger.reporting.infrastructure.query.ObligationFilter;
import eu.dpaledger.reporting.infrastructure.query.ObligationView;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Panel 2: the open objection windows (DPA art. 6.1) with the days left in the agreement's zone, and the objections
 * raised that wait for the processor's resolution (DPA art. 6.2), linked to their list.
 */
public record ObjectionPanel(List<Window> windows, Count raised, String windowsHref) {

    /** The open windows as CSV. */
    public String windowsCsv() {
        return ListLinks.obligationsCsv(windowsFilter());
    }

    static final Set<ObligationState> OPEN = EnumSet.of(ObligationState.ON_TIME, ObligationState.DUE_SOON, ObligationState.OVERDUE);

    /** The open windows: the ones still running (an overdue window is closing by tacit acceptance). */
    static ObligationFilter windowsFilter() {
        return ObligationFilter.none().withKinds(Set.of(ObligationKind.OBJECTION_WINDOW))
                .withStates(EnumSet.of(ObligationState.ON_TIME, ObligationState.DUE_SOON));
    }

    /** Objections raised: resolutions the processor still owes. */
    static ObligationFilter raisedFilter() {
        return ObligationFilter.none().withKinds(Set.of(ObligationKind.OBJECTION_RESOLUTION)).withStates(OPEN);
    }

    /**
     * One window: the change (the sub-processor's name), the counterpart, when it closes (local to the agreement) and
     * the calendar days from today to its last day in the same zone (0: closes today). A window that closes at
     * midnight has the day before as its last day.
     */
    public record Window(String change, String counterpart, LocalDateTime closes, String timeZone, LocalDate lastDay,
                         long daysLeft, ObligationState state) {

        /** Whether the window closes at midnight, so that it runs to the end of {@link #lastDay}. */
        public boolean endOfDay() {
            return closes.toLocalTime().equals(LocalTime.MIDNIGHT);
        }
    }

    static ObjectionPanel of(List<ObligationView> windows, Map<ObligationState, Long> raised, String organisation,
                             java.time.Instant now) {
        List<Window> rows = windows.stream().map(window -> {
            LocalDate today = now.atZone(ZoneId.of(window.timeZone())).toLocalDate();
            LocalDate lastDay = window.dueLocal().toLocalTime().equals(LocalTime.MIDNIGHT)
                    ? window.dueLocal().toLocalDate().minusDays(1) : window.dueLocal().toLocalDate();
            return new Window(window.title(), BreachBoard.counterpart(window, organisation), window.dueLocal(), window.timeZone(),
                    lastDay, Math.max(0, ChronoUnit.DAYS.between(today, lastDay)), window.state());
        }).toList();
        long open = OPEN.stream().mapToLong(state -> raised.getOrDefault(state, 0L)).sum();
        return new ObjectionPanel(rows, ListLinks.obligations(open, raisedFilter()), ListLinks.obligations(windowsFilter()));
    }
}
