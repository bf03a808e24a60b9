package eu.dpaledger.subprocessor.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.query.PageRequest;
import eu.dpaledger.subprocessor.domain.EngagedSubprocessors;
import eu.dpaledger.subprocessor.domain.change.ChangeKind;
import eu.dpaledger.subprocessor.domain.change.ChangeStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Queries on subprocessor-service's read models: the registry (with the kernel's agreement directory), the change list. */
@ApplicationScoped
public class SubprocessorReadModel {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    /** One sub-processor of one agreement, current or removed. */
    @Schema(name = "RegistryEntry")
    public record Entry(@Schema(required = true) String agreementId,
                        @Schema(required = true, example = "Level 27") String name,
                        @Schema(nullable = true, example = "Hasselt") String headOffice,
                        @Schema(required = true, description = "ISO 3166-1 alpha-2 processing location", example = "BE") String country,
                        @Schema(nullable = true, description = "For a location outside the EEA (GDPR 45/46/47)") String transferMechanism,
                        @Schema(required = true, example = "BASELINE", description = "BASELINE (annex 1 at signature) or the accepted change's basis")
                        String basis,
                        @Schema(required = true) Instant acceptedSince,
                        @Schema(nullable = true, format = "uuid", description = "The change that engaged it (none for BASELINE)") String changeId,
                        @Schema(nullable = true) Instant removedAt,
                        @Schema(nullable = true, format = "uuid") String removedByChange,
                        @Schema(nullable = true, description = "The latest proof of flow-down (art. 6.4)") String proofReference,
                        @Schema(nullable = true, pattern = "^[0-9a-f]{64}$") String proofSha256,
                        @Schema(nullable = true) Instant proofAttachedAt,
                        @Schema(nullable = true) Instant proofRequestedAt) {
        public boolean current() {
            return removedAt == null;
        }
    }

