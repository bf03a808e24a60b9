package eu.dpaledger.reporting.infrastructure.projection;

import eu.dpaledger.platform.contracts.AgreementPublished;
import eu.dpaledger.platform.projection.IncomingEvent;
import eu.dpaledger.platform.projection.ProjectionHandler;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code portfolio}: one row per agreement from {@code dpa.agreements} (agreement events only; the assistance
 * aggregates publishing there are ignored), a version-guarded upsert of the summary plus what only the events carry:
 * when it was created, came into force (both signatures), was terminated (the termination's {@code effectiveAt}) and
 * closed, and the title of an addendum awaiting signatures (DPA art. 12.3).
 */
@ApplicationScoped
public class PortfolioProjection implements ProjectionHandler {

    public static final String NAME = "portfolio";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(AgreementPublished.TOPIC);
    }

    @Override
    public Interest interestIn(String topic, String ceType) {
        if (EventTypes.AGREEMENTS.contains(ceType)) {
            return Interest.APPLY;
        }
        return EventTypes.ASSISTANCE.contains(ceType) ? Interest.IGNORE : Interest.UNKNOWN;
    }

    @Override
    public Uni<Void> apply(SqlClient tx, IncomingEvent event) {
        return Uni.createFrom().item(() -> AgreementPublished.of(event)).flatMap(a -> upsert(tx, a, event));
    }

    private static Uni<Void> upsert(SqlClient tx, AgreementPublished a, IncomingEvent event) {
        String name = event.eventName();
        var at = EventTypes.stamp(event);
        // The pending addendum: set by a proposal, cleared once in force or withdrawn, else as stored.
        String addendum = switch (name) {
            case "AddendumProposed" -> "SET";
            case "AddendumInForce", "AddendumWithdrawn" -> "CLEAR";
            default -> "KEEP";
        };
        String[] countries = a.agreement().processingLocations().stream().map(AgreementPublished.ProcessingLocation::country)
                .filter(Objects::nonNull).map(String::toUpperCase).distinct().sorted().toArray(String[]::new);
        Tuple values = Tuple.tuple(Arrays.asList(a.agreementId(), a.streamVersion(), a.controllerOrg(),
                a.agreement().controller().name(), a.processorOrg(), a.agreement().processor().name(), a.agreement().status(),
                a.agreement().assignment(), a.settingsOrDefaults().timeZone(), at,
                "DraftCreated".equals(name) ? at : null,
                "AgreementActivated".equals(name) ? at : null,
                "AgreementTerminated".equals(name) ? EventTypes.utc(EventTypes.instant(event, "effectiveAt").orElse(null)) : null,
                "AgreementClosed".equals(name) ? at : null,
                addendum, EventTypes.text(event, "title"), countries));
        return tx.preparedQuery("INSERT INTO portfolio (agreement_id, stream_version, controller_org, controller_name, processor_org, "
                        + "processor_name, status, assignment, time_zone, created_at, signed_at, terminated_at, closed_at, "
                        + "pending_addendum, processing_countries, updated_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, coalesce($11::timestamptz, $10::timestamptz), $12, $13, $14, "
                        + "CASE WHEN $15::text = 'SET' THEN $16::text END, $17, $10) "
                        + "ON CONFLICT (agreement_id) DO UPDATE SET stream_version = excluded.stream_version, "
                        + "controller_name = excluded.controller_name, processor_name = excluded.processor_name, "
                        + "status = excluded.status, assignment = excluded.assignment, time_zone = excluded.time_zone, "
                        + "created_at = coalesce($11::timestamptz, portfolio.created_at), "
                        + "signed_at = coalesce(portfolio.signed_at, excluded.signed_at), "
                        + "terminated_at = coalesce(excluded.terminated_at, portfolio.terminated_at), "
                        + "closed_at = coalesce(portfolio.closed_at, excluded.closed_at), "
                        + "pending_addendum = CASE $15::text WHEN 'SET' THEN $16::text WHEN 'CLEAR' THEN NULL ELSE portfolio.pending_addendum END, "
                        + "processing_countries = excluded.processing_countries, updated_at = excluded.updated_at "
                        + "WHERE portfolio.stream_version < excluded.stream_version")
                .execute(values).replaceWithVoid();
    }

    /** One version-guarded upsert per event. */
    @Override
    public boolean pipelined() {
        return true;
    }

    @Override
    public Uni<Void> reset(SqlClient tx) {
        return tx.query("DELETE FROM portfolio").execute().replaceWithVoid();
    }
}
