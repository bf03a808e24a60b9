package eu.dpaledger.platform.agreements;

import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.domain.Parties;
import eu.dpaledger.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The agreements this service knows, as {@link AgreementFacts}: one lookup for every service other than
 * agreement-service (which answers from its aggregate). Read from {@code agreement_directory}, which
 * {@link AgreementDirectoryProjection} keeps from {@code dpa.agreements}.
 */
@ApplicationScoped
public class AgreementDirectory {

    static final String COLUMNS = "agreement_id, status, controller_org, processor_org, supervisory_authority, time_zone, "
            + "objection_days, destruction_confirmation_days";

    @Inject
    Pool pool;

    /** The agreement's facts, if this service has seen the agreement. */
    public Uni<Optional<AgreementFacts>> find(String agreementId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM agreement_directory WHERE agreement_id = $1")
                .execute(Tuple.of(agreementId))
                .map(rows -> rows.rowCount() == 0 ? Optional.empty() : Optional.of(facts(rows.iterator().next())));
    }

    /** Every ACTIVE agreement of the processor {@code processorOrg} this service knows, by id. */
    public Uni<List<AgreementFacts>> activeOfProcessor(String processorOrg) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM agreement_directory WHERE processor_org = $1 AND status = 'ACTIVE' "
                        + "ORDER BY agreement_id")
                .execute(Tuple.of(processorOrg))
                .map(AgreementDirectory::all);
    }

    /** The agreements of these ids this service knows, in no particular order (an unknown id has none). */
    public Uni<List<AgreementFacts>> findAll(List<String> agreementIds) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM agreement_directory WHERE agreement_id = ANY($1)")
                .execute(Tuple.of(agreementIds.toArray(String[]::new)))
                .map(AgreementDirectory::all);
    }

    private static List<AgreementFacts> all(RowSet<Row> rows) {
        List<AgreementFacts> out = new ArrayList<>(rows.rowCount());
        rows.forEach(row -> out.add(facts(row)));
        return out;
    }

    /**
     * The agreement's facts for a caller whose organisation is a party to it; 404 for an unknown agreement
     * and for anyone else's (a foreign id looks like an unknown one).
     */
    public Uni<AgreementFacts> forParty(Caller caller, String agreementId) {
        return find(agreementId).map(found -> found
                .filter(facts -> caller.system() || facts.parties().isParty(caller.organisation()))
                .orElseThrow(() -> CommonRejections.notFound("The agreement")));
    }

    /** The facts of an agreement a stream of this service already belongs to (404 if the directory lost it). */
    public Uni<AgreementFacts> of(String agreementId) {
        return find(agreementId).map(found -> found.orElseThrow(() -> CommonRejections.notFound("The agreement")));
    }

    static AgreementFacts facts(Row row) {
        return new AgreementFacts(row.getString("agreement_id"), row.getString("status"),
                new Parties(row.getString("controller_org"), row.getString("processor_org")),
                row.getString("supervisory_authority"), ZoneId.of(row.getString("time_zone")),
                row.getInteger("objection_days"), row.getInteger("destruction_confirmation_days"));
    }
}
