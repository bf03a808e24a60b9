package eu.dpaledger.subprocessor.infrastructure;

import eu.dpaledger.subprocessor.domain.EngagedSubprocessors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Queries on subprocessor-service's read models: the registry (with the kernel's agreement directory), the change list. */
@ApplicationScoped
public class SubprocessorReadModel {

    @Inject
    Pool pool;

    /** One sub-processor of one agreement, current or removed. */
    public record Entry(String agreementId, String name, String headOffice, String country, String transferMechanism,
                        String basis, Instant acceptedSince, String changeId, Instant removedAt, String removedByChange,
                        String proofReference, String proofSha256, Instant proofAttachedAt, Instant proofRequestedAt) {
        public boolean current() {
            return removedAt == null;
        }
    }

    /** One row of the change list. */
    public record ChangeRow(String changeId, long version, String agreementId, String kind, String subprocessorName,
                            String status, Instant announcedAt, LocalDate intendedFrom, Instant objectionWindowEndsAt,
                            Instant terminationRightFrom, boolean terminationRightGranted) {
    }

    /** The sub-processors the agreement engages now (annex 1 and the changes in effect, not removed). */
    public Uni<EngagedSubprocessors> engaged(String agreementId) {
        return pool.preparedQuery("SELECT name_key FROM registry_entries WHERE agreement_id = $1 AND removed_at IS NULL")
                .execute(Tuple.of(agreementId))
                .map(rows -> {
                    Set<String> keys = new HashSet<>();
                    rows.forEach(r -> keys.add(r.getString("name_key")));
                    return new EngagedSubprocessors(keys);
                });
    }

    /** Every sub-processor of one agreement, current first, then removed ones, each by name. */
    public Uni<List<Entry>> registry(String agreementId) {
        return pool.preparedQuery("SELECT * FROM registry_entries WHERE agreement_id = $1 "
                        + "ORDER BY removed_at IS NOT NULL, name_key, accepted_since")
                .execute(Tuple.of(agreementId))
                .map(rows -> {
                    List<Entry> out = new ArrayList<>();
                    rows.forEach(r -> out.add(entry(r)));
                    return out;
                });
    }

    /** One overview line: a sub-processor and the agreements of the caller it serves (art. 6.5). */
    public record OverviewLine(String name, String country, String transferMechanism, List<Map<String, Object>> agreements) {
    }

    /**
     * Current sub-processors across the caller's agreements: as controller (role and organisation) or as
     * processor, optionally filtered by country; grouped by sub-processor name.
     */
    public Uni<List<OverviewLine>> overview(String organisation, boolean asController, boolean asProcessor, String country) {
        return pool.preparedQuery("SELECT r.*, a.controller_org, a.controller_name, a.processor_org, a.processor_name, a.status "
                        + "FROM registry_entries r JOIN agreement_directory a USING (agreement_id) "
                        + "WHERE r.removed_at IS NULL AND ((a.controller_org = $1 AND $2) OR (a.processor_org = $1 AND $3)) "
                        + "AND ($4::text IS NULL OR r.country = upper($4)) ORDER BY r.name_key, r.agreement_id")
                .execute(Tuple.tuple(Arrays.asList(organisation, asController, asProcessor, country)))
                .map(rows -> {
                    Map<String, OverviewLine> lines = new LinkedHashMap<>();
                    for (Row r : rows) {
                        String key = r.getString("name_key") + "|" + r.getString("country");
                        OverviewLine line = lines.computeIfAbsent(key, k -> new OverviewLine(r.getString("name"),
                                r.getString("country"), r.getString("transfer_mechanism"), new ArrayList<>()));
                        Map<String, Object> agreement = new LinkedHashMap<>();
                        agreement.put("agreementId", r.getString("agreement_id"));
                        agreement.put("status", r.getString("status"));
                        agreement.put("controller", Map.of("enterpriseNumber", r.getString("controller_org"), "name", r.getString("controller_name")));
                        agreement.put("processor", Map.of("enterpriseNumber", r.getString("processor_org"), "name", r.getString("processor_name")));
                        agreement.put("basis", r.getString("basis"));
                        agreement.put("acceptedSince", r.getOffsetDateTime("accepted_since").toInstant());
                        line.agreements().add(agreement);
                    }
                    return new ArrayList<>(lines.values());
                });
    }

