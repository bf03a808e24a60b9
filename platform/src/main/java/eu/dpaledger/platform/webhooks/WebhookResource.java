package eu.dpaledger.platform.webhooks;

import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.PageParams;
import eu.dpaledger.platform.http.RequestSupport;
import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.query.PageRequest;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.platform.security.CallerProvider;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Webhook subscriptions for organisations without Kafka access: signed deliveries (Standard Webhooks) of the events of
 * their own agreements that the hosting service offers ({@link WebhookEventCatalog}: every topic's in
 * reporting-service, {@code dpa.subprocessors}' in subprocessor-service), with retries, a delivery log, a ping,
 * redelivery, secret rotation and automatic disabling. A subscription belongs to the organisation in the party roles it
 * was made in: it receives the events of the agreements its organisation is party to in that role, and only a caller of
 * that organisation in that role sees or changes it. Registered only in a service built with
 * {@code dpa.webhooks.enabled=true}.
 */
@Path("/webhook-subscriptions")
@IfBuildProperty(name = "dpa.webhooks.enabled", stringValue = "true")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"controller", "processor"})
@Tag(name = "Webhooks")
@SecurityRequirement(name = "bearer")
public class WebhookResource {

    @Inject
    WebhookSubscriptions subscriptions;

    @Inject
    CallerProvider callers;

    @Inject
    Clock clock;

    @Inject
    WebhookTargets targets;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    WebhookEventCatalog catalog;

    /** More than every type there is: a longer list is a mistake, and '*' or a pattern says it shorter. */
    static final int MAX_EVENT_TYPES = 100;

    @ConfigProperty(name = "dpa.webhooks.rotation-overlap", defaultValue = "PT24H")
    Duration rotationOverlap;

    /** A subscription as its organisation sees it (the secret is shown once, in {@link CreatedSubscription}). */
    @Schema(name = "WebhookSubscription")
    public record SubscriptionView(@Schema(required = true, format = "uuid") UUID id,
                                   @Schema(required = true, format = "uri", example = "https://hooks.opwijk.example/dpa-ledger") String url,
                                   @Schema(required = true) List<String> eventTypes,
                                   @Schema(required = true, pattern = "^[0-9]{10}$", example = "0207511803",
                                           description = "Belgian enterprise number of the owning organisation, 10 digits") String organisation,
                                   @Schema(required = true) String createdBy,
                                   @Schema(required = true) Instant createdAt,
                                   @Schema(required = true, enumeration = {"ACTIVE", "DISABLED"},
                                           description = "DISABLED: every delivery failed for dpa.webhooks.disable-after (5 days); "
                                                   + "POST .../enable resumes it") String status,
                                   @Schema(nullable = true) Instant disabledAt,
                                   @Schema(nullable = true) String disabledReason) {

        static SubscriptionView of(WebhookSubscriptions.Subscription s) {
            return new SubscriptionView(s.id(), s.url(), s.eventTypes(), s.organisation(), s.createdBy(), s.createdAt(),
                    s.status(), s.disabledAt(), s.disabledReason());
        }
    }

    /** A subscribe: where to deliver, and which event types (exact, {@code *}, or a prefix ending in {@code .*}). */
    @Schema(name = "SubscriptionRequest", example = "{\"url\":\"https://hooks.opwijk.example/dpa-ledger\",\"eventTypes\":[\"*\"]}")
    public record SubscriptionRequest(String url, List<String> eventTypes) {
    }

    /** The answer to a subscribe: the subscription and its signing secret, shown only here. */
    @Schema(name = "CreatedWebhookSubscription")
    public record CreatedSubscription(@Schema(required = true, format = "uuid") UUID id,
                                      @Schema(required = true, format = "uri") String url,
                                      @Schema(required = true) List<String> eventTypes,
                                      @Schema(required = true, pattern = "^[0-9]{10}$", example = "0207511803") String organisation,
                                      @Schema(required = true) String createdBy,
                                      @Schema(required = true) Instant createdAt,
                                      @Schema(required = true, pattern = "^whsec_.+$",
                                              description = "The signing secret (Standard Webhooks); not shown again") String secret) {
    }

