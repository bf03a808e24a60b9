package eu.dpaledger.audit.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.audit.domain.Actor;
import eu.dpaledger.audit.domain.audit.AuditCommand;
import eu.dpaledger.audit.domain.AuditFacts;
import eu.dpaledger.audit.domain.audit.AuditRecord;
import eu.dpaledger.audit.domain.request.InformationRequest;
import eu.dpaledger.audit.infrastructure.AuditBinding;
import eu.dpaledger.audit.infrastructure.AuditReadModel;
import eu.dpaledger.audit.infrastructure.OrganisationCalendars;
import eu.dpaledger.audit.infrastructure.RequestBinding;
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
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Use cases of audit-service: audits and information requests under an agreement this service knows
 * from {@code dpa.agreements}, checked against the processor's working calendar, always as the caller.
 */
@ApplicationScoped
public class AuditApplication {

    @Inject
    CommandExecutor executor;

    @Inject
    AuditBinding audits;

    @Inject
    RequestBinding requests;

    @Inject
    AuditReadModel readModel;

    @Inject
    OrganisationCalendars calendars;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /** The agreement's facts with the processor's calendar, for a caller whose organisation is a party (else 404). */
    public Uni<AuditFacts> facts(Caller caller, String agreementId) {
        return readModel.agreement(agreementId).flatMap(found -> {
            AuditReadModel.Agreement a = found.filter(x -> caller == null || x.isParty(caller.organisation()))
                    .orElseThrow(() -> HttpProblem.notFound("The agreement"));
            return calendars.calendar(a.processorOrg(), a.zone())
                    .map(calendar -> new AuditFacts(a.agreementId(), a.status(), a.controllerOrg(), a.processorOrg(), calendar));
        });
    }

    public Uni<CommandResponse> schedule(Caller caller, String agreementId, String auditId, String idempotencyKey,
                                         String correlationId, String path, Object body,
                                         BiFunction<AuditFacts, Instant, AuditCommand> command,
                                         Function<Loaded<Optional<AuditRecord>>, CommandRequest.Reply> reply) {
        Instant now = clock.instant();
        return facts(caller, agreementId).flatMap(facts -> executor.execute(audits, new CommandRequest<>(auditId, true, null,
                idempotencyKey, Fingerprints.forKey(mapper, idempotencyKey, path, body), caller, correlationId,
                loaded -> command.apply(facts, now), reply)));
    }

    /** A command on an existing audit; the agreement's facts (processor calendar) are looked up first. */
    public Uni<CommandResponse> act(Caller caller, String auditId, String ifMatch, String idempotencyKey, String correlationId,
                                    String path, Object body, CommandFactory command,
                                    Function<Loaded<Optional<AuditRecord>>, CommandRequest.Reply> reply) {
        Instant now = clock.instant();
        Actor actor = AuditBinding.actor(caller);
        return executor.load(audits, auditId).flatMap(current -> {
            if (!current.exists() || !audits.visibleTo(current.state(), caller)) {
                throw HttpProblem.notFound("The audit");
            }
            return facts(null, current.state().orElseThrow().agreementId());
        }).flatMap(facts -> executor.execute(audits, new CommandRequest<>(auditId, false, ifMatch, idempotencyKey,
                Fingerprints.forKey(mapper, idempotencyKey, path, body), caller, correlationId, loaded -> command.create(facts, actor, now), reply)));
    }

    /** Builds a command from the agreement's facts, the caller and the server's time. */
    public interface CommandFactory {
        AuditCommand create(AuditFacts facts, Actor actor, Instant at);
    }

    public Uni<Loaded<Optional<AuditRecord>>> load(Caller caller, String auditId) {
        return executor.load(audits, auditId).map(loaded -> {
            if (!loaded.exists() || !audits.readableBy(loaded.state(), caller)) {
                throw HttpProblem.notFound("The audit");
            }
            return loaded;
        });
    }

    public Uni<CommandResponse> ask(Caller caller, String agreementId, String requestId, String idempotencyKey,
                                    String correlationId, String path, Object body,
                                    BiFunction<AuditFacts, Instant, InformationRequest.Command> command,
                                    Function<Loaded<Optional<InformationRequest.Record>>, CommandRequest.Reply> reply) {
        Instant now = clock.instant();
        return facts(caller, agreementId).flatMap(facts -> executor.execute(requests, new CommandRequest<>(requestId, true, null,
                idempotencyKey, Fingerprints.forKey(mapper, idempotencyKey, path, body), caller, correlationId,
                loaded -> command.apply(facts, now), reply)));
    }

    public Uni<CommandResponse> answer(Caller caller, String requestId, String ifMatch, String idempotencyKey,
                                       String correlationId, String path, Object body,
                                       BiFunction<Actor, Instant, InformationRequest.Command> command,
                                       Function<Loaded<Optional<InformationRequest.Record>>, CommandRequest.Reply> reply) {
        Instant now = clock.instant();
        Actor actor = AuditBinding.actor(caller);
        return executor.execute(requests, new CommandRequest<>(requestId, false, ifMatch, idempotencyKey,
                Fingerprints.forKey(mapper, idempotencyKey, path, body), caller, correlationId, loaded -> command.apply(actor, now), reply));
    }

    public Uni<Loaded<Optional<InformationRequest.Record>>> loadRequest(Caller caller, String requestId) {
        return executor.load(requests, requestId).map(loaded -> {
            if (!loaded.exists() || !requests.readableBy(loaded.state(), caller)) {
                throw HttpProblem.notFound("The information request");
            }
            return loaded;
        });
    }

    public Instant now() {
        return clock.instant();
    }
}
