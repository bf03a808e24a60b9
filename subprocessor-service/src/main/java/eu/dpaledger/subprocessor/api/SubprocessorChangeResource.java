package eu.dpaledger.subprocessor.api;

import eu.dpaledger.platform.command.CommandRequest;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.http.ETags;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.Problems;
import eu.dpaledger.platform.http.RequestSupport;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.platform.security.CallerProvider;
import eu.dpaledger.subprocessor.application.SubprocessorApplication;
import eu.dpaledger.subprocessor.domain.Actor;
import eu.dpaledger.subprocessor.domain.ChangeCommand;
import eu.dpaledger.subprocessor.domain.ChangeState;
import eu.dpaledger.subprocessor.domain.ChangeStatus;
import eu.dpaledger.subprocessor.infrastructure.SubprocessorReadModel;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Sub-processor change notices (art. 6.1, 6.2): the processor announces, the controller may object
 * within the window, either side resolves; every answer shows the change's state and deadlines.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"controller", "processor"})
@Tag(name = "Sub-processor changes")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problems.MEDIA_TYPE))
@APIResponse(responseCode = "404", description = "Unknown, or not visible to the caller's organisation", content = @Content(mediaType = Problems.MEDIA_TYPE))
@SecurityRequirement(name = "bearer")
public class SubprocessorChangeResource {

    @Inject
    SubprocessorApplication application;

    @Inject
    SubprocessorReadModel readModel;

    @Inject
    CallerProvider callers;

