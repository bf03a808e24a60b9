package eu.dpaledger.audit.api;

import eu.dpaledger.audit.domain.request.InformationRequest;
import eu.dpaledger.audit.infrastructure.AuditReadModel;
import eu.dpaledger.audit.infrastructure.RequestBinding;
import eu.dpaledger.platform.agreements.AgreementDirectory;
import eu.dpaledger.platform.command.CommandHeaders;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.command.StreamCommands;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.Problems;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Information requests (art. 9.2): the controller asks, the processor answers with text and attachment references. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"controller", "processor"})
@Tag(name = "Information requests")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problems.MEDIA_TYPE))
@APIResponse(responseCode = "404", description = "Unknown, or not visible to the caller's organisation", content = @Content(mediaType = Problems.MEDIA_TYPE))
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
    @Operation(summary = "Ask the processor for information (controller; art. 9.2), optionally by a date")
    public Uni<Response> ask(@PathParam("agreementId") String agreementId, @BeanParam CommandHeaders headers,
                             Requests.QuestionRequest body) {
        String id = UUID.randomUUID().toString();
        return commands.create(requests, id, headers, body, directory.forParty(commands.caller(), agreementId),
                given -> new InformationRequest.Ask(id, given.context(), body.question(), body.dueDate(), given.actor(), given.at()),
                this::view, "/information-requests/" + id);
    }

    @POST
    @Path("/information-requests/{id}/answer")
    @Operation(summary = "Answer (processor): text and attachment references (name + SHA-256)")
    public Uni<Response> answer(@PathParam("id") String id, @BeanParam CommandHeaders headers, Requests.AnswerRequest body) {
        return commands.act(requests, id, headers, body,
                given -> new InformationRequest.Answer(body.text(), body.attachments(), given.actor(), given.at()), this::view);
    }

    @GET
    @Path("/information-requests")
    @Operation(summary = "Information requests of the caller's organisation, by agreement, status (OPEN, ANSWERED), overdue")
    public Uni<List<AuditReadModel.RequestLine>> list(@QueryParam("agreement") String agreementId, @QueryParam("status") String status,
                                                      @QueryParam("overdue") String overdue) {
        if (status != null && !Set.of("OPEN", "ANSWERED").contains(status)) {
            throw HttpProblem.badRequest("invalid-status", "Invalid status", "status must be OPEN or ANSWERED");
        }
        Caller caller = commands.caller();
        return readModel.requests(caller.organisation(), caller.hasRole(Caller.CONTROLLER), caller.hasRole(Caller.PROCESSOR),
                agreementId, status, RequestSupport.booleanParam(overdue, "overdue"), commands.now());
    }

    @GET
    @Path("/information-requests/{id}")
    @Operation(summary = "One information request with its answer; ETag")
    public Uni<Response> get(@PathParam("id") String id) {
        return commands.get(requests, id, this::view);
    }

    private Map<String, Object> view(Loaded<Optional<InformationRequest.Record>> loaded) {
        InformationRequest.Record r = loaded.state().orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.requestId());
        out.put("agreementId", r.agreementId());
        out.put("version", loaded.version());
        out.put("status", r.status());
        out.put("question", r.question());
        out.put("dueDate", r.dueDate());
        out.put("overdue", r.overdue(commands.now()));
        out.put("askedBy", r.askedBy());
        out.put("askedAt", r.askedAt());
        out.put("answer", r.answer());
        return out;
    }
}
