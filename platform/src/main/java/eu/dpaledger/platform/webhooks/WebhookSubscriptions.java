package eu.dpaledger.platform.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.query.PageRequest;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhook subscriptions and their delivery log, always scoped to the owning organisation AND the party
 * roles the subscription was made in ({@code controller}, {@code processor}): a subscription made as
 * controller receives the events of the agreements its organisation controls, and only a controller of
 * that organisation sees or changes it (role AND organisation, as every read). One made in both roles (by a caller
 * holding both) is managed only by a caller holding both: its log holds what either role received.
 */
@ApplicationScoped
@IfBuildProperty(name = "dpa.webhooks.enabled", stringValue = "true")
public class WebhookSubscriptions {

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookEventCatalog catalog;

    /**
     * @param partyRoles     the roles it was made in, among {@code controller} and {@code processor}
     * @param eventTypes     event types and patterns ({@link WebhookPatterns})
     * @param disabledAt     when deliveries stopped because the receiver kept failing (null while active)
     * @param disabledReason why, in words
     */
    public record Subscription(UUID id, String organisation, List<String> partyRoles, String createdBy, String url,
                               List<String> eventTypes, Instant createdAt, Instant disabledAt, String disabledReason) {

        public String status() {
            return disabledAt == null ? "ACTIVE" : "DISABLED";
        }
    }

    /** One try at delivering: when, and the receiver's HTTP status or the error. */
    @Schema(name = "WebhookAttempt")
    public record Attempt(@Schema(required = true) int attempt,
                          @Schema(required = true) Instant at,
                          @Schema(nullable = true, description = "The receiver's HTTP status; absent when no answer came") Integer statusCode,
                          @Schema(nullable = true, description = "Why no acceptable answer came") String error,
                          @Schema(required = true) int durationMs) {
    }

    /** One event for one subscription, with every attempt. */
    @Schema(name = "WebhookDelivery")
    public record Delivery(@Schema(required = true, format = "uuid") UUID deliveryId,
                           @Schema(required = true, format = "uuid", description = "The event's id (also the webhook-id header)") UUID eventId,
                           @Schema(required = true, example = "eu.dpaledger.subprocessor.ChangeAnnounced.v1") String eventType,
                           @Schema(required = true, nullable = true, description = "The agreement the event concerns; null for a ping or a processor-wide announcement")
                           String agreementId,
                           @Schema(required = true, enumeration = {"PENDING", "DELIVERED", "FAILED", "CANCELLED"}) String status,
                           @Schema(required = true) int attempts,
                           @Schema(required = true) Instant createdAt,
                           @Schema(nullable = true, description = "While PENDING: when the next attempt is due") Instant nextAttemptAt,
                           @Schema(nullable = true) Instant deliveredAt,
                           @Schema(required = true) List<Attempt> log) {
    }

    /** Stores a new subscription with its signing secret sealed (the secret itself is stored nowhere in clear). */
    public Uni<Subscription> create(String organisation, List<String> partyRoles, String createdBy, String url,
                                    List<String> eventTypes, String secret, Instant now) {
        UUID id = UUID.randomUUID();
        WebhookSecrets.Sealed sealed = secrets.seal(secret, id);
        return pool.preparedQuery("INSERT INTO webhook_subscriptions (subscription_id, organisation, party_roles, created_by, "
                        + "url, event_types, secret, secret_key_id, created_at, events_from) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)")
                .execute(Tuple.tuple(Arrays.asList(id, organisation, partyRoles.toArray(new String[0]), createdBy, url,
                        eventTypes.toArray(new String[0]), sealed.value(), sealed.keyId(), now.atOffset(ZoneOffset.UTC))))
                .replaceWith(new Subscription(id, organisation, List.copyOf(partyRoles), createdBy, url, List.copyOf(eventTypes), now, null, null));
    }

    /**
     * Replaces the signing secret (sealed); the one it replaces keeps signing beside it until {@code until}. A rotation
     * within the overlap of an earlier one keeps that earlier previous secret and its end: the secret receivers last
     * knew for sure stays valid, even if the answer to a rotation was lost and it was repeated. Returns until when the
     * previous secret signs beside the new one.
     */
    public Uni<Instant> rotate(UUID id, String secret, Instant now, Instant until) {
        WebhookSecrets.Sealed sealed = secrets.seal(secret, id);
        return pool.preparedQuery("UPDATE webhook_subscriptions SET "
                        + "previous_secret = CASE WHEN previous_valid_until > $4 THEN previous_secret ELSE secret END, "
                        + "previous_secret_key_id = CASE WHEN previous_valid_until > $4 THEN previous_secret_key_id ELSE secret_key_id END, "
                        + "previous_valid_until = CASE WHEN previous_valid_until > $4 THEN previous_valid_until ELSE $5 END, "
                        + "secret = $2, secret_key_id = $3 WHERE subscription_id = $1 RETURNING previous_valid_until")
                .execute(Tuple.of(id, sealed.value(), sealed.keyId(), now.atOffset(ZoneOffset.UTC), until.atOffset(ZoneOffset.UTC)))
                .map(rows -> instant(rows.iterator().next(), "previous_valid_until"));
    }

