package eu.dpaledger.reporting.api;

import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rows written straight into the read models for the query tests (the projections are tested on their own), each
 * test with organisations of its own (fresh enterprise numbers), so that tests never see each other's rows.
 */
final class Seed {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 10_000_000L);

    private final Pool pool;
    private final java.util.List<Runnable> undo = new java.util.ArrayList<>();

    Seed(Pool pool) {
        this.pool = pool;
    }

    /** Deletes every row this seed wrote: the read models keep only what the topics put there (a rebuild compares them). */
    void clear() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
    }

    private void undo(String sql, Object key) {
        undo.add(() -> pool.preparedQuery(sql).execute(Tuple.of(key)).await().indefinitely());
    }

    /** A fresh 10-digit enterprise number no other test uses. */
    static String org() {
        return String.format("1%09d", NEXT.incrementAndGet() % 1_000_000_000L);
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }

    /** One obligation row. */
    final class Obligation {
        String id = uuid();
        ObligationKind kind = ObligationKind.INFORMATION_REQUEST;
        String agreement = uuid();
        String controller;
        String controllerName = "Gemeente Opwijk";
        String processor;
        String processorName = "ESN, \"Digitaal\" bv";
        String auditor;
        Instant due;
        Instant met;
        Instant cancelled;
        boolean controllerVisible = true;
        String title = "What is due";
        String timeZone = "Europe/Brussels";

        Obligation(String controller, String processor, Instant due) {
            this.controller = controller;
            this.processor = processor;
            this.due = due;
        }

        Obligation kind(ObligationKind k) { kind = k; return this; }
        Obligation met(Instant at) { met = at; return this; }
        Obligation cancelled(Instant at) { cancelled = at; return this; }
        Obligation agreement(String a) { agreement = a; return this; }
        Obligation auditor(String a) { auditor = a; return this; }
        Obligation hiddenFromController() { controllerVisible = false; return this; }
        Obligation title(String t) { title = t; return this; }
        Obligation zone(String z) { timeZone = z; return this; }

        String id() {
            return id + ":" + kind;
        }

        /** Writes it; returns its id. */
        String insert() {
            pool.preparedQuery("INSERT INTO obligations (obligation_id, kind, source_type, source_id, source_version, agreement_id, "
                            + "controller_org, controller_name, processor_org, processor_name, auditor_org, acting_party, due_at, time_zone, "
                            + "article, title, met_at, cancelled_at, controller_visible, service, resource_path, updated_at) "
                            + "VALUES ($1,$2,'test',$3,1,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,'audit',$18,now())")
                    .execute(Tuple.tuple(Arrays.asList(id(), kind.name(), id, agreement, controller, controllerName, processor,
                            processorName, auditor, kind.actingParty().name(), utc(due), timeZone, kind.article(), title, utc(met),
                            utc(cancelled), controllerVisible, "/things/" + id)))
                    .await().indefinitely();
            undo("DELETE FROM obligations WHERE obligation_id = $1", id());
            return id();
        }
    }

    Obligation obligation(String controller, String processor, Instant due) {
        return new Obligation(controller, processor, due);
    }

    /** One agreement of the portfolio. */
    void agreement(String id, String controller, String processor, String status, Instant created, String... countries) {
        pool.preparedQuery("INSERT INTO portfolio (agreement_id, stream_version, controller_org, controller_name, processor_org, "
                        + "processor_name, status, time_zone, created_at, signed_at, processing_countries, updated_at) "
                        + "VALUES ($1,1,$2,'Controller ' || $2,$3,'Processor ' || $3,$4,'Europe/Brussels',$5,$6,$7,now())")
                .execute(Tuple.tuple(Arrays.asList(id, controller, processor, status, utc(created),
                        status.equals("DRAFT") ? null : utc(created.plusSeconds(3600)), countries)))
                .await().indefinitely();
        undo("DELETE FROM portfolio WHERE agreement_id = $1", id);
    }

    /** One sub-processor of an agreement. */
    void subprocessor(String agreement, String name, String country, String mechanism, boolean thirdCountry, Instant removed) {
        pool.preparedQuery("INSERT INTO subprocessor_exposure (agreement_id, name_key, name, country, head_office, transfer_mechanism, "
                        + "third_country, basis, since, removed_at) VALUES ($1,$2,$3,$4,$4,$5,$6,'BASELINE',now(),$7)")
                .execute(Tuple.tuple(Arrays.asList(agreement, name.trim().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT), name,
                        country, mechanism, thirdCountry, utc(removed))))
                .await().indefinitely();
        undo("DELETE FROM subprocessor_exposure WHERE agreement_id = $1", agreement);
    }

    /** One breach: aware, reported after {@code reportHours}, notified (or not) relative to its 72-hour deadline. */
    void breach(String controller, String processor, Instant aware, double reportHours, Instant notifiedAt, boolean notificationOpen) {
        Instant received = aware.plusSeconds((long) (reportHours * 3600));
        Instant reportDue = aware.plusSeconds(24 * 3600);
        long late = Math.max(0, received.getEpochSecond() - reportDue.getEpochSecond());
        Instant notificationDue = received.plusSeconds(72 * 3600);
        String id = uuid();
        pool.preparedQuery("INSERT INTO breach_facts (breach_id, stream_version, agreement_id, controller_org, processor_org, processor_name, "
                        + "kind, status, processor_aware_at, received_at, report_due_at, late_by_seconds, controller_aware_at, notification_due_at, "
                        + "notification_open, notified_at, notification_missed, time_zone, updated_at) "
                        + "VALUES ($1,1,$2,$3,$4,'Processor ' || $4,'BREACH','REPORTED',$5,$6,$7,$8,$6,$9,$10,$11,$12,'Europe/Brussels',now())")
                .execute(Tuple.tuple(Arrays.asList(id, uuid(), controller, processor, utc(aware), utc(received), utc(reportDue), late,
                        utc(notificationDue), notificationOpen, utc(notifiedAt), false)))
                .await().indefinitely();
        undo("DELETE FROM breach_facts WHERE breach_id = $1", id);
    }

    /** One audit with its findings (severity, closed?). */
    String audit(String controller, String processor, String auditor, String status, Instant planDue, LocalDate nextMeasure, String... openFindings) {
        String id = uuid();
        pool.preparedQuery("INSERT INTO audit_facts (audit_id, stream_version, agreement_id, controller_org, processor_org, processor_name, "
                        + "auditor_org, status, plan_due_at, plan_owed, next_measure_due, time_zone, updated_at) "
                        + "VALUES ($1,1,$2,$3,$4,'Processor ' || $4,$5,$6,$7,$8,$9,'Europe/Brussels',now())")
                .execute(Tuple.tuple(Arrays.asList(id, uuid(), controller, processor, auditor, status, utc(planDue), planDue != null, nextMeasure)))
                .await().indefinitely();
        undo("DELETE FROM audit_facts WHERE audit_id = $1", id);
        undo("DELETE FROM audit_findings WHERE audit_id = $1", id);
        int n = 0;
        for (String severity : openFindings) {
            pool.preparedQuery("INSERT INTO audit_findings (audit_id, finding_id, severity, recorded_at) VALUES ($1,$2,$3,now())")
                    .execute(Tuple.of(id, "f" + (++n), severity)).await().indefinitely();
        }
        return id;
    }

    static java.time.OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
