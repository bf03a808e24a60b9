package eu.dpaledger.audit.api;

import eu.dpaledger.audit.domain.request.InformationRequest;
import eu.dpaledger.audit.infrastructure.AuditReadModel;
import eu.dpaledger.audit.infrastructure.RequestBinding;
import eu.dpaledger.platform.agreements.AgreementDirectory;
import eu.dpaledger.platform.command.CommandHeaders;
import eu.dpaledger.platform.command.CreateHeaders;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.command.StreamCommands;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.PageParams;
import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.http.RequestSupport;
import eu.dpaledger.platform.security.Caller;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Information requests (art. 9.2): the controller asks, the processor answers with text and attachment references. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"controller", "processor"})
@Tag(name = "Information requests")
@SecurityRequirement(name = "bearer")
public class InformationRequestResource {

    @Inject
    StreamCommands commands;

    @Inject
    RequestBinding requests;

    @Inject
    AgreementDirectory directory;

    @Inject
    AuditReadModel readModel;

    @POST
    @Path("/agreements/{agreementId}/information-requests")
    @Operation(operationId = "askInformation", summary = "Ask the processor for information (controller; art. 9.2), optionally by a date",
            description = "Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Asked; Location and ETag set", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InformationRequestView.class)))
    public Uni<Response> ask(@PathParam("agreementId") @Parameter(schema = @Schema(format = "uuid")) String agreementId,
                             @BeanParam CreateHeaders headers,
                             Requests.QuestionRequest body) {
        String id = UUID.randomUUID().toString();
        return commands.create(requests, id, headers, body, directory.forParty(commands.caller(), agreementId),
                given -> new InformationRequest.Ask(id, given.context(), body.question(), body.dueDate(), given.actor(), given.at()),
                this::view, "/information-requests/" + id);
    }

    @POST
    @Path("/information-requests/{id}/answer")
    @Operation(operationId = "answerInformationRequest", summary = "Answer (processor): text and attachment references (name + SHA-256)")
    @APIResponse(responseCode = "200", description = "Answered; the request as it is now, ETag set", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InformationRequestView.class)))
    public Uni<Response> answer(@PathParam("id") String id, @BeanParam CommandHeaders headers, Requests.AnswerRequest body) {
        return commands.act(requests, id, headers, body,
                given -> new InformationRequest.Answer(body.text(), body.attachments(), given.actor(), given.at()), this::view);
    }

    @GET
    @Path("/information-requests")
    @Operation(operationId = "listInformationRequests", summary = "Information requests of the caller's organisation, by agreement, "
            + "status (OPEN, ANSWERED), overdue; latest asked first, a page at a time")
    public Uni<ListPage<AuditReadModel.RequestLine>> list(
            @Parameter(description = "Only the requests of this agreement", schema = @Schema(format = "uuid")) @QueryParam("agreement") String agreementId,
            @Parameter(schema = @Schema(enumeration = {"OPEN", "ANSWERED"})) @QueryParam("status") String status,
            @Parameter(description = "true: only open requests past their due date; false: only the others",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("overdue") String overdue,
            @BeanParam PageParams page) {
        if (status != null && !Set.of("OPEN", "ANSWERED").contains(status)) {
            throw HttpProblem.badRequest("invalid-status", "Invalid status", "status must be OPEN or ANSWERED");
        }
        Caller caller = commands.caller();
        return readModel.requests(caller.organisation(), caller.hasRole(Caller.CONTROLLER), caller.hasRole(Caller.PROCESSOR),
                agreementId, status, RequestSupport.booleanParam(overdue, "overdue"), commands.now(), page.request());
    }

    @GET
    @Path("/information-requests/{id}")
    @Operation(operationId = "getInformationRequest", summary = "One information request with its answer; ETag")
    @APIResponse(responseCode = "200", description = "The request; ETag set", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InformationRequestView.class)))
    public Uni<Response> get(@PathParam("id") String id) {
        return commands.get(requests, id, this::view);
    }

    private InformationRequestView view(Loaded<Optional<InformationRequest.Record>> loaded) {
        return InformationRequestView.of(loaded.state().orElseThrow(), loaded.version(), commands.now());
    }
}
