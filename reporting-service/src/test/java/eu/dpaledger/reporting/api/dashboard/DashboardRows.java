package eu.dpaledger.reporting.api.dashboard;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Read-model rows for the dashboard's tests, written as the projections write them (the tests of the pages do not
 * depend on the projections; the e2e test goes from the demo data's events to the page). {@link #clear()} deletes
 * them again after each test: a projection rebuild (ProjectionsTest) compares the read models with what the topics hold.
 */
final class DashboardRows {

    private final Pool pool;
    private final List<Runnable> undo = new ArrayList<>();

    DashboardRows(Pool pool) {
        this.pool = pool;
    }

    /** Deletes every row written through this instance, and the organisations' settings and snapshots a test made. */
    void clear(String... organisations) {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
        for (String organisation : organisations) {
            delete("DELETE FROM organisation_settings WHERE organisation = $1", organisation);
            delete("DELETE FROM daily_snapshots WHERE organisation = $1", organisation);
        }
    }

    private void delete(String sql, String key) {
        pool.preparedQuery(sql).execute(Tuple.of(key)).await().indefinitely();
    }

    /** An agreement of the portfolio; returns its id. */
    String agreement(String controller, String controllerName, String processor, String processorName, String status,
                     Instant created, String... countries) {
        String id = UUID.randomUUID().toString();
        pool.preparedQuery("INSERT INTO portfolio (agreement_id, stream_version, controller_org, controller_name, processor_org, "
                        + "processor_name, status, assignment, time_zone, created_at, signed_at, processing_countries, updated_at) "
                        + "VALUES ($1, 3, $2, $3, $4, $5, $6, 'Website hosting', 'Europe/Brussels', $7, $7, $8, $7)")
                .execute(Tuple.from(new Object[]{id, controller, controllerName, processor, processorName, status, at(created), countries}))
                .await().indefinitely();
        undo.add(() -> delete("DELETE FROM portfolio WHERE agreement_id = $1", id));
        return id;
    }

    /** An obligation of the agreement (met when {@code met} is not null); returns its id. */
    String obligation(String agreement, String controller, String controllerName, String processor, String processorName,
                      String kind, String actingParty, String article, String title, Instant due, Instant met, String service) {
        String source = UUID.randomUUID().toString();
        String id = source + ":" + kind;
        pool.preparedQuery("INSERT INTO obligations (obligation_id, kind, source_type, source_id, source_version, agreement_id, "
                        + "controller_org, controller_name, processor_org, processor_name, acting_party, due_at, time_zone, article, "
                        + "title, met_at, service, resource_path, updated_at) "
                        + "VALUES ($1, $2, 'test', $3, 1, $4, $5, $6, $7, $8, $9, $10, 'Europe/Brussels', $11, $12, $13, $14, $15, $10)")
                .execute(Tuple.from(new Object[]{id, kind, source, agreement, controller, controllerName, processor, processorName,
                        actingParty, at(due), article, title, met == null ? null : at(met), service, "/" + service + "s/" + source}))
                .await().indefinitely();
        undo.add(() -> delete("DELETE FROM obligations WHERE obligation_id = $1", id));
        return id;
    }

    /** The two clocks of one breach: the report (met at {@code reported}) and the authority notification (open). */
    void breach(String agreement, String controller, String controllerName, String processor, String processorName,
                String description, Instant aware, Instant reported) {
        String source = UUID.randomUUID().toString();
        for (String kind : new String[]{"BREACH_REPORT", "AUTHORITY_NOTIFICATION"}) {
            boolean report = kind.equals("BREACH_REPORT");
            pool.preparedQuery("INSERT INTO obligations (obligation_id, kind, source_type, source_id, source_version, agreement_id, "
                            + "controller_org, controller_name, processor_org, processor_name, acting_party, due_at, time_zone, article, "
                            + "title, met_at, service, resource_path, updated_at) "
                            + "VALUES ($1, $2, 'breach', $3, 2, $4, $5, $6, $7, $8, $9, $10, 'Europe/Brussels', $11, $12, $13, 'breach', $14, $10)")
                    .execute(Tuple.from(new Object[]{source + ":" + kind, kind, source, agreement, controller, controllerName, processor,
                            processorName, report ? "PROCESSOR" : "CONTROLLER",
                            at(report ? aware.plusSeconds(24 * 3600) : reported.plusSeconds(72 * 3600)),
                            report ? "DPA art. 7.3" : "GDPR art. 33(1)", description, report ? at(reported) : null,
                            "/breaches/" + source}))
                    .await().indefinitely();
            undo.add(() -> delete("DELETE FROM obligations WHERE obligation_id = $1", source + ":" + kind));
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
