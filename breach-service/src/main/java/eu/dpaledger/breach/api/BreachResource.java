package eu.dpaledger.breach.api;

import eu.dpaledger.breach.domain.Annex2;
import eu.dpaledger.breach.domain.breach.BreachCommand;
import eu.dpaledger.breach.domain.breach.BreachRecord;
import eu.dpaledger.breach.infrastructure.BreachBinding;
import eu.dpaledger.breach.infrastructure.BreachReadModel;
import eu.dpaledger.platform.agreements.AgreementDirectory;
import eu.dpaledger.platform.command.CommandHeaders;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.command.StreamCommands;
import eu.dpaledger.platform.eventstore.StoredEvent;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.Problems;
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

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Personal data breaches (art. 7.3, GDPR 33–34): the processor reports on annex 2 and supplements; the
 * controller sets its awareness, assesses, notifies its authority and the data subjects; both see the
 * register, each breach with its clocks, and its timeline.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"controller", "processor"})
@Tag(name = "Breaches")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problems.MEDIA_TYPE))
@APIResponse(responseCode = "404", description = "Unknown, or not visible to the caller's organisation", content = @Content(mediaType = Problems.MEDIA_TYPE))
@SecurityRequirement(name = "bearer")
public class BreachResource {

    private static final Set<String> STATUSES = Set.of("REPORTED", "DOCUMENTED", "AWAITING_NOTIFICATION", "NOTIFIED_IN_PHASES", "NOTIFIED",
            "ATTEMPT_REPORTED", "ATTEMPT_DOCUMENTED");

    @Inject
    StreamCommands commands;

    @Inject
    BreachBinding breaches;

    @Inject
    AgreementDirectory agreements;

    @Inject
    BreachReadModel readModel;

    @POST
    @Path("/agreements/{agreementId}/breaches")
    @Operation(summary = "Report a breach, or a serious attempt, on annex 2 (processor; art. 7.3)",
            description = "Only processorAwareAt and description are required: report even with incomplete information. "
                    + "kind is BREACH (the default) or SERIOUS_ATTEMPT: an attempt runs the 24-hour clock but no 72-hour one "
                    + "until the controller assesses it as a breach. "
                    + "The answer records when it was received and whether it came later than 24 hours after awareness. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Reported; Location and ETag set")
    @APIResponse(responseCode = "400", description = "field-required, inconsistent-report (naming the field)", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "only-processor-reports", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "agreement-not-in-force (a draft)", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Response> report(@PathParam("agreementId") String agreementId, @BeanParam CommandHeaders headers, Annex2 body) {
        String id = UUID.randomUUID().toString();
        return commands.create(breaches, id, headers, body, agreements.forParty(commands.caller(), agreementId),
                given -> new BreachCommand.Report(id, given.context(), body, given.actor(), given.at()),
                this::view, "/breaches/" + id);
    }

    @GET
    @Path("/breaches")
    @Operation(summary = "The breach register of the caller's organisation (GDPR 33(5)): every breach, notified or not, with its clocks")
    public Uni<List<BreachReadModel.Entry>> register(@QueryParam("agreement") String agreementId, @QueryParam("status") String status,
                                                     @QueryParam("overdue") String overdue) {
        if (status != null && !STATUSES.contains(status)) {
            throw HttpProblem.badRequest("invalid-status", "Invalid status", "status must be one of " + STATUSES);
        }
        if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
            throw HttpProblem.badRequest("invalid-overdue", "Invalid overdue", "overdue must be true or false");
        }
        Caller caller = commands.caller();
        return readModel.register(caller.organisation(), caller.hasRole(Caller.CONTROLLER), caller.hasRole(Caller.PROCESSOR),
                agreementId, status, overdue == null ? null : Boolean.valueOf(overdue), commands.now());
    }

    @GET
    @Path("/breaches/{id}")
    @Operation(summary = "One breach: current annex-2 values, each field's history, clocks, assessment (with the ENISA proposal), notifications, open obligations")
    public Uni<Response> get(@PathParam("id") String id) {
        return commands.get(breaches, id, this::view);
    }

    @GET
    @Path("/breaches/{id}/timeline")
    @Operation(summary = "Every event of the breach: what, who (subject, organisation, roles) and when")
    public Uni<List<Map<String, Object>>> timeline(@PathParam("id") String id) {
        return commands.read(breaches, id).map(loaded -> loaded.events().stream().map(BreachResource::entry).toList());
    }

