package eu.dpaledger.subprocessor.application;

import eu.dpaledger.platform.command.CommandExecutor;
import eu.dpaledger.platform.command.CommandRequest;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.subprocessor.domain.announcement.AnnouncementCommand;
import eu.dpaledger.subprocessor.domain.announcement.AnnouncementRecord;
import eu.dpaledger.subprocessor.domain.change.ChangeCommand;
import eu.dpaledger.subprocessor.infrastructure.AnnouncementBinding;
import eu.dpaledger.subprocessor.infrastructure.ChangeBinding;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Issues the notices of processor-wide announcements (DPA art. 6.1, per agreement): takes a batch of agreements still
 * waiting in {@code announcement_targets} (leased, so several instances share the list), issues each its change notice
 * as an ordinary {@link ChangeCommand.Announce} under that agreement's facts and engaged sub-processors, at the time it
 * is issued (its own objection window), and records the batch's progress as an event on the announcement. Durable and
 * idempotent: the work list was written with the announcement; a notice's id is derived from (announcement, agreement),
 * so issuing it again finds it already there; marking the row done happens in the notice's own transaction
 * ({@link ChangeBinding#alongside}); a refused notice records the problem instead. After a crash the next pass (or
 * another instance, once the lease ends) goes on from whatever is still waiting. Nothing is held in memory but a batch.
 */
@ApplicationScoped
public class AnnouncementFanout {

    private static final Logger LOG = Logger.getLogger(AnnouncementFanout.class);

    /** The service itself recording the fan-out's progress on the announcement. */
    static final Caller FANOUT = Caller.system("subprocessor-service/announcement-fanout");

    @Inject
    Pool pool;

    @Inject
    CommandExecutor executor;

    @Inject
    ChangeBinding changes;

    @Inject
    AnnouncementBinding announcements;

    @Inject
    AgreementContexts contexts;

    @Inject
    Clock clock;

    @ConfigProperty(name = "dpa.subprocessor.announcements.batch", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "dpa.subprocessor.announcements.concurrency", defaultValue = "4")
    int concurrency;

    @ConfigProperty(name = "dpa.subprocessor.announcements.lease", defaultValue = "PT2M")
    Duration lease;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();

    /** A row of the work list, leased to this pass. */
    record Target(String announcementId, int seq, String agreementId) {
    }

    @Scheduled(every = "${dpa.subprocessor.announcements.every:5s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return drain().replaceWithVoid();
    }

    /** Starts a pass now (an announcement just committed) instead of at the next scheduled one. */
    public void trigger() {
        drain().subscribe().with(n -> { }, f -> LOG.warnf("announcement fan-out pass failed: %s", f.getMessage()));
    }

    /**
     * Issues waiting notices a batch at a time until none waits (or only leased ones); the number of agreements handled.
     * One pass at a time per instance: a pass asked for while one runs makes that one look again when it ends.
     */
    public Uni<Integer> drain() {
        if (!running.compareAndSet(false, true)) {
            wanted.set(true);
            return Uni.createFrom().item(0);
        }
        wanted.set(false);
        return batches(0)
                .flatMap(n -> unfinished().map(ignored -> n))
                .onFailure().invoke(f -> LOG.warnf("announcement fan-out stopped: %s (the next pass goes on)", f.getMessage()))
                .onFailure().recoverWithItem(0)
                .eventually(() -> running.set(false))
                .flatMap(n -> wanted.getAndSet(false) ? drain().map(m -> n + m) : Uni.createFrom().item(n));
    }

    private Uni<Integer> batches(int done) {
        return claim().flatMap(batch -> batch.isEmpty() ? Uni.createFrom().item(done)
                : handle(batch).flatMap(ignored -> batches(done + batch.size())));
    }

    /** Leases the next batch of waiting agreements, oldest announcement first, in fan-out order. */
    Uni<List<Target>> claim() {
        return pool.preparedQuery("UPDATE announcement_targets t SET claimed_until = now() + make_interval(secs => $2) FROM ("
                        + "SELECT announcement_id, seq FROM announcement_targets WHERE outcome IS NULL "
                        + "AND (claimed_until IS NULL OR claimed_until < now()) ORDER BY queued_at, announcement_id, seq "
                        + "LIMIT $1 FOR UPDATE SKIP LOCKED) w WHERE t.announcement_id = w.announcement_id AND t.seq = w.seq "
                        + "RETURNING t.announcement_id, t.seq, t.agreement_id")
                .execute(Tuple.of(batchSize, (double) lease.toSeconds()))
                .map(rows -> {
                    List<Target> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Target(r.getString("announcement_id"), r.getInteger("seq"), r.getString("agreement_id")));
                    }
                    out.sort(java.util.Comparator.comparing(Target::announcementId).thenComparingInt(Target::seq));
                    return out;
                });
    }

    /** Issues the batch's notices (a few at a time), then records each announcement's progress. */
    private Uni<Void> handle(List<Target> batch) {
        Set<String> ids = new LinkedHashSet<>();
        batch.forEach(t -> ids.add(t.announcementId()));
        return Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> executor.load(announcements, id).map(l -> Map.entry(id, l)))
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue)
                .flatMap(loaded -> Multi.createFrom().iterable(batch)
                        .onItem().transformToUni(t -> issue(t, loaded.get(t.announcementId()))).merge(Math.max(1, concurrency))
                        .collect().asList())
                .flatMap(ignored -> Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(this::recordProgress)
                        .collect().asList())
                .replaceWithVoid();
    }

    /** The id of the notice an announcement issues to an agreement: the same every time, so issuing it twice finds it there. */
    public static String noticeId(String announcementId, String agreementId) {
        return UUID.nameUUIDFromBytes(("announcement:" + announcementId + ":" + agreementId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Uni<Void> issue(Target target, Loaded<Optional<AnnouncementRecord>> loaded) {
        Optional<AnnouncementRecord> found = loaded == null ? Optional.empty() : loaded.state();
        if (found.isEmpty()) {
            return refuse(target, "not-found", "The announcement does not exist");
        }
        AnnouncementRecord a = found.get();
        String changeId = noticeId(a.announcementId(), target.agreementId());
        // The notice is the announcing processor's, as if it had announced it under this agreement itself.
        Caller announcer = new Caller(a.announcedBy(), a.processorOrg(), Set.of(Actor.PROCESSOR));
        Actor actor = changes.actor(announcer);
        Instant at = clock.instant();
        // Issued before (a pass that stopped before its row was marked, or another instance): counted, not issued again.
        return executor.load(changes, changeId).flatMap(existing -> existing.exists() ? created(target, changeId)
                : contexts.forParty(FANOUT, target.agreementId())
                        .flatMap(context -> executor.execute(changes, new CommandRequest<>(changeId, true, null, null, null, announcer,
                                a.announcementId(),
                                l -> new ChangeCommand.Announce(changeId, context.agreement(), context.engaged(), a.kind(),
                                        a.subprocessor(), a.replaces(), a.intendedFrom(), a.reason(), null, actor, at, a.announcementId()),
                                l -> new CommandRequest.Reply(201, null, Map.of()))))
                        .replaceWithVoid()
                        // The agreement refuses its notice (or is gone): recorded with the problem, nothing issued.
                        .onFailure(DomainRejection.class).recoverWithUni(f -> {
                            DomainRejection r = (DomainRejection) f;
                            return refuse(target, r.rule(), r.detail());
                        }))
                // Anything else (the database went away, another instance issued it this instant) leaves the row waiting:
                // its lease ends and a later pass looks again (and finds the notice, if it was issued).
                .onFailure().invoke(f -> LOG.warnf("notice of announcement %s to agreement %s not issued yet: %s",
                        target.announcementId(), target.agreementId(), f.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> refuse(Target target, String type, String detail) {
        return pool.preparedQuery("UPDATE announcement_targets SET outcome = 'REFUSED', state = 'REFUSED', refusal_type = $3, refusal_detail = $4, "
                        + "claimed_until = NULL WHERE announcement_id = $1 AND seq = $2 AND outcome IS NULL")
                .execute(Tuple.of(target.announcementId(), target.seq(), type, detail))
                .replaceWithVoid();
    }

    private Uni<Void> created(Target target, String changeId) {
        return pool.preparedQuery("UPDATE announcement_targets SET outcome = 'CREATED', state = 'ISSUED', change_id = $3, claimed_until = NULL "
                        + "WHERE announcement_id = $1 AND seq = $2 AND outcome IS NULL")
                .execute(Tuple.of(target.announcementId(), target.seq(), changeId))
                .replaceWithVoid();
    }

    /**
     * Announcements with nothing left waiting whose completion is not recorded yet (their last batch was issued, then the
     * service stopped before recording it): recorded now.
     */
    private Uni<Void> unfinished() {
        return pool.preparedQuery("SELECT a.announcement_id FROM announcements a WHERE a.completed_at IS NULL AND NOT EXISTS ("
                        + "SELECT 1 FROM announcement_targets t WHERE t.announcement_id = a.announcement_id AND t.outcome IS NULL) "
                        // A pass looks at 100 of them; any beyond (only after a crash of many at once) wait for the next pass.
                        + "ORDER BY a.announced_at LIMIT 100")
                .execute()
                .flatMap(rows -> {
                    List<String> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getString("announcement_id")));
                    return Multi.createFrom().iterable(ids).onItem().transformToUniAndConcatenate(this::recordProgress)
                            .collect().asList().replaceWithVoid();
                });
    }

    /** Records on the announcement how far its fan-out got (an event when it moved; the last one completes it). */
    Uni<Void> recordProgress(String announcementId) {
        return pool.preparedQuery("SELECT count(*) FILTER (WHERE outcome = 'CREATED') AS created, "
                        + "count(*) FILTER (WHERE outcome = 'REFUSED') AS refused, count(*) FILTER (WHERE outcome IS NULL) AS remaining "
                        + "FROM announcement_targets WHERE announcement_id = $1")
                .execute(Tuple.of(announcementId))
                .map(rows -> rows.iterator().next())
                .flatMap(r -> executor.execute(announcements, CommandRequest.internal(announcementId, FANOUT,
                        "announcement-fanout-" + UUID.randomUUID(),
                        l -> new AnnouncementCommand.RecordProgress(r.getInteger("created"), r.getInteger("refused"),
                                r.getInteger("remaining"), clock.instant()),
                        l -> new CommandRequest.Reply(200, null, Map.of()))))
                // Another instance recorded at the same moment (a version race): its event says as much, the next batch
                // or pass records again.
                .onFailure().invoke(f -> LOG.debugf("progress of announcement %s not recorded now: %s", announcementId, f.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