    @POST
    @Path("/agreements/{agreementId}/subprocessor-changes")
    @Operation(summary = "Announce a sub-processor change (processor of an ACTIVE agreement; art. 6.1)",
            description = "ADD or REPLACE opens the controller's objection window (the agreement's subprocessorObjectionDays, day rule); "
                    + "intendedFrom must not fall before it ends. REMOVE needs no window. A location outside the EEA needs a transfer mechanism. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Announced; Location and ETag set; the body shows every deadline")
    @APIResponse(responseCode = "400", description = "Missing field, invalid country, transfer-outside-eea-without-mechanism", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "only-processor-announces-changes", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "agreement-not-active, subprocessor-already-engaged", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "intended-before-objection-window-ends, subprocessor-not-engaged", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Response> announce(@PathParam("agreementId") String agreementId,
                                  @HeaderParam("Idempotency-Key") String idempotencyKey,
                                  @HeaderParam("X-Correlation-Id") String correlationId, Requests.ChangeNotice body) {
        RequestSupport.requireBody(body);
        String changeId = UUID.randomUUID().toString();
        return application.announce(callers.current(), agreementId, changeId, announcement(body), null, null, idempotencyKey,
                        RequestSupport.correlationId(correlationId), "/agreements/" + agreementId + "/subprocessor-changes", body,
                        created(changeId))
                .map(r -> r.toResponse());
    }

    @GET
    @Path("/agreements/{agreementId}/subprocessor-changes")
    @Operation(summary = "Changes announced under an agreement, newest first (read model)")
    public Uni<List<SubprocessorReadModel.ChangeRow>> list(@PathParam("agreementId") String agreementId,
                                                          @QueryParam("status") String status) {
        if (status != null && Arrays.stream(ChangeStatus.values()).noneMatch(s -> s.name().equals(status))) {
            throw HttpProblem.badRequest("invalid-status", "Invalid status",
                    "status must be one of " + Arrays.toString(ChangeStatus.values()));
        }
        return application.agreementReadableBy(callers.current(), agreementId)
                .flatMap(a -> readModel.changes(agreementId, status));
    }

    @GET
    @Path("/subprocessor-changes/{id}")
    @Operation(summary = "One change: state, objection, acceptance and every deadline; ETag = stream version")
    public Uni<Response> get(@PathParam("id") String id) {
        return application.load(callers.current(), id).map(loaded -> Response.ok(view(loaded, application.now()))
                .header("ETag", ETags.of(loaded.version())).build());
    }

    @POST
    @Path("/subprocessor-changes/{id}/objection")
    @Operation(summary = "Object to the change (controller, within the window; art. 6.1)",
            description = "The processor receives the objection when it is recorded here; the answer states the termination-right date (3 months, art. 6.2).")
    @APIResponse(responseCode = "200", description = "Objection recorded")
    @APIResponse(responseCode = "403", description = "only-controller-objects", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "objection-window-closed, change-not-objectable, change-already-objected", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Response> object(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                @HeaderParam("Idempotency-Key") String idempotencyKey,
                                @HeaderParam("X-Correlation-Id") String correlationId, Requests.ObjectionRequest body) {
        RequestSupport.requireBody(body);
        return act(id, ifMatch, idempotencyKey, correlationId, "/objection", body,
                (actor, at) -> new ChangeCommand.RaiseObjection(body.grounds(), actor, at));
    }

    @POST
    @Path("/subprocessor-changes/{id}/objection-withdrawal")
    @Operation(summary = "Withdraw the objection (controller): the change is accepted, objection resolved")
    public Uni<Response> withdrawObjection(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                          @HeaderParam("Idempotency-Key") String idempotencyKey,
                                          @HeaderParam("X-Correlation-Id") String correlationId, Requests.ReasonRequest body) {
        RequestSupport.requireBody(body);
        return act(id, ifMatch, idempotencyKey, correlationId, "/objection-withdrawal", body,
                (actor, at) -> new ChangeCommand.WithdrawObjection(body.reason(), actor, at));
    }

    @POST
    @Path("/subprocessor-changes/{id}/withdrawal")
    @Operation(summary = "Withdraw the change (processor)")
    public Uni<Response> withdraw(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                  @HeaderParam("Idempotency-Key") String idempotencyKey,
                                  @HeaderParam("X-Correlation-Id") String correlationId, Requests.ReasonRequest body) {
        RequestSupport.requireBody(body);
        return act(id, ifMatch, idempotencyKey, correlationId, "/withdrawal", body,
                (actor, at) -> new ChangeCommand.WithdrawChange(body.reason(), actor, at));
    }

    @POST
    @Path("/subprocessor-changes/{id}/alternative")
    @Operation(summary = "Propose an alternative (processor): a new change that supersedes this one",
            description = "If-Match is this change's ETag. Both the new change and the supersession are recorded in one transaction; the answer is the new change (201).")
    @APIResponse(responseCode = "201", description = "The alternative change, announced; Location points to it")
    public Uni<Response> alternative(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                     @HeaderParam("Idempotency-Key") String idempotencyKey,
                                     @HeaderParam("X-Correlation-Id") String correlationId, Requests.ChangeNotice body) {
        RequestSupport.requireBody(body);
        ETags.requiredVersion(ifMatch);
        Caller caller = callers.current();
        String changeId = UUID.randomUUID().toString();
        // The superseded change names the agreement: a caller who cannot see it gets 404 here.
        return application.load(caller, id)
                .flatMap(old -> application.announce(caller, SubprocessorApplication.record(old).agreementId(), changeId,
                        announcement(body), id, ifMatch, idempotencyKey, RequestSupport.correlationId(correlationId),
                        "/subprocessor-changes/" + id + "/alternative", body, created(changeId)))
                .map(r -> r.toResponse());
    }

    private Uni<Response> act(String id, String ifMatch, String idempotencyKey, String correlationId, String suffix,
                              Object body, BiFunction<Actor, Instant, ChangeCommand> command) {
        return application.act(callers.current(), id, ifMatch, idempotencyKey, RequestSupport.correlationId(correlationId),
                        "/subprocessor-changes/" + id + suffix, body, command,
                        after -> new CommandRequest.Reply(200, view(after, application.now()), Map.of("ETag", ETags.of(after.version()))))
                .map(r -> r.toResponse());
    }

    private SubprocessorApplication.Replier created(String changeId) {
        return after -> new CommandRequest.Reply(201, view(after, application.now()),
                Map.of("ETag", ETags.of(after.version()), "Location", "/subprocessor-changes/" + changeId));
    }

    private static SubprocessorApplication.Announcement announcement(Requests.ChangeNotice body) {
        return new SubprocessorApplication.Announcement(body.kind(), body.subprocessor(), body.replaces(), body.intendedFrom(),
                body.reason());
    }

    private static ChangeView view(Loaded<ChangeState> loaded, Instant now) {
        return ChangeView.of(SubprocessorApplication.record(loaded), loaded.version(), now);
    }
}
