package eu.dpaledger.audit.api;

import eu.dpaledger.audit.domain.assistance.AssistanceRequest;
import eu.dpaledger.audit.infrastructure.AssistanceBinding;
import eu.dpaledger.audit.infrastructure.AuditReadModel;
import eu.dpaledger.platform.agreements.AgreementDirectory;
import eu.dpaledger.platform.command.CommandHeaders;
import eu.dpaledger.platform.command.CreateHeaders;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.command.StreamCommands;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.PageParams;
import eu.dpaledger.platform.http.RequestSupport;
import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.platform.time.WorkingCalendar;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Requests for assistance (DPA art. 7.4, 7.1): the controller asks for input on a DPIA, a prior consultation, the
 * security of processing or anything else it must meet and prove, by a due date at least
 * {@code dpa.audit.assistance.minimum-working-days} working days away; the processor answers with text, attachment
 * references and the cost basis; the controller follows up or closes.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"controller", "processor"})
@Tag(name = "Assistance requests")
@SecurityRequirement(name = "bearer")
public class AssistanceRequestResource {

    private static final Set<String> STATUSES = Set.of("OPEN", "ANSWERED", "CLOSED");

    @Inject
    StreamCommands commands;

    @Inject
    AssistanceBinding requests;

    @Inject
    AgreementDirectory directory;

    @Inject
    AuditReadModel readModel;

    @ConfigProperty(name = "dpa.audit.assistance.minimum-working-days", defaultValue = "10")
    int minimumWorkingDays;

    @POST
    @Path("/agreements/{agreementId}/assistance-requests")
    @Operation(operationId = "requestAssistance", summary = "Ask the processor for assistance (controller; DPA art. 7.4, 7.1) by a due date",
            description = "kind: DPIA (GDPR art. 35), PRIOR_CONSULTATION (art. 36), SECURITY_OF_PROCESSING (art. 32), OTHER (DPA art. 7.1). "
                    + "The due date is at least dpa.audit.assistance.minimum-working-days (10) working days after today in the agreement's "
                    + "zone (Reg. 1182/71 art. 3(3)); else 400 due-date-too-soon naming the earliest. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Requested; Location and ETag set", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssistanceRequestView.class)))
    public Uni<Response> request(@PathParam("agreementId") @Parameter(schema = @Schema(format = "uuid")) String agreementId,
                                 @BeanParam CreateHeaders headers, Requests.AssistanceRequestBody body) {
        RequestSupport.requireBody(body);
        String id = UUID.randomUUID().toString();
        return commands.create(requests, id, headers, body, directory.forParty(commands.caller(), agreementId),
                given -> new AssistanceRequest.Request(id, given.context(), body.kind(), body.processing(), body.questions(),
                        body.dueDate(), WorkingCalendar.belgium(given.context().zone()), minimumWorkingDays, given.actor(), given.at()),
                this::view, "/assistance-requests/" + id);
    }

    @POST
    @Path("/assistance-requests/{id}/answer")
    @Operation(operationId = "answerAssistanceRequest",
            summary = "Answer (processor): text, attachment references (name + SHA-256) and the cost basis of DPA art. 7.1",
            description = "costBasis: PROCESSOR_RESPONSIBILITY (inherent in the processor's own responsibilities: at its expense) or "
                    + "CHARGEABLE (costReason required). Needs If-Match.")
    @APIResponse(responseCode = "200", description = "Answered; the request as it is now, ETag set", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssistanceRequestView.class)))
    public Uni<Response> answer(@PathParam("id") String id, @BeanParam CommandHeaders headers, Requests.AssistanceAnswerBody body) {
        RequestSupport.requireBody(body);
        return commands.act(requests, id, headers, body, given -> new AssistanceRequest.Answer(body.text(), body.attachments(),
                body.costBasis(), body.costReason(), given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/assistance-requests/{id}/follow-up")
    @Operation(operationId = "followUpAssistanceRequest",
            summary = "Ask a follow-up question after an answer (controller), with a new due date at least the minimum away; needs If-Match")
    @APIResponse(responseCode = "200", description = "Asked; the request is OPEN again, ETag set", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssistanceRequestView.class)))
    public Uni<Response> followUp(@PathParam("id") String id, @BeanParam CommandHeaders headers, Requests.FollowUpBody body) {
        RequestSupport.requireBody(body);
        return commands.act(requests, id, headers, body,
                state -> Uni.createFrom().item(state.map(r -> WorkingCalendar.belgium(r.zone())).orElse(null)),
                given -> new AssistanceRequest.FollowUp(body.question(), body.dueDate(), given.context(), minimumWorkingDays,
                        given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/assistance-requests/{id}/close")
    @Operation(operationId = "closeAssistanceRequest", summary = "Close the request (controller), with an optional note; needs If-Match")
    @APIResponse(responseCode = "200", description = "Closed, ETag set", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssistanceRequestView.class)))
    public Uni<Response> close(@PathParam("id") String id, @BeanParam CommandHeaders headers, Requests.CloseBody body) {
        return commands.act(requests, id, headers, body,
                given -> new AssistanceRequest.Close(body == null ? null : body.note(), given.actor(), given.at()), this::view);
    }

    @GET
    @Path("/assistance-requests")
    @Operation(operationId = "listAssistanceRequests", summary = "Requests for assistance of the caller's organisation, by agreement, "
            + "status, kind, overdue; latest requested first, a page at a time")
    public Uni<ListPage<AuditReadModel.AssistanceLine>> list(
            @Parameter(description = "Only the requests of this agreement", schema = @Schema(format = "uuid")) @QueryParam("agreement") String agreementId,
            @Parameter(schema = @Schema(enumeration = {"OPEN", "ANSWERED", "CLOSED"})) @QueryParam("status") String status,
            @Parameter(schema = @Schema(enumeration = {"DPIA", "PRIOR_CONSULTATION", "SECURITY_OF_PROCESSING", "OTHER"}))
            @QueryParam("kind") String kind,
            @Parameter(description = "true: only open requests past their due date; false: only the others",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("overdue") String overdue,
            @BeanParam PageParams page) {
        if (status != null && !STATUSES.contains(status)) {
            throw HttpProblem.badRequest("invalid-status", "Invalid status", "status must be OPEN, ANSWERED or CLOSED");
        }
        if (kind != null && Arrays.stream(AssistanceRequest.Kind.values()).noneMatch(k -> k.name().equals(kind))) {
            throw HttpProblem.badRequest(AssistanceRequest.INVALID_KIND, "Unknown kind of assistance",
                    "kind must be one of " + Arrays.toString(AssistanceRequest.Kind.values()) + " (DPA art. 7.4, 7.1)");
        }
        Caller caller = commands.caller();
        return readModel.assistance(caller.organisation(), caller.hasRole(Caller.CONTROLLER), caller.hasRole(Caller.PROCESSOR),
                agreementId, status, kind, RequestSupport.booleanParam(overdue, "overdue"), commands.now(), page.request());
    }

    @GET
    @Path("/assistance-requests/{id}")
    @Operation(operationId = "getAssistanceRequest", summary = "One request for assistance with every question and answer; ETag")
    @APIResponse(responseCode = "200", description = "The request; ETag set", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssistanceRequestView.class)))
    public Uni<Response> get(@PathParam("id") String id) {
        return commands.get(requests, id, this::view);
    }

    private AssistanceRequestView view(Loaded<Optional<AssistanceRequest.Record>> loaded) {
        return AssistanceRequestView.of(loaded.state().orElseThrow(), loaded.version(), commands.now());
    }
}
