package eu.dpaledger.platform.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.http.CorrelationIds;
import eu.dpaledger.platform.projection.TransientFailures;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.net.SocketAddress;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.mutiny.ext.web.codec.BodyCodec;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends persisted webhook deliveries. Each round claims due rows with {@code FOR UPDATE SKIP LOCKED}
 * and a lease (several instances never send the same row at once; a crash mid-delivery only delays it
 * until the lease ends), POSTs them signed (Standard Webhooks) to the address {@link WebhookTargets} checked just
 * before (a private or metadata address gets no traffic), never following redirects, within
 * {@code dpa.webhooks.timeout} for the whole exchange and without keeping the answer's body, and records
 * every attempt. A non-2xx answer, a timeout or a connection error is retried with exponential backoff
 * until {@code dpa.webhooks.max-attempts}, then the delivery is FAILED. Woken by new deliveries, and
 * polls in case a wake-up is missed. A delivery carries the correlation id of the event that caused it
 * ({@code X-Correlation-Id}, the same as the body's CloudEvents extension {@code correlationid}).
 * <p>
 * A subscription whose receiver has failed every attempt for {@code dpa.webhooks.disable-after} (5 days, as Standard
 * Webhooks senders commonly do) is disabled: its pending deliveries are cancelled, no more are queued, and a
 * {@link #SUBSCRIPTION_DISABLED} event goes to the organisation's other subscriptions that match it (and to the
 * service log). A delivered attempt ends the failing period.
 */
@ApplicationScoped
@IfBuildProperty(name = "dpa.webhooks.enabled", stringValue = "true")
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 20;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    WebhookTargets targets;

    @Inject
    WebhookSecrets secrets;

    /** The service's clock (the rotation's overlap is measured on it, as it was set). */
    @Inject
    java.time.Clock clock;

    @ConfigProperty(name = "dpa.webhooks.max-attempts", defaultValue = "8")
    int maxAttempts;

    @ConfigProperty(name = "dpa.webhooks.first-retry-after", defaultValue = "PT5S")
    Duration firstRetryAfter;

    @ConfigProperty(name = "dpa.webhooks.max-retry-after", defaultValue = "PT1H")
    Duration maxRetryAfter;

    @ConfigProperty(name = "dpa.webhooks.timeout", defaultValue = "PT10S")
    Duration timeout;

    @ConfigProperty(name = "dpa.webhooks.max-in-flight", defaultValue = "64")
    int maxInFlight;

    @ConfigProperty(name = "dpa.webhooks.disable-after", defaultValue = "P5D")
    Duration disableAfter;

    @Inject
    WebhookEventCatalog catalog;

    @Inject
    ObjectMapper mapper;

    /** The type of the event that says a subscription was disabled after failing for {@code dpa.webhooks.disable-after}. */
    public static final String SUBSCRIPTION_DISABLED = "eu.dpaledger.webhook.SubscriptionDisabled.v1";

    @Inject
    eu.dpaledger.platform.ops.OperationsMetrics metrics;

    @Inject
    eu.dpaledger.platform.ops.Tracing tracing;

    private WebClient client;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    /** A round left due deliveries for want of a free place: the next send that ends wakes the dispatcher. */
    private final AtomicBoolean starved = new AtomicBoolean();
    private volatile boolean stopped;

    /** One claimed delivery. */
    record Claimed(UUID deliveryId, UUID subscriptionId, String url, List<String> secrets, String payload, int attempts, String correlationId,
                   String traceparent) {
    }

    @PostConstruct
    void init() {
        client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
                .setConnectTimeout((int) timeout.toMillis()).setUserAgent("dpa-ledger-webhooks/1"));
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
    }

    /** New deliveries were queued: send them now rather than at the next poll. */
    public void wake() {
        vertx.runOnContext(this::poll);
    }

    @Scheduled(every = "${dpa.webhooks.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        poll();
    }

    /** Runs rounds until nothing more is due or every place is taken; a wake-up during a round asks for one more. */
    public void poll() {
        if (stopped) {
            return;
        }
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        round().subscribe().with(sent -> {
            running.set(false);
            if (sent == BATCH || again.getAndSet(false)) {
                poll();
            }
        }, failure -> {
            running.set(false);
            LOG.warnf("webhook round failed: %s", failure.getMessage());
        });
    }

    /**
     * Claims a batch and starts sending it without waiting for the answers: each send records its outcome and frees
     * its place when done, so a receiver that answers slowly holds one of {@code dpa.webhooks.max-in-flight} places
     * until its timeout, never a round of everyone else's deliveries. The number of deliveries claimed.
     */
    Uni<Integer> round() {
        int room = Math.min(BATCH, maxInFlight - inFlight.get());
        if (room <= 0) {
            starved.set(true);
            if (inFlight.get() < maxInFlight && starved.getAndSet(false)) {
                wake(); // every send ended meanwhile
            }
            return Uni.createFrom().item(0);
        }
        return pool.preparedQuery("UPDATE webhook_deliveries d SET next_attempt_at = now() + make_interval(secs => $1), claimed_at = now() "
                        + "FROM webhook_subscriptions s WHERE s.subscription_id = d.subscription_id AND d.delivery_id IN ("
                        + "SELECT q.delivery_id FROM webhook_deliveries q JOIN webhook_subscriptions o ON o.subscription_id = q.subscription_id "
                        + "WHERE q.status = 'PENDING' AND q.next_attempt_at <= now() AND o.deleted_at IS NULL "
                        // a disabled subscription gets only what was asked for after it was disabled: a ping, a redelivery
                        + "AND (o.disabled_at IS NULL OR q.requested_at >= o.disabled_at) "
                        + "ORDER BY q.next_attempt_at LIMIT $2 FOR UPDATE OF q SKIP LOCKED) "
                        + "RETURNING d.delivery_id, s.subscription_id, s.url, s.secret, s.secret_key_id, d.payload, d.attempts, "
                        + "d.payload::jsonb ->> 'correlationid' AS correlation_id, d.payload::jsonb ->> 'traceparent' AS traceparent, "
                        + "CASE WHEN s.previous_valid_until > $3 THEN s.previous_secret END AS previous_secret, "
                        + "s.previous_secret_key_id")
                .execute(Tuple.of((double) leaseSeconds(), room, clock.instant().atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    int claimed = 0;
                    for (Row r : rows) {
                        UUID subscription = r.getUUID("subscription_id");
                        List<String> signing = new ArrayList<>();
                        signing.add(secrets.open(new WebhookSecrets.Sealed(r.getString("secret_key_id"), r.getString("secret")), subscription));
                        if (r.getString("previous_secret") != null) { // a rotation's overlap: the previous secret signs too
                            signing.add(secrets.open(new WebhookSecrets.Sealed(r.getString("previous_secret_key_id"),
                                    r.getString("previous_secret")), subscription));
                        }
                        Claimed d = new Claimed(r.getUUID("delivery_id"), subscription, r.getString("url"), signing,
                                r.getString("payload"), r.getInteger("attempts"), r.getString("correlation_id"),
                                r.getString("traceparent"));
                        inFlight.incrementAndGet();
                        claimed++;
                        send(d).subscribe().with(x -> sent(), failure -> {
                            LOG.warnf("webhook delivery %s not recorded: %s", d.deliveryId(), failure.getMessage());
                            sent();
                        });
                    }
                    if (room < BATCH && claimed == room) {
                        starved.set(true); // as many as there were places: more may be due
                    }
                    return claimed;
                });
    }

    /**
     * How long a claimed delivery is left to the instance that claimed it: twice the timeout and some. A crash mid-send
     * delays the delivery this long; a manual redelivery within it would send it twice, so it is refused then.
     */
    long leaseSeconds() {
        return timeout.toSeconds() * 2 + 30;
    }

    /**
     * A send finished: its place is free for the next due delivery, which is looked for now if a round found no place
     * (new deliveries wake the dispatcher themselves, retries come due at the poll): not one claim per send.
     */
    private void sent() {
        inFlight.decrementAndGet();
        if (starved.getAndSet(false)) {
            wake();
        }
    }

    private Uni<Void> send(Claimed d) {
        long started = System.nanoTime();
        // The attempt continues the trace of the command that caused the event; the receiver gets it as traceparent.
        io.opentelemetry.api.trace.Span span = tracing.start("webhook POST", d.traceparent(), io.opentelemetry.api.trace.SpanKind.CLIENT,
                java.util.Map.of("dpa.webhook.delivery_id", d.deliveryId().toString(), "dpa.webhook.subscription_id",
                        d.subscriptionId().toString(), "dpa.webhook.attempt", String.valueOf(d.attempts() + 1)));
        // The host is looked up and checked again (DNS can change since the subscription), and the request goes to
        // the very address checked: a refused address gets no traffic, the attempt fails with the reason.
        return targets.check(d.url())
                .flatMap(target -> post(d, target, eu.dpaledger.platform.ops.Tracing.traceparent(span)))
                .onFailure().recoverWithItem(failure -> new Outcome(null, failure instanceof WebhookTargets.Refused
                        ? "refused: url " + failure.getMessage() : describe(failure)))
                .invoke(outcome -> {
                    if (outcome.statusCode() != null) {
                        span.setAttribute("http.response.status_code", outcome.statusCode());
                    }
                    eu.dpaledger.platform.ops.Tracing.end(List.of(span), outcome.delivered() ? null
                            : new IllegalStateException(outcome.error() != null ? outcome.error() : "HTTP " + outcome.statusCode()));
                })
                .flatMap(outcome -> recordPatiently(d, outcome, (int) ((System.nanoTime() - started) / 1_000_000)));
    }

    /**
     * Records the outcome, retrying a passing failure (the database away) while the lease lasts: the receiver has the
     * delivery already, and an outcome left unrecorded means the same {@code webhook-id} is sent again when the lease
     * ends (reliability/RESULTS.md: 40 deliveries sent twice after a 20 s PostgreSQL outage before this retry, 8 with
     * retries for half the lease). The send took at most the timeout, so {@code timeout + 25 s} of retries end 5 s
     * before the lease ({@link #leaseSeconds()}).
     */
    private Uni<Void> recordPatiently(Claimed d, Outcome outcome, int millis) {
        return Uni.createFrom().deferred(() -> record(d, outcome, millis))
                .onFailure(TransientFailures::isTransient).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).expireIn(timeout.toMillis() + 25_000);
    }

    private Uni<Outcome> post(Claimed d, WebhookTargets.Target target, String traceparent) {
        String webhookId = "msg_" + d.deliveryId();
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest<Void> request = client.requestAbs(HttpMethod.POST,
                        SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()), d.url())
                .as(BodyCodec.none()); // the answer's body is not kept, however large
        if (d.correlationId() != null) {
            request.putHeader(CorrelationIds.HEADER, d.correlationId());
        }
        if (traceparent != null) {
            request.putHeader("traceparent", traceparent);
        }
        return request
                .timeout(timeout.toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("webhook-id", webhookId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", String.join(" ", d.secrets().stream()
                        .map(secret -> WebhookSignature.sign(secret, webhookId, timestamp, d.payload())).toList()))
                .sendBuffer(Buffer.buffer(d.payload()))
                .map(response -> new Outcome(response.statusCode(), null))
                // The client's timeout fires when no data comes for that long; this bounds the whole exchange, so a
                // receiver trickling its answer byte by byte is cut off too.
                .ifNoItem().after(timeout).failWith(() -> new java.util.concurrent.TimeoutException(
                        "no complete answer within " + timeout.toMillis() + " ms"));
    }

    /**
     * A delivered attempt recorded in one statement (most are; a failed one takes the transaction in {@link #record}, which
     * may disable the subscription): the subscription is locked first (the EXISTS is a one-time filter, evaluated before
     * the delivery's row is touched), the delivery is DELIVERED unless it was cancelled meanwhile, the attempt is logged
     * either way, and the subscription's failing period ends.
     */
    private static final String DELIVERED = """
            WITH s AS (SELECT subscription_id, failing_since FROM webhook_subscriptions WHERE subscription_id = $1 FOR UPDATE),
            d AS (UPDATE webhook_deliveries SET attempts = $3, status = 'DELIVERED', delivered_at = now(), claimed_at = NULL
                  WHERE delivery_id = $2 AND status = 'PENDING' AND EXISTS (SELECT 1 FROM s)),
            a AS (INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, status_code, error, duration_ms)
                  SELECT $2, $3, now(), $4, NULL, $5 FROM s ON CONFLICT DO NOTHING)
            UPDATE webhook_subscriptions w SET failing_since = NULL FROM s
            WHERE w.subscription_id = s.subscription_id AND s.failing_since IS NOT NULL""";

    private record Outcome(Integer statusCode, String error) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private Uni<Void> record(Claimed d, Outcome outcome, int millis) {
        int attempt = d.attempts() + 1;
        String error = outcome.delivered() ? null
                : outcome.error() != null ? outcome.error() : "HTTP " + outcome.statusCode() + " (not 2xx)";
        String status = outcome.delivered() ? "DELIVERED" : attempt >= maxAttempts ? "FAILED" : "PENDING";
        double retryAfter = Math.min(maxRetryAfter.toMillis(),
                firstRetryAfter.toMillis() * Math.pow(2, Math.min(attempt - 1, 30))) / 1000.0;
        if (outcome.delivered()) {
            return pool.preparedQuery(DELIVERED).execute(Tuple.of(d.subscriptionId(), d.deliveryId(), attempt, outcome.statusCode(), millis))
                    .invoke(() -> metrics.webhookAttempt("delivered"))
                    .replaceWithVoid();
        }
        // The subscription is locked first, as deleting and disabling do (they then cancel its deliveries): one lock order.
        // A delivery cancelled while its attempt was under way keeps its status; the attempt is logged all the same.
        return pool.withTransaction(tx -> tx.preparedQuery("SELECT 1 FROM webhook_subscriptions WHERE subscription_id = $1 FOR UPDATE")
                        .execute(Tuple.of(d.subscriptionId()))
                        .flatMap(x -> tx.preparedQuery("UPDATE webhook_deliveries SET attempts = $2, status = $3, "
                                + "next_attempt_at = CASE WHEN $3 = 'PENDING' THEN now() + make_interval(secs => $4) ELSE next_attempt_at END, "
                                + "delivered_at = CASE WHEN $3 = 'DELIVERED' THEN now() END, claimed_at = NULL "
                                + "WHERE delivery_id = $1 AND status = 'PENDING'")
                        .execute(Tuple.of(d.deliveryId(), attempt, status, retryAfter)))
                        .flatMap(x -> tx.preparedQuery("INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, "
                                        + "status_code, error, duration_ms) VALUES ($1, $2, now(), $3, $4, $5) ON CONFLICT DO NOTHING")
                                .execute(Tuple.tuple(Arrays.asList(d.deliveryId(), attempt, outcome.statusCode(), error, millis))))
                        .flatMap(x -> outcome.delivered() ? recovered(tx, d.subscriptionId()) : failing(tx, d.subscriptionId(), error)))
                .invoke(() -> metrics.webhookAttempt(outcome.delivered() ? "delivered" : "FAILED".equals(status) ? "failed" : "retry"))
                .replaceWithVoid();
    }

    /** A delivered attempt: the receiver works again, its failing period ends. */
    private Uni<Void> recovered(SqlClient tx, UUID subscription) {
        return tx.preparedQuery("UPDATE webhook_subscriptions SET failing_since = NULL WHERE subscription_id = $1 "
                + "AND failing_since IS NOT NULL").execute(Tuple.of(subscription)).replaceWithVoid();
    }

    /**
     * A failed attempt: the failing period starts now if it had not; when it has lasted {@code dpa.webhooks.disable-after},
     * the subscription is disabled (once: the UPDATE only takes an active one), its pending deliveries are cancelled and
     * the {@link #SUBSCRIPTION_DISABLED} event is queued for the organisation's other active subscriptions that match it.
     */
    private Uni<Void> failing(SqlClient tx, UUID subscription, String error) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        String reason = "every delivery failed for " + describe(disableAfter) + " or more (last: " + error + ")";
        return tx.preparedQuery("UPDATE webhook_subscriptions SET failing_since = coalesce(failing_since, $2) WHERE subscription_id = $1")
                .execute(Tuple.of(subscription, now))
                .flatMap(x -> tx.preparedQuery("UPDATE webhook_subscriptions SET disabled_at = $2, disabled_reason = $3 "
                                + "WHERE subscription_id = $1 AND disabled_at IS NULL AND deleted_at IS NULL AND failing_since <= $4 "
                                + "RETURNING organisation, party_roles, url, failing_since")
                        .execute(Tuple.of(subscription, now, reason, now.minus(disableAfter))))
                .flatMap(disabled -> {
                    if (disabled.rowCount() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    Row row = disabled.iterator().next();
                    LOG.warnf("webhook subscription %s of %s disabled: %s", subscription, row.getString("organisation"), reason);
                    return tx.preparedQuery("UPDATE webhook_deliveries SET status = 'CANCELLED' WHERE subscription_id = $1 "
                                    + "AND status = 'PENDING'").execute(Tuple.of(subscription))
                            .flatMap(y -> announceDisabled(tx, subscription, row, now, reason));
                });
    }

    private Uni<Void> announceDisabled(SqlClient tx, UUID subscription, Row row,
                                       OffsetDateTime now, String reason) {
        UUID event = UUID.randomUUID();
        var ce = mapper.createObjectNode().put("specversion", "1.0").put("id", event.toString())
                .put("source", catalog.source()).put("type", SUBSCRIPTION_DISABLED).put("subject", subscription.toString())
                .put("time", now.toInstant().toString()).put("datacontenttype", "application/json");
        ce.putObject("data").put("subscriptionId", subscription.toString()).put("organisation", row.getString("organisation"))
                .put("url", row.getString("url")).put("failingSince", row.getOffsetDateTime("failing_since").toInstant().toString())
                .put("disabledAt", now.toInstant().toString()).put("reason", reason);
        return tx.preparedQuery("INSERT INTO webhook_deliveries (delivery_id, subscription_id, event_id, event_type, agreement_id, "
                        + "payload, status, next_attempt_at, created_at) SELECT gen_random_uuid(), s.subscription_id, $2, $3, NULL, $4, "
                        + "'PENDING', now(), now() FROM webhook_subscriptions s WHERE s.organisation = $5 AND s.party_roles && $6 "
                        + "AND s.subscription_id <> $1 AND s.deleted_at IS NULL AND s.disabled_at IS NULL AND s.event_types && $7")
                .execute(Tuple.tuple(Arrays.asList(subscription, event, SUBSCRIPTION_DISABLED, ce.toString(), row.getString("organisation"),
                        row.getArrayOfStrings("party_roles"), WebhookPatterns.matching(SUBSCRIPTION_DISABLED).toArray(new String[0]))))
                .replaceWithVoid();
    }

    /** A period as people read it: "5 days", "12 hours", else its ISO form. */
    static String describe(Duration period) {
        if (period.toHours() % 24 == 0 && period.toDays() > 0) {
            return period.toDays() + (period.toDays() == 1 ? " day" : " days");
        }
        return period.toMinutes() % 60 == 0 && period.toHours() > 0 ? period.toHours() + (period.toHours() == 1 ? " hour" : " hours")
                : period.toString();
    }

    private static String describe(Throwable failure) {
        String name = failure.getClass().getSimpleName();
        return failure.getMessage() == null ? name : name + ": " + failure.getMessage();
    }
}
