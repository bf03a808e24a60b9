package eu.dpaledger.subprocessor.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.command.CommandExecutor;
import eu.dpaledger.platform.command.CommandRequest;
import eu.dpaledger.platform.command.CommandResponse;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.http.Fingerprints;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.subprocessor.domain.Actor;
import eu.dpaledger.subprocessor.domain.ChangeCommand;
import eu.dpaledger.subprocessor.domain.ChangeKind;
import eu.dpaledger.subprocessor.domain.ChangeRecord;
import eu.dpaledger.subprocessor.domain.ChangeState;
import eu.dpaledger.subprocessor.domain.ProofCommand;
import eu.dpaledger.subprocessor.domain.ProofEvent;
import eu.dpaledger.subprocessor.domain.SubprocessorDetails;
import eu.dpaledger.subprocessor.infrastructure.ChangeBinding;
import eu.dpaledger.subprocessor.infrastructure.ProofBinding;
import eu.dpaledger.subprocessor.infrastructure.SubprocessorReadModel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Use cases of subprocessor-service: announcing a change (checked against the agreement as this
 * service knows it from {@code dpa.agreements}), acting on a change, and reading changes — always as
 * the calling party. Commands go through the kernel's executor (one transaction each).
 */
@ApplicationScoped
public class SubprocessorApplication {

    /** Renders the HTTP reply of a command from the change after it. */
    public interface Replier extends Function<Loaded<ChangeState>, CommandRequest.Reply> {
    }

    @Inject
    CommandExecutor executor;

    @Inject
    ChangeBinding binding;

    @Inject
    ProofBinding proofs;

    @Inject
    SubprocessorReadModel readModel;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    /** The agreement as the caller may see it (either party's organisation), or 404. */
    public Uni<SubprocessorReadModel.Agreement> agreementFor(Caller caller, String agreementId) {
        return readModel.agreement(agreementId).map(found -> found
                .filter(a -> a.facts().isParty(caller.organisation()))
                .orElseThrow(() -> HttpProblem.notFound("The agreement")));
    }

    /** The agreement for a read: the caller's organisation must be a party in the matching role. */
    public Uni<SubprocessorReadModel.Agreement> agreementReadableBy(Caller caller, String agreementId) {
        return agreementFor(caller, agreementId).map(a -> {
            boolean asController = a.facts().controllerOrg().equals(caller.organisation()) && caller.hasRole(Caller.CONTROLLER);
            boolean asProcessor = a.facts().processorOrg().equals(caller.organisation()) && caller.hasRole(Caller.PROCESSOR);
            if (!asController && !asProcessor) {
                throw HttpProblem.notFound("The agreement");
            }
            return a;
        });
    }

    /**
     * Announces a change under an agreement; with {@code supersedes}, in the same transaction the
     * superseded change records its alternative (If-Match applies to the superseded change).
     */
    public Uni<CommandResponse> announce(Caller caller, String agreementId, String changeId, Announcement a,
                                         String supersedes, String supersedesIfMatch, String idempotencyKey,
                                         String correlationId, String path, Object body, Replier reply) {
        Instant now = clock.instant();
        Actor actor = ChangeBinding.actor(caller);
        return agreementFor(caller, agreementId).flatMap(agreement -> {
            CommandRequest<ChangeState, ChangeCommand> announce = new CommandRequest<>(changeId, true, null, idempotencyKey,
                    Fingerprints.forKey(mapper, idempotencyKey, path, body), caller, correlationId,
                    loaded -> new ChangeCommand.Announce(changeId, agreement.facts(), a.kind(), a.subprocessor(), a.replaces(),
                            a.intendedFrom(), a.reason(), supersedes, actor, now),
                    reply);
            if (supersedes == null) {
                return executor.execute(binding, announce);
            }
            CommandRequest<ChangeState, ChangeCommand> supersede = new CommandRequest<>(supersedes, false, supersedesIfMatch,
                    null, null, caller, correlationId,
                    loaded -> new ChangeCommand.Supersede(changeId, agreementId, actor, now),
                    loaded -> new CommandRequest.Reply(200, null, Map.of()));
            return executor.execute(binding, announce, supersede);
        });
    }

    /** What the processor announces. */
    public record Announcement(ChangeKind kind, SubprocessorDetails subprocessor, String replaces, LocalDate intendedFrom,
                               String reason) {
    }

    /** Runs a command on an existing change as the caller. */
    public Uni<CommandResponse> act(Caller caller, String changeId, String ifMatch, String idempotencyKey,
                                    String correlationId, String path, Object body,
                                    BiFunction<Actor, Instant, ChangeCommand> command, Replier reply) {
        Instant now = clock.instant();
        Actor actor = ChangeBinding.actor(caller);
        return executor.execute(binding, new CommandRequest<>(changeId, false, ifMatch, idempotencyKey,
                Fingerprints.forKey(mapper, idempotencyKey, path, body), caller, correlationId,
                loaded -> command.apply(actor, now), reply));
    }

    /**
     * Records a flow-down proof request or proof (art. 6.4) about a sub-processor of the agreement, as a
     * new record; the caller's organisation must be a party (404 otherwise), the domain checks the role.
     */
    public Uni<CommandResponse> recordProof(Caller caller, String agreementId, String idempotencyKey, String correlationId,
                                            String path, Object body,
                                            BiFunction<String, SubprocessorReadModel.Agreement, ProofCommand> command,
                                            Function<Loaded<Optional<ProofEvent>>, CommandRequest.Reply> reply) {
        String proofId = UUID.randomUUID().toString();
        return agreementFor(caller, agreementId).flatMap(agreement -> executor.execute(proofs,
                new CommandRequest<>(proofId, true, null, idempotencyKey,
                        Fingerprints.forKey(mapper, idempotencyKey, path, body), caller, correlationId,
                        loaded -> command.apply(proofId, agreement), reply)));
    }

    /** The change as the caller may see it (party organisation in the matching role), or 404. */
    public Uni<Loaded<ChangeState>> load(Caller caller, String changeId) {
        return executor.load(binding, changeId).map(loaded -> {
            if (!loaded.exists() || !binding.readableBy(loaded.state(), caller)) {
                throw HttpProblem.notFound("The change");
            }
            return loaded;
        });
    }

    public Instant now() {
        return clock.instant();
    }

    public static ChangeRecord record(Loaded<ChangeState> loaded) {
        return loaded.state().change().orElseThrow(() -> HttpProblem.notFound("The change"));
    }
}
