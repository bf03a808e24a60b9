package eu.dpaledger.agreement.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.agreement.domain.Actor;
import eu.dpaledger.agreement.domain.AgreementRecord;
import eu.dpaledger.agreement.domain.PartyRole;
import eu.dpaledger.agreement.domain.assistance.AssistanceFacts;
import eu.dpaledger.agreement.infrastructure.AgreementBinding;
import eu.dpaledger.platform.command.AggregateBinding;
import eu.dpaledger.platform.command.CommandExecutor;
import eu.dpaledger.platform.command.CommandRequest;
import eu.dpaledger.platform.command.CommandResponse;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.http.Fingerprints;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Use cases of the assistance aggregates (instructions, disclosure requests, data subject requests):
 * created under an agreement the caller's organisation is party to, acted on as the caller, each command
 * through the kernel's executor.
 */
@ApplicationScoped
public class AssistanceApplication {

    @Inject
    CommandExecutor executor;

    @Inject
    AgreementBinding agreements;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /** The agreement's facts for a caller whose organisation is a party (404 otherwise). */
    public Uni<AssistanceFacts> facts(Caller caller, String agreementId) {
        return executor.load(agreements, agreementId).map(loaded -> {
            if (!loaded.exists() || !agreements.visibleTo(loaded.state(), caller)) {
                throw HttpProblem.notFound("The agreement");
            }
            AgreementRecord a = loaded.state().agreement().orElseThrow();
            String zone = a.currentContent().settings() == null || a.currentContent().settings().timeZone() == null
                    ? "Europe/Brussels" : a.currentContent().settings().timeZone();
            return new AssistanceFacts(agreementId, a.status().name(), a.party(PartyRole.CONTROLLER).enterpriseNumber(),
                    a.party(PartyRole.PROCESSOR).enterpriseNumber(), ZoneId.of(zone));
        });
    }

    public <S, C, E> Uni<CommandResponse> create(AggregateBinding<S, C, E> binding, Caller caller, String agreementId, String id,
                                                 String idempotencyKey, String correlationId, String path, Object body,
                                                 BiFunction<AssistanceFacts, Instant, C> command, Function<Loaded<S>, CommandRequest.Reply> reply) {
        Instant now = clock.instant();
        return facts(caller, agreementId).flatMap(facts -> executor.execute(binding, new CommandRequest<S, C>(id, true, null,
                idempotencyKey, Fingerprints.forKey(mapper, idempotencyKey, path, body), caller, correlationId, loaded -> command.apply(facts, now),
                reply)));
    }

    public <S, C, E> Uni<CommandResponse> act(AggregateBinding<S, C, E> binding, Caller caller, String id, String ifMatch,
                                              String idempotencyKey, String correlationId, String path, Object body,
                                              BiFunction<Actor, Instant, C> command, Function<Loaded<S>, CommandRequest.Reply> reply) {
        Instant now = clock.instant();
        Actor actor = AgreementBinding.actor(caller);
        return executor.execute(binding, new CommandRequest<S, C>(id, false, ifMatch, idempotencyKey,
                Fingerprints.forKey(mapper, idempotencyKey, path, body), caller, correlationId, loaded -> command.apply(actor, now), reply));
    }

    public <S, C, E> Uni<Loaded<S>> load(AggregateBinding<S, C, E> binding, Caller caller, String id, BiPredicate<S, Caller> readable,
                                         String what) {
        return executor.load(binding, id).map(loaded -> {
            if (!loaded.exists() || !readable.test(loaded.state(), caller)) {
                throw HttpProblem.notFound(what);
            }
            return loaded;
        });
    }

    public Instant now() {
        return clock.instant();
    }
}
