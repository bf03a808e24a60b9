package eu.dpaledger.audit.application;

import eu.dpaledger.audit.domain.assistance.AssistanceRequest;
import eu.dpaledger.audit.domain.audit.AuditCommand;
import eu.dpaledger.audit.domain.evidence.EvidenceItem;
import eu.dpaledger.audit.infrastructure.AssistanceBinding;
import eu.dpaledger.audit.infrastructure.AuditBinding;
import eu.dpaledger.audit.infrastructure.AuditReadModel;
import eu.dpaledger.audit.infrastructure.EvidenceBinding;
import eu.dpaledger.platform.command.CommandExecutor;
import eu.dpaledger.platform.security.Caller;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;

/**
 * Marks overdue corrective action plans and measures (art. 9.2), overdue requests for assistance (art. 7.4) and
 * expired evidence (art. 4, 5, 7.1) by itself: audits and requests with something overdue in the lists get a {@link AuditCommand.Tick} or an
 * {@link AssistanceRequest.Tick}, which decides on the event store's state (once each, idempotent, safe with several
 * instances).
 */
@ApplicationScoped
public class AuditScheduler {

    private static final Logger LOG = Logger.getLogger(AuditScheduler.class);
    /** The service itself, named so that what it decides says who acted. */
    static final Caller SCHEDULER = Caller.system("audit-service/scheduler");

    @Inject
    CommandExecutor executor;

    @Inject
    AuditBinding binding;

    @Inject
    AssistanceBinding assistance;

    @Inject
    EvidenceBinding evidence;

    @Inject
    AuditReadModel readModel;

    @Inject
    Clock clock;

    /** How many days before an item's review or validity date its renewal becomes the processor's obligation. */
    @ConfigProperty(name = "dpa.audit.evidence.expiry-warning-days", defaultValue = "30")
    int evidenceWarningDays;

    @Scheduled(every = "${dpa.audit.scheduler.every:60s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return tick().onFailure().invoke(f -> LOG.warnf("scheduler tick failed: %s", f.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    public Uni<Integer> tick() {
        Instant now = clock.instant();
        return readModel.dueAudits(now).flatMap(ids -> executor.runEach(binding, ids, SCHEDULER,
                        id -> new AuditCommand.Tick(now)))
                .flatMap(audits -> readModel.dueAssistance(now).flatMap(ids -> executor.runEach(assistance, ids, SCHEDULER,
                        id -> new AssistanceRequest.Tick(now))).map(requests -> audits + requests))
                .flatMap(done -> readModel.dueExpiries(now, evidenceWarningDays).flatMap(ids -> executor.runEach(evidence, ids, SCHEDULER,
                        id -> new EvidenceItem.Tick(now, Period.ofDays(evidenceWarningDays)))).map(expired -> done + expired));
    }
}
