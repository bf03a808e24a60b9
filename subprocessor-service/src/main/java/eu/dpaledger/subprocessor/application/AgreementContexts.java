package eu.dpaledger.subprocessor.application;

import eu.dpaledger.platform.agreements.AgreementDirectory;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.subprocessor.domain.EngagedSubprocessors;
import eu.dpaledger.subprocessor.infrastructure.SubprocessorReadModel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What a change or a flow-down proof is decided against: the agreement's facts from the kernel's directory
 * (404 unless the caller's organisation is a party) and the sub-processors it engages now, from this
 * service's registry.
 */
@ApplicationScoped
public class AgreementContexts {

    /** The agreement and its engaged sub-processors (DPA art. 6.1, 6.4). */
    public record Context(AgreementFacts agreement, EngagedSubprocessors engaged) {
    }

    @Inject
    AgreementDirectory directory;

    @Inject
    SubprocessorReadModel readModel;

    /** For a caller whose organisation is a party to the agreement; 404 for an unknown or foreign one. */
    public Uni<Context> forParty(Caller caller, String agreementId) {
        return directory.forParty(caller, agreementId)
                .flatMap(agreement -> readModel.engaged(agreementId).map(engaged -> new Context(agreement, engaged)));
    }
}