    @GET
    @Path("/breaches/{id}/form")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Annex 2 as a document: the current values with the form's labels in Dutch and English, data classes and circumstances mapped to W3C DPV terms",
            description = "With Accept: text/html, a printable page a DPO can attach to a notification.")
    public Uni<Map<String, Object>> formJson(@PathParam("id") String id) {
        return form(id).map(f -> Annex2Form.json(f.header(), f.report()));
    }

    @GET
    @Path("/breaches/{id}/form")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Annex 2 as a printable HTML page")
    public Uni<String> formHtml(@PathParam("id") String id) {
        return form(id).map(f -> Annex2Form.html(f.header(), f.report()));
    }

    private record Form(Annex2Form.Header header, Annex2 report) {
    }

    private Uni<Form> form(String id) {
        return commands.read(breaches, id).flatMap(loaded -> {
            BreachRecord b = record(loaded);
            Instant assessedAsBreachAt = b.attemptAssessment() != null && b.attemptAssessment().breach()
                    ? b.attemptAssessment().at() : null;
            return readModel.partyNames(b.agreementId()).map(names -> new Form(new Annex2Form.Header(b.breachId(),
                    b.agreementId(), names[0], names[1], b.receivedAt(), b.zone().getId(), assessedAsBreachAt), b.report()));
        });
    }

    @POST
    @Path("/breaches/{id}/supplements")
    @Operation(summary = "Add or correct annex-2 fields (processor; GDPR 33(4)); only the fields sent change",
            description = "processorAwareAt may be corrected to an instant at or before the report's receipt (inconsistent-report "
                    + "otherwise); the lateness measured on receipt stays in clocks.reportLateByOnReceipt. The kind cannot change.")
    public Uni<Response> supplement(@PathParam("id") String id, @BeanParam CommandHeaders headers, Annex2 body) {
        return commands.act(breaches, id, headers, body,
                given -> new BreachCommand.Supplement(body, given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/breaches/{id}/attempt-assessment")
    @Operation(summary = "Assess a reported serious attempt: a breach after all (the 72 hours run from controllerAwareAt, default now) or an attempt only (controller; art. 7.3)")
    @APIResponse(responseCode = "409", description = "not-a-serious-attempt", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Response> assessAttempt(@PathParam("id") String id, @BeanParam CommandHeaders headers,
                                       Requests.AttemptAssessmentRequest body) {
        return commands.act(breaches, id, headers, body, given -> new BreachCommand.AssessAttempt(body.breach(),
                body.controllerAwareAt(), body.justification(), given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/breaches/{id}/controller-awareness")
    @Operation(summary = "Set when the controller became aware, other than on receipt, with a justification (controller)")
    public Uni<Response> awareness(@PathParam("id") String id, @BeanParam CommandHeaders headers,
                                   Requests.AwarenessRequest body) {
        return commands.act(breaches, id, headers, body, given -> new BreachCommand.SetControllerAwareness(
                body.controllerAwareAt(), body.justification(), given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/breaches/{id}/assessment")
    @Operation(summary = "The controller's risk assessment: UNLIKELY, RISK or HIGH_RISK with its justification")
    public Uni<Response> assess(@PathParam("id") String id, @BeanParam CommandHeaders headers,
                                Requests.AssessmentRequest body) {
        return commands.act(breaches, id, headers, body,
                given -> new BreachCommand.Assess(body.risk(), body.justification(), given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/breaches/{id}/authority-notification")
    @Operation(summary = "Record the notification to the supervisory authority (controller only; art. 7.3, GDPR 33)",
            description = "authority defaults to the agreement's (GBA or VTC); phase INITIAL, PHASED or FINAL; delayReasons are required after the 72 hours.")
    @APIResponse(responseCode = "403", description = "only-controller-assesses-and-notifies (art. 7.3)", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Response> notifyAuthority(@PathParam("id") String id, @BeanParam CommandHeaders headers,
                                         Requests.NotificationRequest body) {
        return commands.act(breaches, id, headers, body, given -> new BreachCommand.NotifyAuthority(body.authority(),
                body.notifiedAt(), body.reference(), body.phase(), body.delayReasons(), given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/breaches/{id}/data-subject-communication")
    @Operation(summary = "Record the communication to the data subjects (at, channel) or a GDPR 34(3) exemption with its reason (controller only)",
            description = "UNINTELLIGIBLE needs annex 2 to say the data were unintelligible (YES); RISK_NO_LONGER_LIKELY needs the measures "
                    + "(measures, or annex 2's); DISPROPORTIONATE_EFFORT needs the public communication made instead (at, channel). "
                    + "After an exemption a communication is still accepted (GDPR 34(4)).")
    @APIResponse(responseCode = "400", description = "exemption-conditions-not-met (naming the field)", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Response> communicate(@PathParam("id") String id, @BeanParam CommandHeaders headers,
                                     Requests.CommunicationRequest body) {
        return commands.act(breaches, id, headers, body, given -> new BreachCommand.CommunicateToDataSubjects(body.at(),
                body.channel(), body.exemption(), body.exemptionReason(), body.measures(), given.actor(), given.at()), this::view);
    }

    private BreachView view(Loaded<Optional<BreachRecord>> loaded) {
        return BreachView.of(record(loaded), loaded.version(), commands.now());
    }

    private static BreachRecord record(Loaded<Optional<BreachRecord>> loaded) {
        return loaded.state().orElseThrow(() -> HttpProblem.notFound("The breach"));
    }

    private static Map<String, Object> entry(StoredEvent e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", e.version());
        out.put("type", e.type());
        out.put("at", e.occurredAt());
        out.put("by", Map.of("subject", e.metadata().path("actorSubject").asText(),
                "organisation", e.metadata().path("actorOrganisation").asText(""),
                "roles", e.metadata().path("actorRoles")));
        out.put("event", e.payload());
        out.put("hash", e.hash());
        return out;
    }
}
