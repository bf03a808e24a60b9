package eu.dpaledger.agreement.infrastructure;

import eu.dpaledger.platform.contracts.AssistanceItemPublished;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.ProjectionHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;

/** The lists of instructions, disclosure requests and data subject requests, from {@code dpa.agreements} ({@link AssistanceItemPublished}). */
@ApplicationScoped
public class AssistanceProjection implements ProjectionHandler {

    @Override
    public String name() {
        return "assistance-items";
    }

    @Override
    public Set<String> topics() {
        return Set.of(AgreementListProjection.TOPIC);
    }

    @Override
    public Interest interestIn(String topic, String ceType) {
        if (AssistanceEventTypes.ALL.contains(ceType)) {
            return Interest.APPLY;
        }
        return AgreementEventTypes.isKnown(ceType) ? Interest.IGNORE : Interest.UNKNOWN;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        return Uni.createFrom().item(() -> AssistanceItemPublished.of(event)).flatMap(published -> upsert(tx, published, event));
    }

    private static Uni<Void> upsert(SqlClient tx, AssistanceItemPublished published, IncomingEvent event) {
        AssistanceItemPublished.Item item = published.item();
        Tuple values = Tuple.tuple(Arrays.asList(published.itemId(), item.kind(), published.streamVersion(), published.agreementId(),
                item.controllerOrg(), item.processorOrg(), item.status(), item.open(), item.controllerVisible(), item.title(),
                item.dueAt() == null ? null : item.dueAt().atOffset(ZoneOffset.UTC), item.answerDueOn(),
                event.time().atOffset(ZoneOffset.UTC)));
        return tx.preparedQuery("INSERT INTO assistance_items (item_id, kind, stream_version, agreement_id, controller_org, "
                        + "processor_org, status, open, controller_visible, title, due_at, answer_due_on, updated_at, created_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) ON CONFLICT (item_id) DO UPDATE SET "
                        + "stream_version = excluded.stream_version, status = excluded.status, open = excluded.open, "
                        + "controller_visible = excluded.controller_visible, title = excluded.title, due_at = excluded.due_at, "
                        + "answer_due_on = excluded.answer_due_on, updated_at = excluded.updated_at "
                        + "WHERE assistance_items.stream_version < excluded.stream_version")
                .execute(values).replaceWithVoid();
    }

    @Override
    public boolean pipelined() {
        return true;
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM assistance_items").execute().replaceWithVoid();
    }
}
