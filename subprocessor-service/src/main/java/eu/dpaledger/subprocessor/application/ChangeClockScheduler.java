package eu.dpaledger.subprocessor.application;

import eu.dpaledger.platform.command.CommandExecutor;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.subprocessor.domain.change.ChangeCommand;
import eu.dpaledger.subprocessor.infrastructure.ChangeBinding;
import eu.dpaledger.subprocessor.infrastructure.SubprocessorReadModel;
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
 * Runs the clocks of changes by itself (art. 6.1, 6.2): finds open changes with something due in the
 * change list and sends each a {@link ChangeCommand.Tick} at the current time. The tick decides on the
 * change's state in the event store, not on the (possibly lagging) list, so it is idempotent; with
 * several instances, two ticks of one change serialise on the stream version and the second decides
 * nothing or loses the race harmlessly.
 */
@ApplicationScoped
public class ChangeClockScheduler {

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

    /** One pass over every change with something due now; the number of changes ticked. */
    public Uni<Integer> tick() {
        Instant now = clock.instant();
        return readModel.dueChanges(now, windowWarning, terminationWarning).flatMap(ids -> executor.runEach(binding, ids,
                SCHEDULER, id -> new ChangeCommand.Tick(windowWarning, terminationWarning, now)));
    }
}
