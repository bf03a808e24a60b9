package eu.dpaledger.reporting.api.dashboard;

import eu.dpaledger.reporting.infrastructure.query.SnapshotFigures;
import eu.dpaledger.reporting.infrastructure.query.Trends;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Panel 7, the twelve-month trends: per month, the figures of its last daily snapshot (the current month: today's).
 * The table is the data; the line chart (Chart.js) is drawn from the table, so both always show the same figures.
 */
public record TrendPanel(List<Month> months) {

    static final int MONTHS = 12;

    public record Month(YearMonth month, LocalDate day, long open, long overdue, long notificationsOverdue, long openFindings) {
    }

    static TrendPanel of(Trends trends) {
        Map<YearMonth, Trends.Day> last = new TreeMap<>();
        for (Trends.Day day : trends.days()) {
            last.merge(YearMonth.from(day.day()), day, (a, b) -> b.day().isAfter(a.day()) ? b : a);
        }
        return new TrendPanel(last.values().stream().map(day -> {
            SnapshotFigures f = day.figures();
            return new Month(YearMonth.from(day.day()), day.day(), f.openObligations(), f.overdueObligations(),
                    f.notificationsOverdue(), f.openFindings());
        }).toList());
    }
}
