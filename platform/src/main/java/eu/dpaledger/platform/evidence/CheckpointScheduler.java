package eu.dpaledger.platform.evidence;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Signs the changed stream heads every {@code dpa.evidence.checkpoint.every} (1 hour; docs/EVIDENCE.md "Checkpoints"). */
@ApplicationScoped
public class CheckpointScheduler {

    private static final Logger LOG = Logger.getLogger(CheckpointScheduler.class);

    @Inject
    Checkpoints checkpoints;

    @Scheduled(every = "${dpa.evidence.checkpoint.every:1h}", delayed = "${dpa.evidence.checkpoint.delayed:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return checkpoints.signAll().replaceWithVoid()
                .onFailure().invoke(f -> LOG.warnf(f, "Signing a checkpoint failed; the next run tries again"))
                .onFailure().recoverWithNull();
    }
}
