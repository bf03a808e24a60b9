package eu.dpaledger.audit.application;

import eu.dpaledger.audit.domain.AuditCommand;
import eu.dpaledger.audit.domain.AuditRecord;
import eu.dpaledger.audit.infrastructure.AuditBinding;
import eu.dpaledger.audit.infrastructure.AuditReadModel;
import eu.dpaledger.platform.command.CommandExecutor;
import eu.dpaledger.platform.command.CommandRequest;
import eu.dpaledger.platform.http.HttpProblem;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Marks overdue corrective action plans and measures (art. 9.2) by itself: audits with something overdue
 * in the audit list get a {@link AuditCommand.Tick}, which decides on the event store's state (once each,
 * idempotent, safe with several instances).
 */
@ApplicationScoped
public class AuditScheduler {

    private static final Logger LOG = Logger.getLogger(AuditScheduler.class);

    @Inject
    CommandExecutor executor;

    @Inject
    AuditBinding binding;

    @Inject
    AuditReadModel readModel;

    @Inject
    Clock clock;

    @Scheduled(every = "${dpa.audit.scheduler.every:60s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return tick().onFailure().invoke(f -> LOG.warnf("scheduler tick failed: %s", f.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    public Uni<Integer> tick() {
        Instant now = clock.instant();
        return readModel.dueAudits(now)
                .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .onItem().transformToUniAndConcatenate(id -> executor.execute(binding,
                                CommandRequest.<Optional<AuditRecord>, AuditCommand>internal(id, AuditBinding.SCHEDULER,
                                        "scheduler-" + UUID.randomUUID(), loaded -> new AuditCommand.Tick(null, now),
                                        loaded -> new CommandRequest.Reply(200, null, Map.of())))
                        .replaceWithVoid()
                        .onFailure(HttpProblem.class).recoverWithUni(f -> Uni.createFrom().voidItem()))
                .collect().asList()
                .map(List::size);
    }
}
