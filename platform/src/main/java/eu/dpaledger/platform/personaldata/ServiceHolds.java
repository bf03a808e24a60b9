package eu.dpaledger.platform.personaldata;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

/**
 * Legal holds a service knows from its own aggregates, besides the breaches, audits and disputes of
 * {@link LegalHoldProjection}: by default none. agreement-service holds an agreement while it is being signed.
 */
@ApplicationScoped
@DefaultBean
public class ServiceHolds {

    /** The holds on these agreements, in {@code client}'s transaction. */
    public Uni<List<PersonalDataErasure.Hold>> holds(SqlClient client, Set<String> agreementIds) {
        return Uni.createFrom().item(List.of());
    }
}
