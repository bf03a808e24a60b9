package eu.dpaledger.agreement.api;

import eu.dpaledger.agreement.application.AgreementLookups;
import eu.dpaledger.agreement.domain.datasubjectrequest.DataSubjectRequest;
import eu.dpaledger.agreement.domain.disclosure.DisclosureRequest;
import eu.dpaledger.agreement.domain.instruction.Instruction;
import eu.dpaledger.agreement.infrastructure.AssistanceBindings;
import eu.dpaledger.agreement.infrastructure.AssistanceReadModel;
import eu.dpaledger.agreement.api.AssistanceViews.DataSubjectRequestView;
import eu.dpaledger.agreement.api.AssistanceViews.DisclosureRequestView;
import eu.dpaledger.agreement.api.AssistanceViews.InstructionView;
import eu.dpaledger.platform.command.CommandHeaders;
import eu.dpaledger.platform.command.CreateHeaders;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.command.StreamCommands;
import eu.dpaledger.platform.http.PageParams;
import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.query.PageRequest;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Written instructions (art. 2.2, 2.3), authority disclosure requests (art. 2.2) and data subject
 * requests (art. 7.2). Created under an agreement ({@code AgreementResource}); acted on and read here.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"controller", "processor"})
@Tag(name = "Instructions and requests")
@SecurityRequirement(name = "bearer")
public class AssistanceResource {

    private static final String AGREEMENT = "Only the items of this agreement (its id)";
    private static final String OPEN = "true: only open items; false: only closed ones";

    /** Request bodies. */
    @Schema(description = "A written instruction; on an amendment, the new text and the reason for it",
            example = "{\"text\":\"Keep the Matomo statistics of the municipal website no longer than 13 months\",\"effectiveFrom\":\"2026-03-01\"}")
    record InstructionRequest(String text, LocalDate effectiveFrom, String reason) {
    }

    record ReasoningRequest(String reasoning) {
    }

    record ReasonRequest(String reason) {
    }

    @Schema(description = "An authority's binding disclosure request as the processor received it; gagLegalBasis when the law "
            + "forbids informing the controller",
            example = "{\"authority\":\"Federale gerechtelijke politie\",\"receivedAt\":\"2026-03-02T09:00:00Z\",\"legalBasis\":"
                    + "\"Art. 46quater Sv.\",\"scope\":\"Matomo access logs of the Opwijk website, 1 March 2026\",\"dueAt\":\"2026-03-09T09:00:00Z\"}")
    record DisclosureRequestBody(String authority, Instant receivedAt, String legalBasis, String scope, Instant dueAt,
                                 String gagLegalBasis) {
    }

    record DisclosedRequest(Instant disclosedAt, String disclosed) {
    }

    @Schema(description = "A data subject request under a pseudonymous reference (never the person's identity)",
            example = "{\"type\":\"ERASURE\",\"receivedAt\":\"2026-03-02T09:00:00Z\",\"reference\":\"OPW-DSR-2026-001\"}")
    record SubjectRequestBody(DataSubjectRequest.Type type, Instant receivedAt, String reference) {
    }

    record DecisionRequest(Boolean approved, String instructions) {
    }

    record ExtensionRequest(String reasons) {
    }

    record ActionRequest(String description) {
    }

    @Inject
    StreamCommands commands;

    @Inject
    AgreementLookups lookups;

    @Inject
    AssistanceBindings.Instructions instructions;

    @Inject
    AssistanceBindings.Disclosures disclosures;

    @Inject
    AssistanceBindings.SubjectRequests subjectRequests;

    @Inject
    AssistanceReadModel readModel;

    @ConfigProperty(name = "dpa.data-subject-requests.forward-within", defaultValue = "PT24H")
    Duration forwardWithin;

    // ------------------------------------------------------------------ creation (called from AgreementResource)

    Uni<Response> issueInstruction(String agreementId, CreateHeaders headers, InstructionRequest body) {
        String id = UUID.randomUUID().toString();
        return commands.create(instructions, id, headers, body, lookups.forParty(commands.caller(), agreementId),
                given -> new Instruction.Issue(id, given.context(), body.text(), body.effectiveFrom(), given.actor(), given.at()),
                this::instructionView, "/instructions/" + id);
    }

