package eu.dpaledger.reporting.infrastructure.query;

import eu.dpaledger.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Breach figures of the breaches the caller may see (as controller or processor of their agreement): by month of
 * awareness and by processor; awareness-to-report time against 24 hours (DPA art. 7.3); authority notifications
 * against 72 hours (GDPR art. 33(1)).
 */
@ApplicationScoped
public class BreachQueries {

    /** Months are counted in the zone of the Belgian authority. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

    @Inject
    Clock clock;

    /** The last {@code months} calendar months up to the current one. */
    @WithSession
    public Uni<BreachMetrics> breachMetrics(Caller caller, int months) {
        Instant now = clock.instant();
        YearMonth current = YearMonth.from(now.atZone(ZONE));
        YearMonth first = current.minusMonths(months - 1L);
        Instant from = first.atDay(1).atStartOfDay(ZONE).toInstant();
        return visible(caller, from).map(rows -> {
            Map<YearMonth, List<BreachFactRow>> byMonth = new LinkedHashMap<>();
            for (YearMonth m = first; !m.isAfter(current); m = m.plusMonths(1)) {
                byMonth.put(m, new ArrayList<>());
            }
            Map<String, List<BreachFactRow>> byProcessor = new LinkedHashMap<>();
            for (BreachFactRow row : rows) {
                List<BreachFactRow> month = byMonth.get(YearMonth.from(row.processorAwareAt.atZone(ZONE)));
                if (month != null) {
                    month.add(row);
                }
                byProcessor.computeIfAbsent(row.processorOrg, org -> new ArrayList<>()).add(row);
            }
            List<BreachMetrics.Month> monthList = new ArrayList<>();
            byMonth.forEach((month, list) -> monthList.add(month(month, list, now)));
            List<BreachMetrics.ByProcessor> processors = new ArrayList<>();
            byProcessor.forEach((org, list) -> processors.add(new BreachMetrics.ByProcessor(new Party(org, list.get(0).processorName),
                    list.size(), list.stream().filter(b -> b.lateBySeconds > 0).count(),
                    list.stream().filter(b -> notifiedLate(b)).count())));
            processors.sort(Comparator.comparingLong(BreachMetrics.ByProcessor::breaches).reversed()
                    .thenComparing(p -> p.processor().org()));
            return new BreachMetrics(months, monthList, processors, notifications(rows, now));
        });
    }

    /** All breaches the caller may see, and their notifications now (for the daily snapshot). */
    @WithSession
    public Uni<List<BreachFactRow>> all(Caller caller) {
        return visible(caller, null);
    }

    /** The authority notifications of {@code rows} at {@code now}. */
    public static BreachMetrics.Notifications notifications(List<BreachFactRow> rows, Instant now) {
        long within = 0, late = 0, open = 0, overdue = 0, notOwed = 0;
        for (BreachFactRow b : rows) {
            if (b.notifiedAt != null) {
                if (notifiedLate(b)) {
                    late++;
                } else {
                    within++;
                }
            } else if (b.notificationOpen) {
                if (b.notificationMissed || (b.notificationDueAt != null && !now.isBefore(b.notificationDueAt))) {
                    overdue++;
                } else {
                    open++;
                }
            } else {
                notOwed++;
            }
        }
        return new BreachMetrics.Notifications(within, late, open, overdue, notOwed);
    }

    private static boolean notifiedLate(BreachFactRow b) {
        return b.notifiedAt != null && b.notificationDueAt != null && b.notifiedAt.isAfter(b.notificationDueAt);
    }

    private static BreachMetrics.Month month(YearMonth month, List<BreachFactRow> rows, Instant now) {
        long late = rows.stream().filter(b -> b.lateBySeconds > 0).count();
        Double average = null;
        Double max = null;
        if (!rows.isEmpty()) {
            double total = 0;
            double longest = 0;
            for (BreachFactRow b : rows) {
                double hours = Duration.between(b.processorAwareAt, b.receivedAt).toSeconds() / 3600.0;
                total += hours;
                longest = Math.max(longest, hours);
            }
            average = Math.round(total / rows.size() * 10) / 10.0;
            max = Math.round(longest * 10) / 10.0;
        }
        return new BreachMetrics.Month(month.toString(), rows.size(), rows.size() - late, late, average, max, notifications(rows, now));
    }

    private static Uni<List<BreachFactRow>> visible(Caller caller, Instant from) {
        if (!PortfolioQueries.sees(caller)) {
            return Uni.createFrom().item(List.of());
        }
        Where where = new Where().and(PortfolioQueries.visibility(caller, null, "b"), "org", caller.organisation());
        if (from != null) {
            where.and("b.processorAwareAt >= :from", "from", from);
        }
        return BreachFactRow.<BreachFactRow>find("from BreachFactRow b where " + where.hql() + " order by b.processorAwareAt, b.breachId",
                where.parameters()).list();
    }
}
