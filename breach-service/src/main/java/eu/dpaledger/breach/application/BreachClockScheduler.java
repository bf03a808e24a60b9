package eu.dpaledger.breach.application;

import eu.dpaledger.breach.domain.breach.BreachCommand;
import eu.dpaledger.breach.infrastructure.BreachBinding;
import eu.dpaledger.breach.infrastructure.BreachReadModel;
import eu.dpaledger.platform.command.CommandExecutor;
import eu.dpaledger.platform.security.Caller;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs the 72-hour clock by itself (GDPR 33(1)): finds breaches still to be notified whose deadline
 * warns or falls, and sends each a {@link BreachCommand.Tick}. The tick decides on the breach in the
 * event store, so it is idempotent and safe with several instances (ticks serialise on the version).
 */
@ApplicationScoped
public class BreachClockScheduler {

    private static final Logger LOG = Logger.getLogger(BreachClockScheduler.class);
    /** The service itself, named in the events it records. */
    static final Caller SCHEDULER = Caller.system("breach-service/scheduler");

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
        return readModel.due(now, warning).flatMap(ids -> executor.runEach(binding, ids, SCHEDULER,
                id -> new BreachCommand.Tick(warning, now)));
    }
}