    /** What a redelivery request found. */
    public enum Redelivery { QUEUED, IN_FLIGHT, NOT_FOUND }

    /**
     * Sends a delivery of the subscription again, now: one more attempt, whatever its status (a FAILED one that
     * fails again stays FAILED). Same event, same {@code webhook-id}. Not while an attempt is being sent (claimed less
     * than {@code leaseSeconds} ago and not yet recorded): that would send it twice at once.
     */
    public Uni<Redelivery> redeliver(UUID subscriptionId, UUID deliveryId, long leaseSeconds) {
        return pool.preparedQuery("WITH d AS (SELECT delivery_id, claimed_at > now() - make_interval(secs => $3) AS in_flight "
                        + "FROM webhook_deliveries WHERE delivery_id = $1 AND subscription_id = $2), "
                        + "queued AS (UPDATE webhook_deliveries w SET status = 'PENDING', next_attempt_at = now(), delivered_at = NULL, "
                        + "requested_at = now() "
                        + "FROM d WHERE w.delivery_id = d.delivery_id AND d.in_flight IS NOT TRUE RETURNING w.delivery_id) "
                        + "SELECT d.in_flight IS TRUE AS in_flight, (SELECT count(*) FROM queued) AS queued FROM d")
                .execute(Tuple.of(deliveryId, subscriptionId, (double) leaseSeconds))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Redelivery.NOT_FOUND;
                    }
                    return rows.iterator().next().getBoolean("in_flight") ? Redelivery.IN_FLIGHT : Redelivery.QUEUED;
                });
    }

    /** The type of a test delivery: sent on demand, whatever the subscription's event types. */
    public static final String PING = "eu.dpaledger.webhook.Ping.v1";

    /**
     * Queues a test delivery to the subscription: a CloudEvent of type {@link #PING} (data: the subscription, its
     * organisation and the person who asked), signed and logged like every delivery. Its delivery id.
     */
    public Uni<UUID> ping(Subscription subscription, String requestedBy, Instant now) {
        UUID delivery = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        var ce = mapper.createObjectNode().put("specversion", "1.0").put("id", event.toString())
                .put("source", catalog.source()).put("type", PING)
                .put("subject", subscription.id().toString()).put("time", now.toString()).put("datacontenttype", "application/json");
        ce.putObject("data").put("subscriptionId", subscription.id().toString()).put("organisation", subscription.organisation())
                .put("requestedBy", requestedBy).put("at", now.toString());
        return pool.preparedQuery("INSERT INTO webhook_deliveries (delivery_id, subscription_id, event_id, event_type, agreement_id, "
                        + "payload, status, next_attempt_at, created_at, requested_at) VALUES ($1, $2, $3, $4, NULL, $5, 'PENDING', now(), now(), now())")
                .execute(Tuple.of(delivery, subscription.id(), event, PING, ce.toString()))
                .replaceWith(delivery);
    }

    /** The organisation's subscriptions made in one of {@code partyRoles}, oldest first, a page at a time. */
    public Uni<ListPage<Subscription>> list(String organisation, List<String> partyRoles, PageRequest page) {
        OffsetDateTime after = page.isFirst() ? null : page.instant(0).atOffset(ZoneOffset.UTC);
        String afterId = page.text(1);
        return pool.preparedQuery("SELECT * FROM webhook_subscriptions WHERE organisation = $1 AND party_roles <@ $2 "
                        + "AND deleted_at IS NULL AND ($3::timestamptz IS NULL OR (created_at, subscription_id::text) > ($3, $4)) "
                        + "ORDER BY created_at, subscription_id::text LIMIT $5")
                .execute(Tuple.tuple(Arrays.asList(organisation, partyRoles.toArray(new String[0]), after, afterId, page.fetch())))
                .map(rows -> {
                    List<Subscription> out = new ArrayList<>();
                    rows.forEach(r -> out.add(subscription(r)));
                    return page.page(out, s -> List.of(s.createdAt(), s.id()), Map.of());
                });
    }

    /** The subscription if it exists and belongs to the organisation in one of {@code partyRoles}. */
    public Uni<Optional<Subscription>> find(String organisation, List<String> partyRoles, UUID id) {
        return pool.preparedQuery("SELECT * FROM webhook_subscriptions WHERE subscription_id = $1 AND organisation = $2 "
                        + "AND party_roles <@ $3 AND deleted_at IS NULL")
                .execute(Tuple.of(id, organisation, partyRoles.toArray(new String[0])))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(subscription(rows.iterator().next())) : Optional.empty());
    }

    /**
     * Resumes deliveries of a subscription that was disabled (its receiver kept failing): events from now on are queued
     * again; those of the time it was disabled are not, not even by a rebuild of the fan-out ({@code events_from}: the
     * services' APIs answer them). True when it was disabled.
     */
    public Uni<Boolean> enable(UUID id, Instant now) {
        return pool.preparedQuery("UPDATE webhook_subscriptions SET disabled_at = NULL, disabled_reason = NULL, failing_since = NULL, "
                        + "events_from = $2 WHERE subscription_id = $1 AND disabled_at IS NOT NULL")
                .execute(Tuple.of(id, now.atOffset(ZoneOffset.UTC))).map(rows -> rows.rowCount() == 1);
    }

    /** Stops deliveries: pending ones are cancelled, the log stays. True when something was deleted. */
    public Uni<Boolean> delete(String organisation, List<String> partyRoles, UUID id) {
        return pool.withTransaction(tx -> tx.preparedQuery("UPDATE webhook_subscriptions SET deleted_at = now() "
                        + "WHERE subscription_id = $1 AND organisation = $2 AND party_roles <@ $3 AND deleted_at IS NULL")
                .execute(Tuple.of(id, organisation, partyRoles.toArray(new String[0])))
                .flatMap(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(false)
                        : tx.preparedQuery("UPDATE webhook_deliveries SET status = 'CANCELLED' WHERE subscription_id = $1 "
                                + "AND status = 'PENDING'").execute(Tuple.of(id)).replaceWith(true)));
    }

    /** The delivery log, newest first, each with its attempts, a page at a time. */
    public Uni<ListPage<Delivery>> deliveries(UUID subscriptionId, PageRequest page) {
        OffsetDateTime after = page.isFirst() ? null : page.instant(0).atOffset(ZoneOffset.UTC);
        String afterId = page.text(1);
        return pool.preparedQuery("SELECT d.*, coalesce((SELECT json_agg(json_build_object('attempt', a.attempt, "
                        + "'at', a.attempted_at, 'statusCode', a.status_code, 'error', a.error, 'durationMs', a.duration_ms) "
                        + "ORDER BY a.attempt) FROM webhook_attempts a WHERE a.delivery_id = d.delivery_id)::text, '[]') AS log "
                        + "FROM webhook_deliveries d WHERE d.subscription_id = $1 "
                        + "AND ($2::timestamptz IS NULL OR (d.created_at, d.delivery_id::text) < ($2, $3)) "
                        + "ORDER BY d.created_at DESC, d.delivery_id::text DESC LIMIT $4")
                .execute(Tuple.tuple(Arrays.asList(subscriptionId, after, afterId, page.fetch())))
                .map(rows -> {
                    List<Delivery> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Delivery(r.getUUID("delivery_id"), r.getUUID("event_id"), r.getString("event_type"),
                                r.getString("agreement_id"), r.getString("status"), r.getInteger("attempts"),
                                instant(r, "created_at"),
                                "PENDING".equals(r.getString("status")) ? instant(r, "next_attempt_at") : null,
                                instant(r, "delivered_at"), attempts(r.getString("log"))));
                    }
                    return page.page(out, d -> List.of(d.createdAt(), d.deliveryId()), Map.of());
                });
    }

    private List<Attempt> attempts(String json) {
        try {
            var nodes = mapper.readTree(json);
            List<Attempt> out = new ArrayList<>();
            for (var n : nodes) {
                out.add(new Attempt(n.path("attempt").asInt(), OffsetDateTime.parse(n.path("at").asText()).toInstant(),
                        n.path("statusCode").isNull() ? null : n.path("statusCode").asInt(),
                        n.path("error").isNull() ? null : n.path("error").asText(), n.path("durationMs").asInt()));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("delivery log unreadable", e);
        }
    }

    private static Subscription subscription(Row r) {
        return new Subscription(r.getUUID("subscription_id"), r.getString("organisation"),
                Arrays.asList(r.getArrayOfStrings("party_roles")), r.getString("created_by"),
                r.getString("url"), Arrays.asList(r.getArrayOfStrings("event_types")),
                instant(r, "created_at"), instant(r, "disabled_at"), r.getString("disabled_reason"));
    }

    static Instant instant(Row r, String column) {
        OffsetDateTime value = r.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
