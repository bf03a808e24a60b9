package eu.dpaledger.agreement.api;

import eu.dpaledger.agreement.application.AgreementLookups;
import eu.dpaledger.agreement.domain.datasubjectrequest.DataSubjectRequest;
import eu.dpaledger.agreement.domain.disclosure.DisclosureRequest;
import eu.dpaledger.agreement.domain.instruction.Instruction;
import eu.dpaledger.agreement.infrastructure.AssistanceBindings;
import eu.dpaledger.agreement.infrastructure.AssistanceReadModel;
import eu.dpaledger.platform.command.CommandHeaders;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.command.StreamCommands;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problems.MEDIA_TYPE))
@APIResponse(responseCode = "404", description = "Unknown, or not visible to the caller's organisation", content = @Content(mediaType = Problems.MEDIA_TYPE))
@SecurityRequirement(name = "bearer")
public class AssistanceResource {

    /** Request bodies. */
    record InstructionRequest(String text, LocalDate effectiveFrom, String reason) {
    }

    record ReasoningRequest(String reasoning) {
    }

    record ReasonRequest(String reason) {
    }

    record DisclosureRequestBody(String authority, Instant receivedAt, String legalBasis, String scope, Instant dueAt,
                                 String gagLegalBasis) {
    }

    record DisclosedRequest(Instant disclosedAt, String disclosed) {
    }

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

    Uni<Response> issueInstruction(String agreementId, CommandHeaders headers, InstructionRequest body) {
        String id = UUID.randomUUID().toString();
        return commands.create(instructions, id, headers, body, lookups.forParty(commands.caller(), agreementId),
                given -> new Instruction.Issue(id, given.context(), body.text(), body.effectiveFrom(), given.actor(), given.at()),
                this::instructionView, "/instructions/" + id);
    }

    Uni<Response> registerDisclosure(String agreementId, CommandHeaders headers, DisclosureRequestBody body) {
        String id = UUID.randomUUID().toString();
        return commands.create(disclosures, id, headers, body, lookups.forParty(commands.caller(), agreementId),
                given -> new DisclosureRequest.Register(id, given.context(), body.authority(), body.receivedAt(), body.legalBasis(),
                        body.scope(), body.dueAt(), body.gagLegalBasis(), given.actor(), given.at()),
                this::disclosureView, "/disclosure-requests/" + id);
    }

    Uni<Response> registerSubjectRequest(String agreementId, CommandHeaders headers, SubjectRequestBody body) {
        String id = UUID.randomUUID().toString();
        return commands.create(subjectRequests, id, headers, body, lookups.forParty(commands.caller(), agreementId),
                given -> new DataSubjectRequest.Register(id, given.context(), body.type(), body.receivedAt(), body.reference(),
                        forwardWithin, given.actor(), given.at()),
                this::subjectView, "/data-subject-requests/" + id);
    }

    // ------------------------------------------------------------------ instructions

    @GET
    @Path("/instructions")
    @Operation(summary = "Instructions of the caller's organisation; basis INSTRUCTION once acknowledged (or confirmed over a flag)")
    public Uni<List<AssistanceReadModel.Item>> instructionList(@QueryParam("agreement") String agreement, @QueryParam("open") String open) {
        return list("INSTRUCTION", agreement, open, null);
    }

    @GET
    @Path("/instructions/{id}")
    public Uni<Response> instruction(@PathParam("id") String id) {
        return commands.get(instructions, id, this::instructionView);
    }

    @POST
    @Path("/instructions/{id}/acknowledgement")
    @Operation(summary = "Acknowledge the instruction (processor)")
    public Uni<Response> acknowledge(@PathParam("id") String id, @BeanParam CommandHeaders headers) {
        return commands.act(instructions, id, headers, Optional.empty(),
                given -> new Instruction.Acknowledge(given.actor(), given.at()), this::instructionView);
    }

    @POST
    @Path("/instructions/{id}/flag")
    @Operation(summary = "Flag the instruction as infringing the GDPR, with reasoning (processor; GDPR 28(3))")
    public Uni<Response> flag(@PathParam("id") String id, @BeanParam CommandHeaders headers, ReasoningRequest body) {
        return commands.act(instructions, id, headers, body,
                given -> new Instruction.Flag(body.reasoning(), given.actor(), given.at()), this::instructionView);
    }

