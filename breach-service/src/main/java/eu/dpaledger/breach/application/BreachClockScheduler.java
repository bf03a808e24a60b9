package eu.dpaledger.breach.application;

import eu.dpaledger.breach.domain.BreachCommand;
import eu.dpaledger.breach.domain.BreachRecord;
import eu.dpaledger.breach.infrastructure.BreachBinding;
import eu.dpaledger.breach.infrastructure.BreachReadModel;
import eu.dpaledger.platform.command.CommandExecutor;
import eu.dpaledger.platform.command.CommandRequest;
import eu.dpaledger.platform.http.HttpProblem;
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
import java.util.UUID;

/**
 * Runs the 72-hour clock by itself (GDPR 33(1)): finds breaches still to be notified whose deadline
 * warns or falls, and sends each a {@link BreachCommand.Tick}. The tick decides on the breach in the
 * event store, so it is idempotent and safe with several instances (ticks serialise on the version).
 */
@ApplicationScoped
public class BreachClockScheduler {

    private static final Logger LOG = Logger.getLogger(BreachClockScheduler.class);

    @Inject
    CommandExecutor executor;

    @Inject
    BreachBinding binding;

    @Inject
    BreachReadModel readModel;

    @Inject
    Clock clock;

    @ConfigProperty(name = "dpa.breach.notification.warn-before", defaultValue = "PT12H")
    Duration warning;

    @Scheduled(every = "${dpa.breach.scheduler.every:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return tick().onFailure().invoke(f -> LOG.warnf("scheduler tick failed: %s", f.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One pass over the breaches with something due now; the number ticked. */
    public Uni<Integer> tick() {
        Instant now = clock.instant();
        return readModel.due(now, warning)
                .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .onItem().transformToUniAndConcatenate(id -> tick(id, now))
                .collect().asList()
                .map(List::size);
    }

    private Uni<Void> tick(String breachId, Instant now) {
        return executor.execute(binding, CommandRequest.<Optional<BreachRecord>, BreachCommand>internal(breachId,
                        BreachBinding.SCHEDULER, "scheduler-" + UUID.randomUUID(),
                        loaded -> new BreachCommand.Tick(warning, now),
                        loaded -> new CommandRequest.Reply(200, null, Map.of())))
                .replaceWithVoid()
                // Another instance ticked it a moment earlier: the next pass looks again.
                .onFailure(HttpProblem.class).recoverWithUni(f -> Uni.createFrom().voidItem());
    }
}