    Uni<Response> registerDisclosure(String agreementId, CreateHeaders headers, DisclosureRequestBody body) {
        String id = UUID.randomUUID().toString();
        return commands.create(disclosures, id, headers, body, lookups.forParty(commands.caller(), agreementId),
                given -> new DisclosureRequest.Register(id, given.context(), body.authority(), body.receivedAt(), body.legalBasis(),
                        body.scope(), body.dueAt(), body.gagLegalBasis(), given.actor(), given.at()),
                this::disclosureView, "/disclosure-requests/" + id);
    }

    Uni<Response> registerSubjectRequest(String agreementId, CreateHeaders headers, SubjectRequestBody body) {
        String id = UUID.randomUUID().toString();
        return commands.create(subjectRequests, id, headers, body, lookups.forParty(commands.caller(), agreementId),
                given -> new DataSubjectRequest.Register(id, given.context(), body.type(), body.receivedAt(), body.reference(),
                        forwardWithin, given.actor(), given.at()),
                this::subjectView, "/data-subject-requests/" + id);
    }

    // ------------------------------------------------------------------ instructions

    @GET
    @Path("/instructions")
    @Operation(operationId = "listInstructions", summary = "Instructions of the caller's organisation; basis INSTRUCTION once acknowledged (or confirmed over a flag)")
    public Uni<ListPage<AssistanceReadModel.AssistanceItem>> instructionList(@Parameter(description = AGREEMENT) @QueryParam("agreement") String agreement,
                                                                   @Parameter(description = OPEN, schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("open") String open,
                                                                   @BeanParam PageParams paging) {
        return list("INSTRUCTION", agreement, open, null, paging);
    }

    @APIResponse(responseCode = "200", description = "The instruction",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstructionView.class)))
    @GET
    @Path("/instructions/{id}")
    @Operation(operationId = "getInstruction", summary = "One instruction")
    public Uni<Response> instruction(@PathParam("id") String id) {
        return commands.get(instructions, id, this::instructionView);
    }

    @APIResponse(responseCode = "200", description = "The acknowledged instruction",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstructionView.class)))
    @POST
    @Path("/instructions/{id}/acknowledgement")
    @Operation(operationId = "acknowledgeInstruction", summary = "Acknowledge the instruction (processor)")
    public Uni<Response> acknowledge(@PathParam("id") String id, @BeanParam CommandHeaders headers) {
        return commands.act(instructions, id, headers, Optional.empty(),
                given -> new Instruction.Acknowledge(given.actor(), given.at()), this::instructionView);
    }

    @APIResponse(responseCode = "200", description = "The flagged instruction",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstructionView.class)))
    @POST
    @Path("/instructions/{id}/flag")
    @Operation(operationId = "flagInstruction", summary = "Flag the instruction as infringing the GDPR, with reasoning (processor; GDPR 28(3))")
    public Uni<Response> flag(@PathParam("id") String id, @BeanParam CommandHeaders headers, ReasoningRequest body) {
        return commands.act(instructions, id, headers, body,
                given -> new Instruction.Flag(body.reasoning(), given.actor(), given.at()), this::instructionView);
    }

    @APIResponse(responseCode = "200", description = "The confirmed instruction",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstructionView.class)))
    @POST
    @Path("/instructions/{id}/confirmation")
    @Operation(operationId = "confirmInstruction", summary = "Confirm a flagged instruction (controller), with reasoning")
    public Uni<Response> confirm(@PathParam("id") String id, @BeanParam CommandHeaders headers, ReasoningRequest body) {
        return commands.act(instructions, id, headers, body,
                given -> new Instruction.Confirm(body.reasoning(), given.actor(), given.at()), this::instructionView);
    }

    @APIResponse(responseCode = "200", description = "The amended instruction, to be acknowledged again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstructionView.class)))
    @POST
    @Path("/instructions/{id}/amendment")
    @Operation(operationId = "amendInstruction", summary = "Amend a flagged instruction (controller): a new text for the processor to acknowledge")
    public Uni<Response> amend(@PathParam("id") String id, @BeanParam CommandHeaders headers, InstructionRequest body) {
        return commands.act(instructions, id, headers, body, given -> new Instruction.Amend(body.text(), body.effectiveFrom(),
                body.reason(), given.actor(), given.at()), this::instructionView);
    }

    @APIResponse(responseCode = "200", description = "The withdrawn instruction",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstructionView.class)))
    @POST
    @Path("/instructions/{id}/withdrawal")
    @Operation(operationId = "withdrawInstruction", summary = "Withdraw the instruction (controller)")
    public Uni<Response> withdraw(@PathParam("id") String id, @BeanParam CommandHeaders headers, ReasonRequest body) {
        return commands.act(instructions, id, headers, body,
                given -> new Instruction.Withdraw(body.reason(), given.actor(), given.at()), this::instructionView);
    }

    // ------------------------------------------------------------------ disclosure requests

    @GET
    @Path("/disclosure-requests")
    @Operation(operationId = "listDisclosureRequests", summary = "Authority disclosure requests: the processor sees all; the controller those it was informed of")
    public Uni<ListPage<AssistanceReadModel.AssistanceItem>> disclosureList(@Parameter(description = AGREEMENT) @QueryParam("agreement") String agreement,
                                                                  @Parameter(description = OPEN, schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("open") String open,
                                                                  @BeanParam PageParams paging) {
        return list("DISCLOSURE_REQUEST", agreement, open, null, paging);
    }

    @APIResponse(responseCode = "200", description = "The disclosure request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisclosureRequestView.class)))
    @GET
    @Path("/disclosure-requests/{id}")
    @Operation(operationId = "getDisclosureRequest", summary = "One disclosure request, with the time left before disclosure; 404 to the controller while gagged")
    public Uni<Response> disclosure(@PathParam("id") String id) {
        return commands.get(disclosures, id, this::disclosureView);
    }

    @APIResponse(responseCode = "200", description = "The disclosure request, now visible to the controller",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisclosureRequestView.class)))
    @POST
    @Path("/disclosure-requests/{id}/gag-lifting")
    @Operation(operationId = "liftDisclosureGag", summary = "The law no longer forbids informing the controller (processor): the controller sees the request from now")
    public Uni<Response> liftGag(@PathParam("id") String id, @BeanParam CommandHeaders headers, ReasonRequest body) {
        return commands.act(disclosures, id, headers, body,
                given -> new DisclosureRequest.LiftGag(body.reason(), given.actor(), given.at()), this::disclosureView);
    }

    @APIResponse(responseCode = "200", description = "The disclosure request, disclosed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisclosureRequestView.class)))
    @POST
    @Path("/disclosure-requests/{id}/disclosure")
    @Operation(operationId = "recordDisclosure", summary = "Record the disclosure to the authority (processor)")
    public Uni<Response> disclose(@PathParam("id") String id, @BeanParam CommandHeaders headers, DisclosedRequest body) {
        return commands.act(disclosures, id, headers, body, given -> new DisclosureRequest.RecordDisclosure(body.disclosedAt(),
                body.disclosed(), given.actor(), given.at()), this::disclosureView);
    }

    // ------------------------------------------------------------------ data subject requests

    @GET
    @Path("/data-subject-requests")
    @Operation(operationId = "listDataSubjectRequests", summary = "Data subject requests; overdue = not forwarded within dpa.data-subject-requests.forward-within")
    public Uni<ListPage<AssistanceReadModel.AssistanceItem>> subjectList(@Parameter(description = AGREEMENT) @QueryParam("agreement") String agreement,
                                                               @Parameter(description = OPEN, schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("open") String open,
                                                               @Parameter(description = "true: only requests not forwarded in time; false: only the others",
                                                                       schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("overdue") String overdue,
                                                               @BeanParam PageParams paging) {
        return list("DATA_SUBJECT_REQUEST", agreement, open, overdue, paging);
    }

    @APIResponse(responseCode = "200", description = "The data subject request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataSubjectRequestView.class)))
    @GET
    @Path("/data-subject-requests/{id}")
    @Operation(operationId = "getDataSubjectRequest", summary = "One data subject request, with its deadlines")
    public Uni<Response> subject(@PathParam("id") String id) {
        return commands.get(subjectRequests, id, this::subjectView);
    }

    @APIResponse(responseCode = "200", description = "The forwarded request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataSubjectRequestView.class)))
    @POST
    @Path("/data-subject-requests/{id}/forwarding")
    @Operation(operationId = "forwardDataSubjectRequest", summary = "Forward the request to the controller (processor; without delay, art. 7.2)")
    public Uni<Response> forward(@PathParam("id") String id, @BeanParam CommandHeaders headers) {
        return commands.act(subjectRequests, id, headers, Optional.empty(),
                given -> new DataSubjectRequest.Forward(given.actor(), given.at()), this::subjectView);
    }

    @APIResponse(responseCode = "200", description = "The decided request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataSubjectRequestView.class)))
    @POST
    @Path("/data-subject-requests/{id}/decision")
    @Operation(operationId = "decideDataSubjectRequest", summary = "Approve or reject, with written instructions (controller)")
    public Uni<Response> decide(@PathParam("id") String id, @BeanParam CommandHeaders headers, DecisionRequest body) {
        return commands.act(subjectRequests, id, headers, body, given -> new DataSubjectRequest.Decide(body.approved(),
                body.instructions(), given.actor(), given.at()), this::subjectView);
    }

    @APIResponse(responseCode = "200", description = "The request with its new answer deadline",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataSubjectRequestView.class)))
    @POST
    @Path("/data-subject-requests/{id}/deadline-extension")
    @Operation(operationId = "extendDataSubjectRequestDeadline", summary = "Extend the controller's answer deadline to three months from receipt, with reasons (controller; GDPR 12(3), once, within the first month)")
    public Uni<Response> extend(@PathParam("id") String id, @BeanParam CommandHeaders headers, ExtensionRequest body) {
        return commands.act(subjectRequests, id, headers, body,
                given -> new DataSubjectRequest.ExtendDeadline(body.reasons(), given.actor(), given.at()), this::subjectView);
    }

    @APIResponse(responseCode = "200", description = "The request, acted on",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DataSubjectRequestView.class)))
    @POST
    @Path("/data-subject-requests/{id}/action")
    @Operation(operationId = "recordDataSubjectRequestAction", summary = "Record the action taken (processor; only after the controller's approval)")
    public Uni<Response> actOn(@PathParam("id") String id, @BeanParam CommandHeaders headers, ActionRequest body) {
        return commands.act(subjectRequests, id, headers, body,
                given -> new DataSubjectRequest.Act(body.description(), given.actor(), given.at()), this::subjectView);
    }

    // ------------------------------------------------------------------ shared

    private Uni<ListPage<AssistanceReadModel.AssistanceItem>> list(String kind, String agreement, String open, String overdue, PageParams paging) {
        Caller caller = commands.caller();
        PageRequest page = paging.request();
        return readModel.list(kind, caller.organisation(), caller.hasRole(Caller.CONTROLLER), caller.hasRole(Caller.PROCESSOR), agreement,
                RequestSupport.booleanParam(open, "open"), RequestSupport.booleanParam(overdue, "overdue"), commands.now(), page);
    }

    private InstructionView instructionView(Loaded<Optional<Instruction.Record>> loaded) {
        return InstructionView.of(loaded);
    }

    private DisclosureRequestView disclosureView(Loaded<Optional<DisclosureRequest.Record>> loaded) {
        return DisclosureRequestView.of(loaded, commands.now());
    }

    private DataSubjectRequestView subjectView(Loaded<Optional<DataSubjectRequest.Record>> loaded) {
        return DataSubjectRequestView.of(loaded, commands.now());
    }
}
