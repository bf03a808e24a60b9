package eu.dpaledger.platform.personaldata;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Runs the retention of personal data (GDPR art. 5(1)(e)) every {@code dpa.personal-data.retention.every} (1 hour). */
@ApplicationScoped
public class PersonalDataRetentionScheduler {

    private static final Logger LOG = Logger.getLogger(PersonalDataRetentionScheduler.class);

    @Inject
    PersonalDataErasure erasure;

    @Scheduled(every = "${dpa.personal-data.retention.every:1h}", delayed = "${dpa.personal-data.retention.delayed:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    io.smallrye.mutiny.Uni<Void> run() {
        return erasure.runRetention().replaceWithVoid()
                .onFailure().invoke(f -> LOG.warnf(f, "Retention run failed; the next run tries again"))
                .onFailure().recoverWithNull();
    }
}
