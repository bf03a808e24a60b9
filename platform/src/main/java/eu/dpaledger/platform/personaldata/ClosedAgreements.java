package eu.dpaledger.platform.personaldata;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * When each closed agreement closed: the start of its people's retention (docs/DOMAIN.md "Retention of
 * personal data"). By default from the kernel's agreement directory; agreement-service, which keeps no
 * directory, answers from its own list.
 */
@ApplicationScoped
@DefaultBean
public class ClosedAgreements {

    /** agreement id → when it closed, for every closed agreement this service knows. */
    public Uni<Map<String, Instant>> closedAt(SqlClient client) {
        return client.query(sql()).execute().map(rows -> {
            Map<String, Instant> out = new HashMap<>();
            for (Row r : rows) {
                out.put(r.getString("agreement_id"), r.getOffsetDateTime("closed_at").toInstant());
            }
            return out;
        });
    }

    /** A query of {@code agreement_id, closed_at} for the closed agreements. */
    protected String sql() {
        return "SELECT agreement_id, updated_at AS closed_at FROM agreement_directory WHERE status = 'CLOSED'";
    }
}