    /** Changes of one agreement, newest first, optionally by status. */
    public Uni<List<ChangeRow>> changes(String agreementId, String status) {
        return pool.preparedQuery("SELECT * FROM changes WHERE agreement_id = $1 AND ($2::text IS NULL OR status = $2) "
                        + "ORDER BY announced_at DESC, change_id")
                .execute(Tuple.tuple(Arrays.asList(agreementId, status)))
                .map(rows -> {
                    List<ChangeRow> out = new ArrayList<>();
                    rows.forEach(r -> out.add(changeRow(r)));
                    return out;
                });
    }

    /**
     * Superseded changes whose objection's termination right has not lapsed (DPA art. 6.2): each waits for
     * its alternative to be accepted or withdrawn, and its 3 months run on meanwhile. One page after
     * {@code afterChangeId} ("" for the first).
     */
    public Uni<List<String>> supersededWithOpenObjection(String afterChangeId, int pageSize) {
        // Keyset pages by id: such a change stays in the set for months, so a pass must reach every page.
        return pool.preparedQuery("SELECT change_id FROM changes WHERE status = 'SUPERSEDED' "
                        + "AND termination_right_from IS NOT NULL AND NOT termination_lapsed AND change_id > $1 "
                        + "ORDER BY change_id LIMIT $2")
                .execute(Tuple.of(afterChangeId, pageSize))
                .map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString("change_id")));
                    return out;
                });
    }

    /**
     * Open changes whose clock may have something due at {@code now}: a window that ends (or warns)
     * by then, an accepted change whose date has come, an objection whose 3 months end (or warn).
     */
    public Uni<List<String>> dueChanges(Instant now, Duration windowWarning, Duration terminationWarning) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return pool.preparedQuery("SELECT change_id FROM changes WHERE "
                        + "(status = 'ANNOUNCED' AND (window_ends_at <= $1 OR (NOT window_warned AND window_ends_at <= $2))) "
                        + "OR (status = 'ACCEPTED' AND intended_from <= ($1 AT TIME ZONE time_zone)::date) "
                        + "OR (status = 'OBJECTED' AND NOT termination_granted AND (termination_right_from <= $1 "
                        + "OR (NOT termination_warned AND termination_right_from <= $3))) ORDER BY announced_at LIMIT 500")
                .execute(Tuple.of(at, at.plus(windowWarning), at.plus(terminationWarning)))
                .map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(r.getString("change_id")));
                    return out;
                });
    }

    private static Entry entry(Row r) {
        return new Entry(r.getString("agreement_id"), r.getString("name"), r.getString("head_office"), r.getString("country"),
                r.getString("transfer_mechanism"), r.getString("basis"), instant(r, "accepted_since"), r.getString("change_id"),
                instant(r, "removed_at"), r.getString("removed_by_change"), r.getString("proof_reference"),
                r.getString("proof_sha256"), instant(r, "proof_attached_at"), instant(r, "proof_requested_at"));
    }

    private static ChangeRow changeRow(Row r) {
        return new ChangeRow(r.getString("change_id"), r.getLong("stream_version"), r.getString("agreement_id"),
                r.getString("kind"), r.getString("subprocessor_name"), r.getString("status"), instant(r, "announced_at"),
                r.getLocalDate("intended_from"), instant(r, "window_ends_at"), instant(r, "termination_right_from"),
                r.getBoolean("termination_granted"));
    }

    static Instant instant(Row r, String column) {
        OffsetDateTime value = r.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