    /** One row of the change list. */
    @Schema(name = "ChangeSummary", description = "One change notice in an agreement's list; GET /subprocessor-changes/{id} has it whole")
    public record ChangeRow(@Schema(required = true, format = "uuid") String changeId,
                            @Schema(required = true, description = "The stream version (the change's ETag)") long version,
                            @Schema(required = true) String agreementId,
                            @Schema(required = true) ChangeKind kind,
                            @Schema(required = true) String subprocessorName,
                            @Schema(required = true) ChangeStatus status,
                            @Schema(required = true) Instant announcedAt,
                            @Schema(required = true) LocalDate intendedFrom,
                            @Schema(nullable = true, description = "Absent for REMOVE") Instant objectionWindowEndsAt,
                            @Schema(nullable = true, description = "Set once the controller objected") Instant terminationRightFrom,
                            @Schema(required = true) boolean terminationRightGranted) {
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

    /** How many agreements an overview line lists with it; {@code GET /subprocessors/{name}/agreements} pages them all. */
    public static final int AGREEMENTS_PER_LINE = 100;

    /** One overview line: a sub-processor (by name, any case or spacing, and country) and the caller's agreements it serves (art. 6.5). */
    @Schema(name = "OverviewLine")
    public record OverviewLine(@Schema(required = true) String name,
                               @Schema(required = true, description = "ISO 3166-1 alpha-2 processing location", example = "BE") String country,
                               @Schema(nullable = true) String transferMechanism,
                               @Schema(required = true, description = "How many of the caller's agreements it serves") int agreementCount,
                               @Schema(required = true, maxItems = AGREEMENTS_PER_LINE, description = "The first "
                                       + AGREEMENTS_PER_LINE + " of them by agreement id; all of them, a page at a time: "
                                       + "GET /subprocessors/{name}/agreements?country=") List<ServedAgreement> agreements) {
    }

    /** An agreement of the caller an overview line's sub-processor serves. */
    @Schema(name = "ServedAgreement")
    public record ServedAgreement(@Schema(required = true) String agreementId,
                                  @Schema(required = true, description = "The agreement's status") String status,
                                  @Schema(required = true) Party controller,
                                  @Schema(required = true) Party processor,
                                  @Schema(required = true, description = "Where the sub-processor processes for this agreement "
                                          + "(ISO 3166-1 alpha-2)", example = "BE") String country,
                                  @Schema(required = true, example = "BASELINE", description = "How the sub-processor came to be engaged: "
                                          + "BASELINE (annex 1 at signature) or the accepted change's basis") String basis,
                                  @Schema(required = true) Instant acceptedSince) {
    }

    /** A party of an agreement as the overview names it. */
    @Schema(name = "OverviewParty")
    public record Party(@Schema(required = true, pattern = "^[0-9]{10}$", example = "0207511803",
                                description = "Belgian enterprise number, 10 digits without separators") String enterpriseNumber,
                        @Schema(required = true, example = "Lokaal bestuur Opwijk") String name) {
    }

    /**
     * The caller's current registry entries (as controller (role and organisation) or as processor), by the
     * entry's own copy of the parties so that one index answers (V109): an organisation is never both parties
     * of one agreement, so with both roles the two columns never name the same entry twice.
     */
    private static String callersEntries(String alias, boolean asController, boolean asProcessor) {
        // $1 as char(10), the columns' type: compared as text, the index would not serve.
        String scope = asController && asProcessor ? "(%1$s.controller_org = $1::bpchar OR %1$s.processor_org = $1::bpchar)"
                : asController ? "%1$s.controller_org = $1::bpchar" : asProcessor ? "%1$s.processor_org = $1::bpchar"
                : "($1::bpchar IS NULL AND false)";
        return scope.formatted(alias) + " AND " + alias + ".removed_at IS NULL";
    }

    private static final String SERVED_JSON = "json_agg(json_build_object('name', r.name, "
            + "'transferMechanism', r.transfer_mechanism, 'agreementId', r.agreement_id, 'country', r.country, 'status', a.status, "
            + "'controllerOrg', a.controller_org, 'controllerName', a.controller_name, 'processorOrg', a.processor_org, "
            + "'processorName', a.processor_name, 'basis', r.basis, 'acceptedSince', r.accepted_since) "
            + "ORDER BY r.agreement_id)::text";

    /**
     * Current sub-processors across the caller's agreements (as controller (role and organisation) or as processor),
     * optionally in one country: one line per sub-processor name and country, by name then country, a page at a time,
     * each with its count of agreements and the first {@link #AGREEMENTS_PER_LINE} of them.
     */
    public Uni<ListPage<OverviewLine>> overview(String organisation, boolean asController, boolean asProcessor, String country,
                                                PageRequest page) {
        String after = page.text(0);
        String afterCountry = page.text(1);
        return pool.preparedQuery("WITH lines AS (SELECT e.name_key, e.country, count(*) AS agreement_count "
                        + "FROM registry_entries e WHERE " + callersEntries("e", asController, asProcessor)
                        + " AND ($2::text IS NULL OR e.country = $2::bpchar) "
                        + "AND ($3::text IS NULL OR (e.name_key, e.country) > ($3, $4::bpchar)) "
                        + "GROUP BY e.name_key, e.country ORDER BY e.name_key, e.country LIMIT $5) "
                        + "SELECT l.name_key, l.country, l.agreement_count, s.agreements FROM lines l CROSS JOIN LATERAL ("
                        + "SELECT " + SERVED_JSON + " AS agreements FROM (SELECT * FROM registry_entries e "
                        + "WHERE " + callersEntries("e", asController, asProcessor)
                        + " AND e.name_key = l.name_key AND e.country = l.country ORDER BY e.agreement_id LIMIT "
                        + AGREEMENTS_PER_LINE + ") r JOIN agreement_directory a USING (agreement_id)) s "
                        + "ORDER BY l.name_key, l.country")
                .execute(Tuple.tuple(Arrays.asList(organisation, country, after, afterCountry, page.fetch())))
                .map(rows -> {
                    List<Map.Entry<List<String>, OverviewLine>> lines = new ArrayList<>();
                    for (Row r : rows) {
                        // Empty only while the directory has not caught up with a just-activated agreement's entries.
                        List<JsonNode> served = served(r.getString("agreements"));
                        JsonNode first = served.isEmpty() ? JSON.createObjectNode() : served.get(0);
                        lines.add(Map.entry(List.of(r.getString("name_key"), r.getString("country")), new OverviewLine(
                                first.path("name").asText(r.getString("name_key")), r.getString("country"),
                                first.path("transferMechanism").isTextual() ? first.path("transferMechanism").asText() : null,
                                r.getLong("agreement_count").intValue(), served.stream().map(SubprocessorReadModel::servedAgreement).toList())));
                    }
                    return unkeyed(page.page(lines, Map.Entry::getKey, PageRequest.filters("country", country)));
                });
    }

    /**
     * Every agreement of the caller a sub-processor serves now (by its name, any case or spacing), optionally only where
     * it processes in one country, by agreement id, a page at a time: an overview line's agreements, all of them.
     */
    public Uni<ListPage<ServedAgreement>> servedBy(String organisation, boolean asController, boolean asProcessor, String name,
                                                   String country, PageRequest page) {
        return pool.preparedQuery("SELECT " + SERVED_JSON + " AS agreements FROM (SELECT * FROM registry_entries e "
                        + "WHERE " + callersEntries("e", asController, asProcessor)
                        + " AND e.name_key = " + RegistryProjection.NAME_KEY_SQL.formatted("$2")
                        + " AND ($3::text IS NULL OR e.country = $3::bpchar) AND ($4::text IS NULL OR e.agreement_id > $4) "
                        + "ORDER BY e.agreement_id LIMIT $5) r JOIN agreement_directory a USING (agreement_id)")
                .execute(Tuple.tuple(Arrays.asList(organisation, name, country, page.text(0), page.fetch())))
                .map(rows -> {
                    List<ServedAgreement> out = served(rows.iterator().next().getString("agreements")).stream()
                            .map(SubprocessorReadModel::servedAgreement).toList();
                    return page.page(out, s -> List.of(s.agreementId()), PageRequest.filters("name", name, "country", country));
                });
    }

    private static List<JsonNode> served(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            List<JsonNode> out = new ArrayList<>();
            JSON.readTree(json).forEach(out::add);
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("overview line unreadable", e);
        }
    }

