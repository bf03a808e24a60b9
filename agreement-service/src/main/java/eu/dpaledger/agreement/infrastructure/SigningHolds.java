package eu.dpaledger.agreement.infrastructure;

import eu.dpaledger.agreement.domain.agreement.AgreementStatus;
import eu.dpaledger.agreement.domain.agreement.Signature;
import eu.dpaledger.platform.command.CommandExecutor;
import eu.dpaledger.platform.personaldata.PersonalDataErasure;
import eu.dpaledger.platform.personaldata.ServiceHolds;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An agreement being signed is held (docs/DOMAIN.md "Personal data in the ledger"): a draft with a signature, or an
 * addendum awaiting its signatures. A signature binds the digest of the content as it is (DPA art. 12.3); erasing a
 * person named in it before the other party signs would change the content under that signature.
 */
@ApplicationScoped
public class SigningHolds extends ServiceHolds {

    @Inject
    CommandExecutor commands;

    @Inject
    AgreementBinding agreements;

    @Override
    public Uni<List<PersonalDataErasure.Hold>> holds(SqlClient client, Set<String> agreementIds) {
        return Multi.createFrom().iterable(agreementIds)
                .onItem().transformToUniAndConcatenate(id -> commands.load(agreements, id).map(loaded -> loaded.state().agreement()
                        .map(a -> {
                            boolean draftSigned = a.status() == AgreementStatus.DRAFT && a.signatures().stream().anyMatch(s -> !s.voided());
                            boolean addendumPending = a.addenda().stream().anyMatch(ad -> ad.awaitingSignatures() && !ad.signatures().isEmpty());
                            return draftSigned || addendumPending
                                    ? new PersonalDataErasure.Hold(id, "signing", id, draftSigned
                                            ? "the draft " + id + " is being signed" : "an addendum to " + id + " is being signed",
                                            a.signatures().stream().map(Signature::at).max(Instant::compareTo).orElse(a.createdAt()))
                                    : null;
                        }).orElse(null)))
                .filter(Objects::nonNull)
                .collect().asList();
    }
}