    @POST
    @Operation(operationId = "subscribeWebhook", summary = "Subscribe a URL to event types of your organisation's agreements",
            description = "Returns the signing secret (whsec_...), shown only in this answer. Deliveries carry webhook-id, "
                    + "webhook-timestamp and webhook-signature (v1, HMAC-SHA256 over id.timestamp.body); redirects are not followed. "
                    + "eventTypes: exact types, '*' or a prefix ending in '.*' (eu.dpaledger.breach.*); only events of agreements your "
                    + "organisation is party to in the role you subscribe in. Ordering keys: the CloudEvent's subject and data.streamVersion. "
                    + "A subscription failing for dpa.webhooks.disable-after (5 days) is disabled; the organisation's other subscriptions "
                    + "matching eu.dpaledger.webhook.SubscriptionDisabled.v1 receive it (data: subscriptionId, organisation, url, "
                    + "failingSince, disabledAt, reason).")
    @APIResponse(responseCode = "201", description = "Subscribed; the body holds the secret",
            headers = @Header(name = "Location", description = "The subscription's path", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedSubscription.class)))
    @APIResponse(responseCode = "400", description = "invalid-webhook-url, invalid-event-types")
    public Uni<Response> subscribe(SubscriptionRequest body) {
        RequestSupport.requireBody(body);
        targets.formProblem(body.url()).ifPresent(problem -> {
            throw invalidUrl(problem);
        });
        Set<String> offered = offeredTypes();
        if (body.eventTypes() == null || body.eventTypes().isEmpty()) {
            throw invalidEventTypes("eventTypes must name at least one event type or pattern", List.of(), offered);
        }
        if (body.eventTypes().size() > MAX_EVENT_TYPES) {
            throw invalidEventTypes("eventTypes may name at most " + MAX_EVENT_TYPES + " types or patterns ('*' names them all)",
                    List.of(Map.of("field", "eventTypes", "message", "at most " + MAX_EVENT_TYPES + " items")), offered);
        }
        List<Map<String, String>> violations = new ArrayList<>();
        for (int i = 0; i < body.eventTypes().size(); i++) {
            int index = i;
            WebhookPatterns.problem(body.eventTypes().get(i), offered).ifPresent(problem ->
                    violations.add(Map.of("field", "eventTypes[" + index + "]", "message", problem)));
        }
        if (!violations.isEmpty()) {
            throw invalidEventTypes("Unknown event types or patterns: " + violations.stream().map(v -> v.get("message")).toList(),
                    violations, offered);
        }
        Caller caller = callers.current();
        String secret = WebhookSignature.newSecret();
        // The host's addresses are checked now, and again before each delivery (DNS can change).
        return targets.check(body.url())
                .onFailure(WebhookTargets.Refused.class).transform(refused -> invalidUrl(refused.getMessage()))
                .flatMap(target -> subscriptions.create(caller.organisation(), partyRoles(caller), caller.subject(),
                        body.url().trim(), List.copyOf(new TreeSet<>(body.eventTypes())), secret, clock.instant()))
                .map(s -> Response.status(201)
                        .entity(new CreatedSubscription(s.id(), s.url(), s.eventTypes(), s.organisation(), s.createdBy(), s.createdAt(), secret))
                        .header("Location", "/webhook-subscriptions/" + s.id()).build());
    }

    /** The types a subscription may name: the service's, and the one the webhooks send themselves. */
    private Set<String> offeredTypes() {
        Set<String> offered = new TreeSet<>(catalog.eventTypes());
        offered.add(WebhookDispatcher.SUBSCRIPTION_DISABLED);
        return offered;
    }

    private static HttpProblem invalidEventTypes(String detail, List<Map<String, String>> violations, Set<String> offered) {
        return new HttpProblem(400, "invalid-event-types", "Invalid event types", detail,
                Map.of("violations", violations, "knownEventTypes", offered,
                        "patterns", "'*' (every type) or a prefix ending in '.*', e.g. 'eu.dpaledger.breach.*'"));
    }

    private static HttpProblem invalidUrl(String problem) {
        return new HttpProblem(400, "invalid-webhook-url", "Invalid webhook URL", "url " + problem,
                Map.of("violations", List.of(Map.of("field", "url", "message", problem))));
    }

    @GET
    @Operation(operationId = "listWebhookSubscriptions",
            summary = "Your organisation's subscriptions, oldest first, a page at a time (secrets are not shown again)")
    public Uni<ListPage<SubscriptionView>> list(@BeanParam PageParams params) {
        PageRequest page = params.request();
        Caller caller = callers.current();
        return subscriptions.list(caller.organisation(), partyRoles(caller), page).map(found -> found.map(SubscriptionView::of));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhookSubscription", summary = "One subscription of your organisation")
    public Uni<SubscriptionView> get(@PathParam("id") String id) {
        return owned(id).map(SubscriptionView::of);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhookSubscription", summary = "Unsubscribe: pending deliveries are cancelled, the log is kept")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    public Uni<Response> delete(@PathParam("id") String id) {
        UUID uuid = uuid(id);
        Caller caller = callers.current();
        return subscriptions.delete(caller.organisation(), partyRoles(caller), uuid).map(deleted -> {
            if (!deleted) {
                throw HttpProblem.notFound("The subscription");
            }
            return Response.noContent().build();
        });
    }

    /** The answer to a rotation: the new signing secret, shown only here, and until when the previous one signs too. */
    @Schema(name = "RotatedWebhookSecret")
    public record RotatedSecret(@Schema(required = true, format = "uuid") UUID id,
                                @Schema(required = true, pattern = "^whsec_.+$",
                                        description = "The new signing secret (Standard Webhooks); not shown again") String secret,
                                @Schema(required = true, description = "Until then each delivery carries two signatures "
                                        + "(space-separated in webhook-signature): with the new secret and with the previous one")
                                Instant previousSecretValidUntil) {
    }

    @POST
    @Path("/{id}/secret")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate the signing secret: a new one, shown once; the previous one signs too during the overlap",
            description = "Deliveries carry both signatures until previousSecretValidUntil (dpa.webhooks.rotation-overlap, 24 h), so the "
                    + "receiver can switch to the new secret without losing one. A rotation during the overlap of an earlier one keeps "
                    + "the earlier previous secret and its end.")
    @APIResponse(responseCode = "200", description = "Rotated; the body holds the new secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RotatedSecret.class)))
    public Uni<RotatedSecret> rotate(@PathParam("id") String id) {
        String secret = WebhookSignature.newSecret();
        Instant now = clock.instant();
        return owned(id).flatMap(s -> subscriptions.rotate(s.id(), secret, now, now.plus(rotationOverlap))
                .map(until -> new RotatedSecret(s.id(), secret, until)));
    }

    @POST
    @Path("/{id}/enable")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(operationId = "enableWebhookSubscription", summary = "Resume a subscription that was disabled because its receiver kept failing",
            description = "Events from now on are delivered again; those of the time it was disabled are not queued (the services' "
                    + "APIs answer them). A ping or a redelivery also works on a disabled subscription, to test the receiver first.")
    @APIResponse(responseCode = "200", description = "Active again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "409", description = "subscription-not-disabled")
    public Uni<SubscriptionView> enable(@PathParam("id") String id) {
        return owned(id).flatMap(s -> subscriptions.enable(s.id(), clock.instant()).flatMap(enabled -> {
            if (!enabled) {
                throw new HttpProblem(409, "subscription-not-disabled", "Subscription not disabled", "The subscription is active");
            }
            return owned(id);
        })).map(SubscriptionView::of);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries",
            summary = "Delivery log, newest first, a page at a time: every delivery with its status and each attempt (time, HTTP status or error, duration)")
    public Uni<ListPage<WebhookSubscriptions.Delivery>> deliveries(@PathParam("id") String id, @BeanParam PageParams params) {
        PageRequest page = params.request();
        return owned(id).flatMap(s -> subscriptions.deliveries(s.id(), page));
    }

    @POST
    @Path("/{id}/ping")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(operationId = "pingWebhookSubscription", summary = "Send a test delivery now: a signed CloudEvent of type eu.dpaledger.webhook.Ping.v1",
            description = "Sent whatever the subscription's event types, signed and retried like every delivery, and logged in its delivery "
                    + "log (agreementId null). Its data: subscriptionId, organisation, requestedBy, at.")
    @APIResponse(responseCode = "202", description = "Queued; follow it in the delivery log",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueuedDelivery.class)))
    public Uni<Response> ping(@PathParam("id") String id) {
        Caller caller = callers.current();
        return owned(id).flatMap(s -> subscriptions.ping(s, caller.subject(), clock.instant())).map(this::queued);
    }

    /** A delivery queued to be sent (again). */
    @Schema(name = "QueuedWebhookDelivery")
    public record QueuedDelivery(@Schema(required = true, format = "uuid") UUID deliveryId,
                                 @Schema(required = true, enumeration = {"PENDING"}) String status) {
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redelivery")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(operationId = "redeliverWebhookDelivery", summary = "Send a delivery again now (the same event and webhook-id), e.g. after a FAILED one",
            description = "One more attempt, whatever the delivery's status: it is PENDING until the attempt is recorded in its log. "
                    + "A FAILED delivery whose manual attempt fails again is FAILED again.")
    @APIResponse(responseCode = "202", description = "Queued; follow it in the delivery log",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = QueuedDelivery.class)))
    @APIResponse(responseCode = "409", description = "delivery-in-flight: an attempt is being sent now")
    public Uni<Response> redeliver(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        UUID delivery = uuid(deliveryId, "The delivery");
        return owned(id).flatMap(s -> subscriptions.redeliver(s.id(), delivery, dispatcher.leaseSeconds())).map(outcome -> switch (outcome) {
            case NOT_FOUND -> throw HttpProblem.notFound("The delivery");
            case IN_FLIGHT -> throw new HttpProblem(409, "delivery-in-flight", "Delivery being sent",
                    "An attempt of this delivery is being sent now; its outcome will be in the delivery log within "
                            + dispatcher.leaseSeconds() + " s. Ask again then.");
            case QUEUED -> queued(delivery);
        });
    }

    /** A delivery row was queued: the dispatcher is woken to send it now; 202 with its id. */
    private Response queued(UUID delivery) {
        dispatcher.wake();
        return Response.accepted(new QueuedDelivery(delivery, "PENDING")).build();
    }

    private Uni<WebhookSubscriptions.Subscription> owned(String id) {
        UUID uuid = uuid(id);
        Caller caller = callers.current();
        return subscriptions.find(caller.organisation(), partyRoles(caller), uuid)
                .map(found -> found.orElseThrow(() -> HttpProblem.notFound("The subscription")));
    }

    /** The party roles the caller acts in: a subscription is its organisation's in these roles only (role AND organisation). */
    private static List<String> partyRoles(Caller caller) {
        return Stream.of(Caller.CONTROLLER, Caller.PROCESSOR).filter(caller::hasRole).toList();
    }

    private static UUID uuid(String id) {
        return uuid(id, "The subscription");
    }

    private static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.notFound(what);
        }
    }

}
