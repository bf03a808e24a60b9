package eu.dpaledger.subprocessor.api;

import eu.dpaledger.platform.agreements.AgreementDirectory;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.subprocessor.infrastructure.ChangeBinding;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * An agreement for a read (its registry, its change list): a party's organisation in the matching role
 * (role AND organisation); anyone else gets 404, as for an unknown agreement.
 */
@ApplicationScoped
class AgreementReads {

    @Inject
    AgreementDirectory directory;

    @Inject
    ChangeBinding changes;

    Uni<AgreementFacts> readableBy(Caller caller, String agreementId) {
        return directory.forParty(caller, agreementId).map(agreement -> {
            if (!agreement.parties().partyInRole(changes.actor(caller))) {
                throw HttpProblem.notFound("The agreement");
            }
            return agreement;
        });
    }
}
