package eu.dpaledger.platform.ops;

import eu.dpaledger.platform.projection.ProjectionHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * What an operator of a service watches, as Prometheus series on {@code /q/metrics} (every name and the alert rules on
 * them: deploy/README.md "Metrics and alerts"). Counters are counted where things happen (the projection runner, the
 * outbox relay, the schedulers' commands, the webhook dispatcher, every problem answered); the gauges that describe what
 * waits (the outbox backlog and its oldest row, open dead letters, webhook deliveries not yet made, the projections' lag
 * behind their topics) are read every {@code dpa.metrics.refresh-every} (10 s) from the service's database and, for the
 * lag, from the broker (the consumer group's committed offsets against the topics' end offsets).
 */
@ApplicationScoped
@Startup
public class OperationsMetrics {

    private static final Logger LOG = Logger.getLogger(OperationsMetrics.class);
    /** Dead letters of a record no projection could read are counted under this projection name. */
    public static final String UNREADABLE = "(unreadable)";

    private static volatile OperationsMetrics current;

    @Inject
    MeterRegistry registry;

    @Inject
    Pool pool;

    @Inject
    @Any
    Instance<ProjectionHandler> handlers;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "mp.messaging.incoming.dpa-projections.group.id")
    Optional<String> groupId;

    /** The values the gauges show, as last read (NaN until the first read succeeds). */
    private final Map<String, Double> values = new ConcurrentHashMap<>();
    /** Per topic: when the runner last consumed a batch holding it, and how old that batch's newest record was. */
    private final Map<String, Instant> consumedAt = new ConcurrentHashMap<>();
    private final Map<String, Double> consumedBehind = new ConcurrentHashMap<>();
    /** Per topic: records the consumer group has not committed yet (from the broker). */
    private final Map<String, Long> topicLag = new ConcurrentHashMap<>();
    private final Instant started = Instant.now();
    private final AtomicReference<Admin> admin = new AtomicReference<>();
    private volatile boolean webhookTables;

    @PostConstruct
    void register() {
        gauge("dpa.outbox.backlog.rows", Tags.empty(), "Outbox rows not yet published (events committed, not yet on their topic)");
        gauge("dpa.outbox.oldest.seconds", Tags.empty(), "Age of the oldest outbox row, 0 when the outbox is empty");
        gauge("dpa.webhooks.pending", Tags.empty(), "Webhook deliveries not yet made (pending, including those waiting to retry)");
        gauge("dpa.webhooks.oldest.undelivered.seconds", Tags.empty(), "Age of the oldest pending webhook delivery, 0 when none");
        gauge("dpa.webhooks.subscriptions.failing", Tags.empty(), "Active webhook subscriptions whose deliveries are failing");
        gauge("dpa.dead.letters.open", Tags.of("projection", UNREADABLE), "Dead letters not yet replayed or discarded");
        for (String outcome : List.of("delivered", "retry", "failed")) {
            registry.counter("dpa.webhooks.attempts", "outcome", outcome); // 0 until the first attempt: rate() sees a start
        }
        for (ProjectionHandler handler : handlers) {
            Tags tags = Tags.of("projection", handler.name());
            gauge("dpa.dead.letters.open", tags, "Dead letters not yet replayed or discarded");
            Gauge.builder("dpa.projection.lag.events", () -> lagEvents(handler)).tags(tags).strongReference(true)
                    .description("Records on the projection's topics its consumer has not yet committed as applied")
                    .register(registry);
            Gauge.builder("dpa.projection.lag.seconds", () -> lagSeconds(handler)).tags(tags).strongReference(true)
                    .description("How far the projection is behind its topics in time: 0 when it has consumed all; else the "
                            + "longer of the time since its consumer last took a batch and that batch's newest record's age")
                    .register(registry);
            applied(handler.name(), 0);
            deadLettered(handler.name(), 0);
        }
        current = this;
    }

    private void gauge(String name, Tags tags, String description) {
        String key = key(name, tags);
        values.putIfAbsent(key, Double.NaN);
        Gauge.builder(name, () -> values.getOrDefault(key, Double.NaN)).tags(tags).strongReference(true)
                .description(description).register(registry);
    }

    private static String key(String name, Tags tags) {
        return name + tags.stream().map(t -> "," + t.getKey() + "=" + t.getValue()).collect(Collectors.joining());
    }

    void onStop(@Observes ShutdownEvent event) {
        Admin a = admin.getAndSet(null);
        if (a != null) {
            a.close(Duration.ofSeconds(2));
        }
    }

    // ---- counted where it happens ------------------------------------------------------------------------------

    /** Events a projection applied (committed; a redelivered event it had applied already is not counted). */
    public void applied(String projection, int events) {
        counter("dpa.projection.applied", "Events applied to the projection", "projection", projection).increment(events);
    }

    /** Records set aside as dead letters for a projection ({@link #UNREADABLE} when none could read them). */
    public void deadLettered(String projection, int records) {
        counter("dpa.projection.dead.lettered", "Records the projection could not apply, set aside as dead letters",
                "projection", projection == null ? UNREADABLE : projection).increment(records);
    }

    /** A batch the runner consumed and committed: per topic, the newest record's publication time. */
    public void consumed(Map<String, Instant> newestPerTopic) {
        Instant now = Instant.now();
        newestPerTopic.forEach((topic, newest) -> {
            consumedAt.put(topic, now);
            consumedBehind.put(topic, newest == null ? 0.0 : Math.max(0, Duration.between(newest, now).toMillis() / 1000.0));
        });
    }

    /** A scheduler pass over the streams due (one per {@code CommandExecutor.runEach}). */
    public void schedulerPass(String scheduler) {
        counter("dpa.scheduler.passes", "Passes of a scheduler over the streams whose clock is due", "scheduler", scheduler).increment();
    }

    /** A command a scheduler issued, by outcome: {@code appended} (events recorded), {@code unchanged}, {@code skipped}. */
    public void schedulerCommand(String scheduler, String outcome) {
        registry.counter("dpa.scheduler.commands", "scheduler", scheduler, "outcome", outcome).increment();
    }

    /** A webhook delivery attempt, by outcome: {@code delivered}, {@code retry} (failed, tried again later), {@code failed} (given up). */
    public void webhookAttempt(String outcome) {
        registry.counter("dpa.webhooks.attempts", "outcome", outcome).increment();
    }

    /** A problem answered (any 4xx or 5xx), by its type's slug and status. */
    public static void problem(int status, String type) {
        OperationsMetrics metrics = current;
        if (metrics != null) {
            metrics.registry.counter("dpa.problems", "type", type, "status", Integer.toString(status)).increment();
        }
    }

    private Counter counter(String name, String description, String tag, String value) {
        return Counter.builder(name).description(description).tag(tag, value).register(registry);
    }

    // ---- read every few seconds --------------------------------------------------------------------------------

    @Scheduled(every = "${dpa.metrics.refresh-every:10s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRefresh() {
        return refresh().onFailure().invoke(f -> LOG.debugf("operations metrics not refreshed: %s", f.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Reads the gauges' values again (tests call it to see them at once). */
    public Uni<Void> refresh() {
        return pool.query("SELECT to_regclass('webhook_deliveries') IS NOT NULL AS webhooks").execute()
                .flatMap(rows -> {
                    webhookTables = rows.iterator().next().getBoolean("webhooks");
                    return pool.query("SELECT (SELECT count(*) FROM outbox) AS outbox_rows, "
                            + "(SELECT coalesce(extract(epoch FROM clock_timestamp() - min(created_at)), 0) FROM outbox) AS outbox_oldest"
                            + (webhookTables ? ", (SELECT count(*) FROM webhook_deliveries WHERE status = 'PENDING') AS webhooks_pending, "
                            + "(SELECT coalesce(extract(epoch FROM clock_timestamp() - min(requested_at)), 0) FROM webhook_deliveries "
                            + "WHERE status = 'PENDING') AS webhooks_oldest, "
                            + "(SELECT count(*) FROM webhook_subscriptions WHERE failing_since IS NOT NULL AND deleted_at IS NULL "
                            + "AND disabled_at IS NULL) AS webhooks_failing" : "")).execute();
                })
                .invoke(rows -> {
                    Row r = rows.iterator().next();
                    values.put("dpa.outbox.backlog.rows", r.getLong("outbox_rows").doubleValue());
                    values.put("dpa.outbox.oldest.seconds", r.getNumeric("outbox_oldest").doubleValue());
                    if (webhookTables) {
                        values.put("dpa.webhooks.pending", r.getLong("webhooks_pending").doubleValue());
                        values.put("dpa.webhooks.oldest.undelivered.seconds", r.getNumeric("webhooks_oldest").doubleValue());
                        values.put("dpa.webhooks.subscriptions.failing", r.getLong("webhooks_failing").doubleValue());
                    }
                })
                .flatMap(x -> pool.query("SELECT coalesce(projection, '" + UNREADABLE + "') AS projection, count(*) AS n "
                        + "FROM dead_letters WHERE status = 'OPEN' GROUP BY 1").execute())
                .invoke(rows -> {
                    Map<String, Double> open = new HashMap<>();
                    rows.forEach(r -> open.put(r.getString("projection"), r.getLong("n").doubleValue()));
                    values.keySet().stream().filter(k -> k.startsWith("dpa.dead.letters.open,")).toList().forEach(k ->
                            values.put(k, open.getOrDefault(k.substring(k.indexOf("projection=") + "projection=".length()), 0.0)));
                })
                .flatMap(x -> Uni.createFrom().item(this::readLag).runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool()))
                .replaceWithVoid();
    }

    /** Per topic the service consumes: end offsets minus the consumer group's committed offsets, summed over partitions. */
    private Void readLag() {
        Set<String> topics = new TreeSet<>();
        handlers.forEach(h -> topics.addAll(h.topics()));
        if (topics.isEmpty() || groupId.isEmpty()) {
            return null;
        }
        try {
            Admin client = admin.updateAndGet(a -> a != null ? a : Admin.create(adminProperties()));
            Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(groupId.get())
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<String, Long> lag = new HashMap<>();
            Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
            for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<TopicDescription>> topic
                    : client.describeTopics(topics).topicNameValues().entrySet()) {
                try {
                    TopicDescription d = topic.getValue().get(5, TimeUnit.SECONDS);
                    d.partitions().forEach(p -> wanted.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                }
                lag.put(topic.getKey(), 0L); // a topic not created yet holds nothing to consume
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = client.listOffsets(wanted).all().get(5, TimeUnit.SECONDS);
            ends.forEach((partition, end) -> {
                OffsetAndMetadata at = committed.get(partition);
                long behind = Math.max(0, end.offset() - (at == null ? 0 : at.offset()));
                lag.merge(partition.topic(), behind, Long::sum);
            });
            topicLag.putAll(lag);
        } catch (Exception e) {
            // The broker away: the lag is unknown (NaN), not 0.
            topicLag.clear();
            LOG.debugf("projection lag not read: %s", e.getMessage());
        }
        return null;
    }

    private Properties adminProperties() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, groupId.orElse("dpa") + "-metrics");
        return props;
    }

    private double lagEvents(ProjectionHandler handler) {
        double sum = 0;
        for (String topic : handler.topics()) {
            Long lag = topicLag.get(topic);
            if (lag == null) {
                return Double.NaN;
            }
            sum += lag;
        }
        return sum;
    }

    private double lagSeconds(ProjectionHandler handler) {
        double worst = 0;
        Instant now = Instant.now();
        for (String topic : handler.topics()) {
            Long lag = topicLag.get(topic);
            if (lag == null) {
                return Double.NaN;
            }
            if (lag > 0) {
                Instant last = consumedAt.getOrDefault(topic, started);
                double idle = Duration.between(last, now).toMillis() / 1000.0;
                worst = Math.max(worst, Math.max(idle, consumedBehind.getOrDefault(topic, 0.0)));
            }
        }
        return worst;
    }
}
