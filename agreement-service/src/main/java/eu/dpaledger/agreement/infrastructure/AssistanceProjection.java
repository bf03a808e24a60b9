package eu.dpaledger.agreement.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.ProjectionHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Set;

/** The lists of instructions, disclosure requests and data subject requests, from {@code dpa.agreements}. */
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
        JsonNode data = event.data();
        JsonNode item = data.get("item");
        if (item == null || !data.hasNonNull("itemId")) {
            return Uni.createFrom().failure(new IllegalArgumentException("assistance event without itemId or item"));
        }
        Tuple values = Tuple.tuple(Arrays.asList(data.get("itemId").asText(), item.path("kind").asText(),
                data.get("streamVersion").asLong(), data.get("agreementId").asText(), item.path("controllerOrg").asText(),
                item.path("processorOrg").asText(), item.path("status").asText(), item.path("open").asBoolean(),
                item.path("controllerVisible").asBoolean(), item.path("title").asText(),
                item.path("dueAt").isNull() ? null : Instant.parse(item.path("dueAt").asText()).atOffset(ZoneOffset.UTC),
                item.path("answerDueOn").isNull() ? null : LocalDate.parse(item.path("answerDueOn").asText()),
                event.time().atOffset(ZoneOffset.UTC)));
        return tx.preparedQuery("INSERT INTO assistance_items (item_id, kind, stream_version, agreement_id, controller_org, "
                        + "processor_org, status, open, controller_visible, title, due_at, answer_due_on, updated_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (item_id) DO UPDATE SET "
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