    @POST
    @Path("/instructions/{id}/confirmation")
    @Operation(summary = "Confirm a flagged instruction (controller), with reasoning")
    public Uni<Response> confirm(@PathParam("id") String id, @BeanParam CommandHeaders headers, ReasoningRequest body) {
        return commands.act(instructions, id, headers, body,
                given -> new Instruction.Confirm(body.reasoning(), given.actor(), given.at()), this::instructionView);
    }

    @POST
    @Path("/instructions/{id}/amendment")
    @Operation(summary = "Amend a flagged instruction (controller): a new text for the processor to acknowledge")
    public Uni<Response> amend(@PathParam("id") String id, @BeanParam CommandHeaders headers, InstructionRequest body) {
        return commands.act(instructions, id, headers, body, given -> new Instruction.Amend(body.text(), body.effectiveFrom(),
                body.reason(), given.actor(), given.at()), this::instructionView);
    }

    @POST
    @Path("/instructions/{id}/withdrawal")
    @Operation(summary = "Withdraw the instruction (controller)")
    public Uni<Response> withdraw(@PathParam("id") String id, @BeanParam CommandHeaders headers, ReasonRequest body) {
        return commands.act(instructions, id, headers, body,
                given -> new Instruction.Withdraw(body.reason(), given.actor(), given.at()), this::instructionView);
    }

    // ------------------------------------------------------------------ disclosure requests

    @GET
    @Path("/disclosure-requests")
    @Operation(summary = "Authority disclosure requests: the processor sees all; the controller those it was informed of")
    public Uni<List<AssistanceReadModel.Item>> disclosureList(@QueryParam("agreement") String agreement, @QueryParam("open") String open) {
        return list("DISCLOSURE_REQUEST", agreement, open, null);
    }

    @GET
    @Path("/disclosure-requests/{id}")
    @Operation(summary = "One disclosure request, with the time left before disclosure; 404 to the controller while gagged")
    public Uni<Response> disclosure(@PathParam("id") String id) {
        return commands.get(disclosures, id, this::disclosureView);
    }

    @POST
    @Path("/disclosure-requests/{id}/gag-lifting")
    @Operation(summary = "The law no longer forbids informing the controller (processor): the controller sees the request from now")
    public Uni<Response> liftGag(@PathParam("id") String id, @BeanParam CommandHeaders headers, ReasonRequest body) {
        return commands.act(disclosures, id, headers, body,
                given -> new DisclosureRequest.LiftGag(body.reason(), given.actor(), given.at()), this::disclosureView);
    }

    @POST
    @Path("/disclosure-requests/{id}/disclosure")
    @Operation(summary = "Record the disclosure to the authority (processor)")
    public Uni<Response> disclose(@PathParam("id") String id, @BeanParam CommandHeaders headers, DisclosedRequest body) {
        return commands.act(disclosures, id, headers, body, given -> new DisclosureRequest.RecordDisclosure(body.disclosedAt(),
                body.disclosed(), given.actor(), given.at()), this::disclosureView);
    }

    // ------------------------------------------------------------------ data subject requests

    @GET
    @Path("/data-subject-requests")
    @Operation(summary = "Data subject requests; overdue = not forwarded within dpa.data-subject-requests.forward-within")
    public Uni<List<AssistanceReadModel.Item>> subjectList(@QueryParam("agreement") String agreement, @QueryParam("open") String open,
                                                           @QueryParam("overdue") String overdue) {
        return list("DATA_SUBJECT_REQUEST", agreement, open, overdue);
    }

    @GET
    @Path("/data-subject-requests/{id}")
    public Uni<Response> subject(@PathParam("id") String id) {
        return commands.get(subjectRequests, id, this::subjectView);
    }

    @POST
    @Path("/data-subject-requests/{id}/forwarding")
    @Operation(summary = "Forward the request to the controller (processor; without delay, art. 7.2)")
    public Uni<Response> forward(@PathParam("id") String id, @BeanParam CommandHeaders headers) {
        return commands.act(subjectRequests, id, headers, Optional.empty(),
                given -> new DataSubjectRequest.Forward(given.actor(), given.at()), this::subjectView);
    }

