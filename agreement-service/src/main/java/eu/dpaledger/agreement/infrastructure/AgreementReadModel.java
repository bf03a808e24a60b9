package eu.dpaledger.agreement.infrastructure;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Queries on agreement-service's read models. */
@ApplicationScoped
public class AgreementReadModel {

    /** One row of the agreement list. */
    public record Summary(String agreementId, long version, String status, String controllerOrg, String controllerName,
                          String processorOrg, String processorName, String assignment, Integer highestInformationClass,
                          String supervisoryAuthority, Instant createdAt, Instant updatedAt) {
    }

    public record Page(List<Summary> items, int page, int size, long total) {
    }

    @Inject
    Pool pool;

    /**
     * Agreements where the caller's organisation is the controller (and it holds the controller role)
     * or the processor (and it holds the processor role), optionally by status and counterparty.
     */
    public Uni<Page> list(String organisation, boolean asController, boolean asProcessor, String status,
                          String counterparty, int page, int size) {
        String where = "WHERE ((controller_org = $1 AND $2) OR (processor_org = $1 AND $3)) "
                + "AND ($4::text IS NULL OR status = $4) "
                + "AND ($5::text IS NULL OR controller_org = $5 OR processor_org = $5)";
        Tuple filter = Tuple.tuple(Arrays.asList(organisation, asController, asProcessor, status, counterparty));
        Uni<Long> total = pool.preparedQuery("SELECT count(*) AS n FROM agreement_list " + where)
                .execute(filter).map(rows -> rows.iterator().next().getLong("n"));
        Tuple pageArgs = Tuple.tuple(Arrays.asList(organisation, asController, asProcessor, status, counterparty,
                size, (long) page * size));
        Uni<List<Summary>> items = pool.preparedQuery("SELECT * FROM agreement_list " + where
                        + " ORDER BY created_at DESC, agreement_id LIMIT $6 OFFSET $7")
                .execute(pageArgs).map(rows -> {
                    List<Summary> out = new ArrayList<>();
                    rows.forEach(r -> out.add(summary(r)));
                    return out;
                });
        return Uni.combine().all().unis(items, total).asTuple().map(t -> new Page(t.getItem1(), page, size, t.getItem2()));
    }

    /**
     * Whether subprocessor-service granted the controller an art. 6.2 termination right for this agreement that
     * still stands: granted, and its ground (the objection to that change) has not lapsed.
     */
    public Uni<Boolean> terminationRightGranted(String agreementId) {
        return pool.preparedQuery("SELECT 1 FROM subprocessor_termination_rights r WHERE r.agreement_id = $1 "
                        + "AND NOT EXISTS (SELECT 1 FROM subprocessor_termination_right_lapses l "
                        + "WHERE l.agreement_id = r.agreement_id AND l.change_id = r.change_id) LIMIT 1")
                .execute(Tuple.of(agreementId)).map(rows -> rows.iterator().hasNext());
    }

    private static Summary summary(Row r) {
        return new Summary(r.getString("agreement_id"), r.getLong("stream_version"), r.getString("status"),
                r.getString("controller_org"), r.getString("controller_name"), r.getString("processor_org"),
                r.getString("processor_name"), r.getString("assignment"), r.getInteger("highest_class"),
                r.getString("supervisory_authority"), r.getOffsetDateTime("created_at").toInstant(),
                r.getOffsetDateTime("updated_at").toInstant());
    }
}
