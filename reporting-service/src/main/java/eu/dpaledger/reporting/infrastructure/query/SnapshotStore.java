package eu.dpaledger.reporting.infrastructure.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The daily snapshots ({@code daily_snapshots}): one row per organisation and day holding {@link SnapshotFigures} per
 * role ({@code controller}, {@code processor}, {@code auditor}); a caller's trend sums the sections of its roles.
 */
@ApplicationScoped
public class SnapshotStore {

    private static final TypeReference<Map<String, SnapshotFigures>> SECTIONS = new TypeReference<>() {
    };

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    /** The caller's organisation's snapshots of the last {@code months} months (today in Europe/Brussels included). */
    @WithSession
    public Uni<Trends> trends(Caller caller, int months) {
        LocalDate today = clock.instant().atZone(BreachQueries.ZONE).toLocalDate();
        LocalDate from = today.minusMonths(months);
        if (caller.organisation() == null) {
            return Uni.createFrom().item(new Trends(months, List.of()));
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                                "SELECT day, figures::text FROM daily_snapshots WHERE organisation = :org AND day > :from ORDER BY day", Object[].class)
                        .setParameter("org", caller.organisation()).setParameter("from", from).getResultList())
                .map(rows -> new Trends(months, rows.stream()
                        .map(row -> new Trends.Day(day(row[0]), figures(caller, (String) row[1]))).toList()));
    }

    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    /** Every organisation that is a party (or appointed audit firm) in any read model row: the ones to snapshot. */
    @WithSession
    public Uni<List<String>> organisations() {
        String hql = "select o.controllerOrg from ObligationRow o union select o.processorOrg from ObligationRow o "
                + "union select o.auditorOrg from ObligationRow o where o.auditorOrg is not null "
                + "union select p.controllerOrg from PortfolioRow p union select p.processorOrg from PortfolioRow p "
                + "union select b.controllerOrg from BreachFactRow b union select b.processorOrg from BreachFactRow b "
                + "union select a.controllerOrg from AuditFactRow a union select a.processorOrg from AuditFactRow a "
                + "union select a.auditorOrg from AuditFactRow a where a.auditorOrg is not null";
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(hql, String.class).getResultList())
                .map(orgs -> new ArrayList<>(new TreeSet<>(orgs)));
    }

    /** Writes (or replaces) the organisation's snapshot of {@code day}. */
    @WithTransaction
    public Uni<Void> put(String organisation, LocalDate day, Map<String, SnapshotFigures> byRole, Instant takenAt) {
        String figures;
        try {
            figures = json.writeValueAsString(byRole);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                                "INSERT INTO daily_snapshots (organisation, day, figures, taken_at) VALUES (:org, :day, CAST(CAST(:figures AS text) AS jsonb), :at) "
                                        + "ON CONFLICT (organisation, day) DO UPDATE SET figures = EXCLUDED.figures, taken_at = EXCLUDED.taken_at")
                        .setParameter("org", organisation).setParameter("day", day).setParameter("figures", figures)
                        .setParameter("at", takenAt).executeUpdate())
                .replaceWithVoid();
    }

    /** Deletes the snapshots taken before {@code day} (twelve months are kept). */
    @WithTransaction
    public Uni<Integer> deleteBefore(LocalDate day) {
        return DailySnapshotRow.delete("day < ?1", day).map(Long::intValue);
    }

    private SnapshotFigures figures(Caller caller, String stored) {
        Map<String, SnapshotFigures> sections;
        try {
            sections = json.readValue(stored, SECTIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("daily_snapshots.figures is not what SnapshotStore writes", e);
        }
        SnapshotFigures out = SnapshotFigures.EMPTY;
        for (String role : List.of(Caller.CONTROLLER, Caller.PROCESSOR, Caller.AUDITOR)) {
            if (caller.hasRole(role) && sections.containsKey(role)) {
                out = out.plus(sections.get(role));
            }
        }
        return out;
    }
}