    @POST
    @Path("/data-subject-requests/{id}/decision")
    @Operation(summary = "Approve or reject, with written instructions (controller)")
    public Uni<Response> decide(@PathParam("id") String id, @BeanParam CommandHeaders headers, DecisionRequest body) {
        return commands.act(subjectRequests, id, headers, body, given -> new DataSubjectRequest.Decide(body.approved(),
                body.instructions(), given.actor(), given.at()), this::subjectView);
    }

    @POST
    @Path("/data-subject-requests/{id}/deadline-extension")
    @Operation(summary = "Extend the controller's answer deadline to three months from receipt, with reasons (controller; GDPR 12(3), once, within the first month)")
    public Uni<Response> extend(@PathParam("id") String id, @BeanParam CommandHeaders headers, ExtensionRequest body) {
        return commands.act(subjectRequests, id, headers, body,
                given -> new DataSubjectRequest.ExtendDeadline(body.reasons(), given.actor(), given.at()), this::subjectView);
    }

    @POST
    @Path("/data-subject-requests/{id}/action")
    @Operation(summary = "Record the action taken (processor; only after the controller's approval)")
    public Uni<Response> actOn(@PathParam("id") String id, @BeanParam CommandHeaders headers, ActionRequest body) {
        return commands.act(subjectRequests, id, headers, body,
                given -> new DataSubjectRequest.Act(body.description(), given.actor(), given.at()), this::subjectView);
    }

    // ------------------------------------------------------------------ shared

    private Uni<List<AssistanceReadModel.Item>> list(String kind, String agreement, String open, String overdue) {
        Caller caller = commands.caller();
        return readModel.list(kind, caller.organisation(), caller.hasRole(Caller.CONTROLLER), caller.hasRole(Caller.PROCESSOR), agreement,
                RequestSupport.booleanParam(open, "open"), RequestSupport.booleanParam(overdue, "overdue"), commands.now());
    }

    private Object instructionView(Loaded<Optional<Instruction.Record>> l) {
        Instruction.Record r = l.state().orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.instructionId());
        out.put("agreementId", r.agreementId());
        out.put("version", l.version());
        out.put("status", r.status());
        out.put("text", r.text());
        out.put("effectiveFrom", r.effectiveFrom());
        out.put("flagReasoning", r.flagReasoning());
        out.put("controllerDecision", r.decision());
        out.put("lawfulBasis", r.lawfulBasis());
        out.put("issuedBy", r.issuedBy());
        out.put("issuedAt", r.issuedAt());
        return out;
    }

    private Object disclosureView(Loaded<Optional<DisclosureRequest.Record>> l) {
        DisclosureRequest.Record r = l.state().orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.requestId());
        out.put("agreementId", r.agreementId());
        out.put("version", l.version());
        out.put("status", r.status());
        out.put("authority", r.authority());
        out.put("receivedAt", r.receivedAt());
        out.put("legalBasis", r.legalBasis());
        out.put("scope", r.scope());
        out.put("dueAt", r.dueAt());
        Duration left = Duration.between(commands.now(), r.dueAt());
        out.put("timeLeftBeforeDisclosure", left.isNegative() ? "PT0S" : left.withNanos(0).toString());
        out.put("gagLegalBasis", r.gagLegalBasis());
        out.put("controllerInformedAt", r.controllerInformedAt());
        out.put("disclosedAt", r.disclosedAt());
        out.put("disclosed", r.disclosed());
        return out;
    }

    private Object subjectView(Loaded<Optional<DataSubjectRequest.Record>> l) {
        DataSubjectRequest.Record r = l.state().orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.requestId());
        out.put("agreementId", r.agreementId());
        out.put("version", l.version());
        out.put("status", r.status());
        out.put("type", r.type());
        out.put("reference", r.reference());
        out.put("receivedAt", r.receivedAt());
        out.put("forwardDueAt", r.forwardDueAt());
        out.put("forwardedAt", r.forwardedAt());
        out.put("forwardingOverdue", r.forwardingOverdue(commands.now()));
        out.put("controllerAnswerDueOn", r.answerDueOn());
        out.put("extensionReasons", r.extensionReasons());
        out.put("approved", r.approved());
        out.put("instructions", r.instructions());
        out.put("actionDescription", r.actionDescription());
        out.put("actedAt", r.actedAt());
        return out;
    }
}
