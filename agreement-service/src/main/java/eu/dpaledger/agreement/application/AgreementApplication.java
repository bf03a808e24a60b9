package eu.dpaledger.agreement.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.agreement.domain.Actor;
import eu.dpaledger.agreement.domain.AgreementCommand;
import eu.dpaledger.agreement.domain.AgreementRecord;
import eu.dpaledger.agreement.domain.AgreementState;
import eu.dpaledger.agreement.infrastructure.AgreementBinding;
import eu.dpaledger.platform.command.CommandExecutor;
import eu.dpaledger.platform.command.CommandRequest;
import eu.dpaledger.platform.command.CommandResponse;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.eventstore.HashChain;
import eu.dpaledger.platform.http.Fingerprints;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * Use cases of agreement-service: runs agreement commands through the kernel's executor (one
 * transaction: idempotency, visibility, If-Match, decide, append + outbox) and loads agreements for
 * reads, always as the calling party.
 */
@ApplicationScoped
public class AgreementApplication {

    /** Renders the HTTP reply of a command from the agreement after it. */
    public interface Replier extends BiFunction<Loaded<AgreementState>, Instant, CommandRequest.Reply> {
    }

    @Inject
    CommandExecutor executor;

    @Inject
    AgreementBinding binding;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /**
     * Runs one command.
     *
     * @param creates true for the command that starts the stream
     * @param path    request path, part of the idempotency fingerprint
     * @param body    request body, part of the idempotency fingerprint
     * @param command builds the command for the caller at the server's time
     */
    public Uni<CommandResponse> run(Caller caller, String agreementId, boolean creates, String ifMatch, String idempotencyKey,
                                    String correlationId, String path, Object body,
                                    BiFunction<Actor, Instant, AgreementCommand> command, Replier reply) {
        Instant now = clock.instant();
        Actor actor = AgreementBinding.actor(caller);
        return executor.execute(binding, new CommandRequest<>(agreementId, creates, ifMatch, idempotencyKey,
                Fingerprints.forKey(mapper, idempotencyKey, path, body), caller, correlationId,
                loaded -> command.apply(actor, now),
                after -> reply.apply(after, now)));
    }

    /** The agreement as the caller may see it, or 404. */
    public Uni<Loaded<AgreementState>> load(Caller caller, String agreementId) {
        return executor.load(binding, agreementId).map(loaded -> {
            if (!loaded.exists() || !binding.readableBy(loaded.state(), caller)) {
                throw HttpProblem.notFound("The agreement");
            }
            return loaded;
        });
    }

    /** Walks the agreement's stream and checks every hash (the caller must be a party). */
    public Uni<HashChain.Verification> verify(Caller caller, String agreementId) {
        return load(caller, agreementId).map(loaded -> HashChain.verify(agreementId, loaded.events()));
    }

    public Instant now() {
        return clock.instant();
    }

    public static AgreementRecord record(Loaded<AgreementState> loaded) {
        return loaded.state().agreement().orElseThrow(() -> HttpProblem.notFound("The agreement"));
    }
}
