package eu.dpaledger.agreement.application;

import eu.dpaledger.agreement.domain.agreement.TerminationGround;
import eu.dpaledger.agreement.infrastructure.AgreementBinding;
import eu.dpaledger.agreement.infrastructure.AgreementReadModel;
import eu.dpaledger.platform.command.CommandExecutor;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What commands need besides their own stream, looked up before they run. agreement-service owns the
 * agreements, so an agreement's facts come from its aggregate (strongly consistent), not from a directory.
 */
@ApplicationScoped
public class AgreementLookups {

    @Inject
    CommandExecutor executor;

    @Inject
    AgreementBinding agreements;

    @Inject
    AgreementReadModel readModel;

    /**
     * The facts of an agreement the caller's organisation is a party to, whatever its role (the command then
     * refuses a party acting outside its role, 403); 404 for an unknown agreement and for anyone else's.
     */
    public Uni<AgreementFacts> forParty(Caller caller, String agreementId) {
        return executor.load(agreements, agreementId).map(loaded -> {
            if (!loaded.exists() || !agreements.visibleTo(loaded.state(), caller)) {
                throw new DomainRejection(DomainRejection.Kind.NOT_FOUND, "not-found", "Not found",
                        "The agreement does not exist or is not visible to your organisation");
            }
            return loaded.state().agreement().orElseThrow().facts();
        });
    }

    /**
     * Whether subprocessor-service granted the controller the right to terminate over an unresolved objection
     * and that right still stands, i.e. has not lapsed with its ground (DPA art. 6.2); only looked up for a
     * termination on that ground.
     */
    public Uni<Boolean> terminationRight(String agreementId, TerminationGround ground) {
        return ground == TerminationGround.SUBPROCESSOR_OBJECTION
                ? readModel.terminationRightGranted(agreementId) : Uni.createFrom().item(false);
    }
}
