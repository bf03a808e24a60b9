package eu.dpaledger.breach.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.breach.domain.Actor;
import eu.dpaledger.breach.domain.breach.BreachCommand;
import eu.dpaledger.breach.domain.breach.BreachRecord;
import eu.dpaledger.breach.infrastructure.BreachBinding;
import eu.dpaledger.breach.infrastructure.BreachReadModel;
import eu.dpaledger.platform.command.CommandExecutor;
import eu.dpaledger.platform.command.CommandRequest;
import eu.dpaledger.platform.command.CommandResponse;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.http.Fingerprints;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.breach.domain.BreachFacts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Use cases of breach-service: reporting a breach under an agreement (checked against the agreement as
 * this service knows it from {@code dpa.agreements}), acting on a breach, and reading it — always as the
 * calling party, through the kernel's executor (one transaction per command).
 */
@ApplicationScoped
public class BreachApplication {

    /** Renders the HTTP reply of a command from the breach after it. */
    public interface Replier extends Function<Loaded<Optional<BreachRecord>>, CommandRequest.Reply> {
    }

    @Inject
    CommandExecutor executor;

    @Inject
    BreachBinding binding;

    @Inject
    BreachReadModel readModel;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /** Reports a breach under an agreement the caller's organisation is party to (404 otherwise). */
    public Uni<CommandResponse> report(Caller caller, String agreementId, String breachId, String idempotencyKey,
                                       String correlationId, String path, Object body,
                                       BiFunction<BreachFacts, Instant, BreachCommand> command, Replier reply) {
        Instant now = clock.instant();
        return readModel.agreement(agreementId).flatMap(found -> {
            BreachFacts agreement = found.filter(a -> a.isParty(caller.organisation()))
                    .orElseThrow(() -> HttpProblem.notFound("The agreement"));
            return executor.execute(binding, new CommandRequest<>(breachId, true, null, idempotencyKey,
                    Fingerprints.forKey(mapper, idempotencyKey, path, body), caller, correlationId,
                    loaded -> command.apply(agreement, now), reply));
        });
    }

    /** Runs a command on an existing breach as the caller. */
    public Uni<CommandResponse> act(Caller caller, String breachId, String ifMatch, String idempotencyKey,
                                    String correlationId, String path, Object body,
                                    BiFunction<Actor, Instant, BreachCommand> command, Replier reply) {
        Instant now = clock.instant();
        Actor actor = BreachBinding.actor(caller);
        return executor.execute(binding, new CommandRequest<>(breachId, false, ifMatch, idempotencyKey,
                Fingerprints.forKey(mapper, idempotencyKey, path, body), caller, correlationId,
                loaded -> command.apply(actor, now), reply));
    }

    /** The breach as the caller may see it (party organisation in the matching role), or 404. */
    public Uni<Loaded<Optional<BreachRecord>>> load(Caller caller, String breachId) {
        return executor.load(binding, breachId).map(loaded -> {
            if (!loaded.exists() || !binding.readableBy(loaded.state(), caller)) {
                throw HttpProblem.notFound("The breach");
            }
            return loaded;
        });
    }

    public Instant now() {
        return clock.instant();
    }

    public static BreachRecord record(Loaded<Optional<BreachRecord>> loaded) {
        return loaded.state().orElseThrow(() -> HttpProblem.notFound("The breach"));
    }
}