    private static ServedAgreement servedAgreement(JsonNode n) {
        return new ServedAgreement(n.path("agreementId").asText(), n.path("status").asText(),
                new Party(n.path("controllerOrg").asText(), n.path("controllerName").asText()),
                new Party(n.path("processorOrg").asText(), n.path("processorName").asText()),
                n.path("country").asText(), n.path("basis").asText(), OffsetDateTime.parse(n.path("acceptedSince").asText()).toInstant());
    }

    /** The page's items without the sort keys they were paged by. */
    static <T> ListPage<T> unkeyed(ListPage<? extends Map.Entry<?, T>> keyed) {
        return keyed.map(Map.Entry::getValue);
    }

    /** Changes of one agreement, newest first, optionally by status, a page at a time. */
    public Uni<ListPage<ChangeRow>> changes(String agreementId, ChangeStatus status, PageRequest page) {
        String state = status == null ? null : status.name();
        OffsetDateTime after = page.isFirst() ? null : page.instant(0).atOffset(ZoneOffset.UTC);
        return pool.preparedQuery("SELECT * FROM changes WHERE agreement_id = $1 AND ($2::text IS NULL OR status = $2) "
                        + "AND ($3::timestamptz IS NULL OR (announced_at, change_id) < ($3, $4)) "
                        + "ORDER BY announced_at DESC, change_id DESC LIMIT $5")
                .execute(Tuple.tuple(Arrays.asList(agreementId, state, after, page.text(1), page.fetch())))
                .map(rows -> {
                    List<ChangeRow> out = new ArrayList<>();
                    rows.forEach(r -> out.add(changeRow(r)));
                    return page.page(out, c -> List.of(c.announcedAt(), c.changeId()), PageRequest.filters("status", state));
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
                ChangeKind.valueOf(r.getString("kind")), r.getString("subprocessor_name"), ChangeStatus.valueOf(r.getString("status")),
                instant(r, "announced_at"),
                r.getLocalDate("intended_from"), instant(r, "window_ends_at"), instant(r, "termination_right_from"),
                r.getBoolean("termination_granted"));
    }

    static Instant instant(Row r, String column) {
        OffsetDateTime value = r.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
