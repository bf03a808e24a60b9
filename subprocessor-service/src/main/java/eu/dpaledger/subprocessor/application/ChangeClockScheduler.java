package eu.dpaledger.subprocessor.application;

import eu.dpaledger.platform.command.CommandExecutor;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.subprocessor.domain.change.ChangeCommand;
import eu.dpaledger.subprocessor.domain.change.ChangeRecord;
import eu.dpaledger.subprocessor.domain.change.ChangeStatus;
import eu.dpaledger.subprocessor.infrastructure.ChangeBinding;
import eu.dpaledger.subprocessor.infrastructure.SubprocessorReadModel;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the clocks of changes by itself (art. 6.1, 6.2): finds open changes with something due in the
 * change list and sends each a {@link ChangeCommand.Tick} at the current time. The tick decides on the
 * change's state in the event store, not on the (possibly lagging) list, so it is idempotent; with
 * several instances, two ticks of one change serialise on the stream version and the second decides
 * nothing or loses the race harmlessly.
 */
@ApplicationScoped
public class ChangeClockScheduler {

    private static final int PAGE = 500;

    private static final Logger LOG = Logger.getLogger(ChangeClockScheduler.class);

    /** The service itself running the clocks: may tick any change, belongs to no organisation. */
    static final Caller SCHEDULER = Caller.system("subprocessor-service/scheduler");

    @Inject
    CommandExecutor executor;

    @Inject
    ChangeBinding binding;

    @Inject
    SubprocessorReadModel readModel;

    @Inject
    Clock clock;

    @ConfigProperty(name = "dpa.subprocessor.objection-window.warn-before", defaultValue = "P3D")
    Duration windowWarning;

    @ConfigProperty(name = "dpa.subprocessor.termination-right.warn-before", defaultValue = "P14D")
    Duration terminationWarning;

    @Scheduled(every = "${dpa.subprocessor.scheduler.every:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return tick().onFailure().invoke(f -> LOG.warnf("scheduler tick failed: %s", f.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** The longest chain of alternatives followed (a guard against a cycle, which ids from UUIDs never make). */
    static final int MAX_CHAIN = 32;

    /** One pass over every change with something due now; the number of changes ticked. */
    public Uni<Integer> tick() {
        Instant now = clock.instant();
        Uni<Integer> due = readModel.dueChanges(now, windowWarning, terminationWarning).flatMap(ids -> executor.runEach(binding, ids,
                SCHEDULER, id -> new ChangeCommand.Tick(windowWarning, terminationWarning, now)));
        return due.flatMap(n -> supersededWithOpenObjection(now).map(m -> n + m));
    }

    /**
     * DPA art. 6.2: a superseded change whose objection is open learns what became of its alternative (followed
     * to the last of the chain, from the event store) and lapses its termination right once that is accepted
     * or withdrawn; until then its 3 months run on.
     */
    private Uni<Integer> supersededWithOpenObjection(Instant now) {
        return supersededPage("", now);
    }

    /** One page of them, then the next, until a page comes back short: every such change is looked at each pass. */
    private Uni<Integer> supersededPage(String after, Instant now) {
        return readModel.supersededWithOpenObjection(after, PAGE).flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(0)
                : supersededOutcomes(ids, now).flatMap(n -> ids.size() < PAGE ? Uni.createFrom().item(n)
                        : supersededPage(ids.get(ids.size() - 1), now).map(m -> n + m)));
    }

    private Uni<Integer> supersededOutcomes(List<String> page, Instant now) {
        return Uni.createFrom().item(page).flatMap(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> outcome(id).map(o -> Map.entry(id, o)))
                        .filter(e -> e.getValue().isPresent())
                        .collect().asMap(Map.Entry::getKey, e -> e.getValue().orElseThrow()))
                .flatMap(outcomes -> executor.runEach(binding, List.copyOf(outcomes.keySet()), SCHEDULER,
                        id -> new ChangeCommand.Tick(windowWarning, terminationWarning, outcomes.get(id), now)));
    }

    /** The last alternative in the chain that starts at the change {@code supersededId} (empty if none is found). */
    Uni<Optional<ChangeCommand.AlternativeOutcome>> outcome(String supersededId) {
        return follow(supersededId, 0);
    }

    private Uni<Optional<ChangeCommand.AlternativeOutcome>> follow(String changeId, int depth) {
        return executor.load(binding, changeId).flatMap(loaded -> {
            Optional<ChangeRecord> change = loaded.state().change();
            if (change.isEmpty() || depth > MAX_CHAIN) {
                return Uni.createFrom().item(Optional.<ChangeCommand.AlternativeOutcome>empty());
            }
            ChangeRecord c = change.get();
            if (depth > 0 && c.status() != ChangeStatus.SUPERSEDED) {
                return Uni.createFrom().item(Optional.of(new ChangeCommand.AlternativeOutcome(c.changeId(), c.status(), c.kind(),
                        c.subprocessor().name())));
            }
            if (c.closure() == null || c.closure().alternativeChangeId() == null) {
                return Uni.createFrom().item(Optional.<ChangeCommand.AlternativeOutcome>empty());
            }
            return follow(c.closure().alternativeChangeId(), depth + 1);
        });
    }
}
