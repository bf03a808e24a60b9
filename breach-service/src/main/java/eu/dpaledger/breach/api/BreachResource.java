package eu.dpaledger.breach.api;

import eu.dpaledger.breach.domain.Annex2;
import eu.dpaledger.breach.domain.breach.BreachCommand;
import eu.dpaledger.breach.domain.breach.BreachRecord;
import eu.dpaledger.breach.infrastructure.BreachBinding;
import eu.dpaledger.breach.infrastructure.BreachReadModel;
import eu.dpaledger.platform.agreements.AgreementDirectory;
import eu.dpaledger.platform.command.CommandHeaders;
import eu.dpaledger.platform.command.CreateHeaders;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.command.StreamCommands;
import eu.dpaledger.platform.eventstore.StoredEvent;
import eu.dpaledger.platform.personaldata.PersonalData;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.PageParams;
import eu.dpaledger.platform.http.Problems;
import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.query.PageRequest;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
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
@SecurityRequirement(name = "bearer")
public class BreachResource {

    private static final Set<String> STATUSES = Set.of("REPORTED", "DOCUMENTED", "AWAITING_NOTIFICATION", "NOTIFIED_IN_PHASES", "NOTIFIED",
            "ATTEMPT_REPORTED", "ATTEMPT_DOCUMENTED");

    /** A report as ESN, processor of the seed agreement, would make it to Opwijk (persons and facts fictitious). */
    static final String REPORT_EXAMPLE = "{\"internalContact\":{\"name\":\"DPO ESN\",\"email\":\"dpo.esn@example.com\",\"phone\":\"+32 000 00 00 02\"},"
            + "\"company\":{\"name\":\"European Service Network\",\"address\":\"Kunstlaan 47, 1000 Brussel\",\"vatNumber\":\"BE0428304785\"},"
            + "\"foundBy\":{\"name\":\"Piet Proef\",\"jobTitle\":\"algemeen directeur\"},"
            + "\"detectedAt\":\"2026-11-27T08:40:00Z\",\"processorAwareAt\":\"2026-11-27T09:15:00Z\","
            + "\"description\":\"Een fout in de Matomo-configuratie van de gemeentelijke website maakte de bezoekersstatistieken met IP-adressen publiek leesbaar\","
            + "\"occurrence\":{\"kind\":\"BETWEEN\",\"from\":\"2026-11-25T18:00:00Z\",\"to\":\"2026-11-27T08:40:00Z\"},"
            + "\"dataClasses\":[\"B\"],\"personsAffected\":{\"kind\":\"UNKNOWN\"},"
            + "\"groupDescription\":\"Bezoekers van de website van Opwijk\",\"circumstances\":[\"A\"],"
            + "\"unintelligible\":{\"answer\":\"NO\"},\"measures\":\"Publieke toegang tot de statistieken afgesloten; logbestanden nagekeken\"}";

    @Inject
    StreamCommands commands;

    @Inject
    eu.dpaledger.platform.evidence.EvidenceBundles bundles;

    @Inject
    PersonalData personalData;

    @Inject
    BreachBinding breaches;

    @Inject
    AgreementDirectory agreements;

    @Inject
    BreachReadModel readModel;

    @POST
    @Path("/agreements/{agreementId}/breaches")
    @Operation(operationId = "reportBreach", summary = "Report a breach, or a serious attempt, on annex 2 (processor; art. 7.3)",
            description = "Only processorAwareAt and description are required: report even with incomplete information. "
                    + "kind is BREACH (the default) or SERIOUS_ATTEMPT: an attempt runs the 24-hour clock but no 72-hour one "
                    + "until the controller assesses it as a breach. "
                    + "The answer records when it was received and whether it came later than 24 hours after awareness. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Reported; Location and ETag set", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreachView.class)))
    @APIResponse(responseCode = "400", description = "field-required, inconsistent-report (naming the field)", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "only-processor-reports", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "agreement-not-in-force (a draft)", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Response> report(@PathParam("agreementId") @Parameter(schema = @Schema(format = "uuid")) String agreementId,
                                @BeanParam CreateHeaders headers,
                                @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
                                        name = "ESN reports to Opwijk (seed agreement, persons fictitious)", value = REPORT_EXAMPLE)))
                                Annex2 body) {
        String id = UUID.randomUUID().toString();
        return commands.create(breaches, id, headers, body, agreements.forParty(commands.caller(), agreementId),
                given -> new BreachCommand.Report(id, given.context(), body, given.actor(), given.at()),
                this::view, "/breaches/" + id);
    }

    @GET
    @Path("/breaches")
    @Operation(operationId = "listBreaches", summary = "The breach register of the caller's organisation (GDPR 33(5)): every breach, "
            + "notified or not, with its clocks; newest received first, a page at a time")
    public Uni<ListPage<BreachReadModel.Entry>> register(
            @Parameter(description = "Only the breaches of this agreement", schema = @Schema(format = "uuid")) @QueryParam("agreement") String agreementId,
            @Parameter(description = "Only breaches in this status", schema = @Schema(enumeration = {"REPORTED", "DOCUMENTED",
                    "AWAITING_NOTIFICATION", "NOTIFIED_IN_PHASES", "NOTIFIED", "ATTEMPT_REPORTED", "ATTEMPT_DOCUMENTED"}))
            @QueryParam("status") String status,
            @Parameter(description = "true: only those whose 72 hours have passed unnotified; false: only the others",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("overdue") String overdue,
            @BeanParam PageParams page) {
        if (status != null && !STATUSES.contains(status)) {
            throw HttpProblem.badRequest("invalid-status", "Invalid status", "status must be one of " + STATUSES);
        }
        if (overdue != null && !overdue.equals("true") && !overdue.equals("false")) {
            throw HttpProblem.badRequest("invalid-overdue", "Invalid overdue", "overdue must be true or false");
        }
        Caller caller = commands.caller();
        return readModel.register(caller.organisation(), caller.hasRole(Caller.CONTROLLER), caller.hasRole(Caller.PROCESSOR),
                agreementId, status, overdue == null ? null : Boolean.valueOf(overdue), commands.now(), page.request());
    }

    @GET
    @Path("/breaches/{id}")
    @Operation(operationId = "getBreach", summary = "One breach: current annex-2 values, each field's history, clocks, assessment (with the ENISA proposal), notifications, open obligations")
    @APIResponse(responseCode = "200", description = "The breach; ETag set", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BreachView.class)))
    public Uni<Response> get(@PathParam("id") String id) {
        return commands.get(breaches, id, this::view);
    }

    @GET
    @Path("/breaches/{id}/evidence-bundle")
    @APIResponse(responseCode = "200", description = "The evidence bundle (Content-Disposition: attachment); its export is recorded as an event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = eu.dpaledger.platform.evidence.EvidenceBundle.class)))
    @Operation(operationId = "exportBreachEvidenceBundle", summary = "The breach's evidence bundle: every event with its hashes, the signed checkpoints covering them and the public keys, to verify offline (docs/EVIDENCE.md)")
    public Uni<Response> evidenceBundle(@PathParam("id") String id) {
        return commands.read(breaches, id).flatMap(loaded -> bundles.download(id, commands.caller()));
    }

    @GET
    @Path("/breaches/{id}/timeline")
    @Operation(operationId = "getBreachTimeline", summary = "Every event of the breach, oldest first, a page at a time: what, who (subject, organisation, roles) and when")
    public Uni<ListPage<TimelineEntry>> timeline(@PathParam("id") String id, @BeanParam PageParams page) {
        PageRequest request = page.request();
        return commands.read(breaches, id).flatMap(loaded -> personalData.revealer(loaded.events().stream().map(StoredEvent::payload).toList())
                .map(revealer -> request.slice(loaded.events().stream().map(e -> TimelineEntry.of(e, revealer.reveal(e.payload()))).toList(),
                        entry -> List.of(entry.version()), Map.of())));
    }

    @GET
    @Path("/breaches/{id}/form")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getBreachForm", summary = "Annex 2 as a document: the current values with the form's labels in Dutch and English, data classes and circumstances mapped to W3C DPV terms",
            description = "With Accept: text/html, a printable page a DPO can attach to a notification.")
    public Uni<Annex2Form.Document> formJson(@PathParam("id") String id) {
        return form(id).map(f -> Annex2Form.json(f.header(), f.report()));
    }

    @GET
    @Path("/breaches/{id}/form")
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "getBreachForm", summary = "Annex 2 as a printable HTML page")
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
    @Operation(operationId = "supplementBreach", summary = "Add or correct annex-2 fields (processor; GDPR 33(4)); only the fields sent change",
            description = "processorAwareAt may be corrected to an instant at or before the report's receipt (inconsistent-report "
                    + "otherwise); the lateness measured on receipt stays in clocks.reportLateByOnReceipt. The kind cannot change.")
    @APIResponse(responseCode = "200", description = "Recorded; the breach as it is now, ETag set", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreachView.class)))
    public Uni<Response> supplement(@PathParam("id") String id, @BeanParam CommandHeaders headers, Annex2 body) {
        return commands.act(breaches, id, headers, body,
                given -> new BreachCommand.Supplement(body, given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/breaches/{id}/attempt-assessment")
    @Operation(operationId = "assessSeriousAttempt", summary = "Assess a reported serious attempt: a breach after all (the 72 hours run from controllerAwareAt, default now) or an attempt only (controller; art. 7.3)")
    @APIResponse(responseCode = "409", description = "not-a-serious-attempt", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "Recorded; the breach as it is now, ETag set", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreachView.class)))
    public Uni<Response> assessAttempt(@PathParam("id") String id, @BeanParam CommandHeaders headers,
                                       Requests.AttemptAssessmentRequest body) {
        return commands.act(breaches, id, headers, body, given -> new BreachCommand.AssessAttempt(body.breach(),
                body.controllerAwareAt(), body.justification(), given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/breaches/{id}/controller-awareness")
    @Operation(operationId = "setControllerAwareness", summary = "Set when the controller became aware, other than on receipt, with a justification (controller)")
    @APIResponse(responseCode = "200", description = "Recorded; the breach as it is now, ETag set", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreachView.class)))
    public Uni<Response> awareness(@PathParam("id") String id, @BeanParam CommandHeaders headers,
                                   Requests.AwarenessRequest body) {
        return commands.act(breaches, id, headers, body, given -> new BreachCommand.SetControllerAwareness(
                body.controllerAwareAt(), body.justification(), given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/breaches/{id}/assessment")
    @Operation(operationId = "assessBreach", summary = "The controller's risk assessment: UNLIKELY, RISK or HIGH_RISK with its justification")
    @APIResponse(responseCode = "200", description = "Recorded; the breach as it is now, ETag set", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreachView.class)))
    public Uni<Response> assess(@PathParam("id") String id, @BeanParam CommandHeaders headers,
                                Requests.AssessmentRequest body) {
        return commands.act(breaches, id, headers, body,
                given -> new BreachCommand.Assess(body.risk(), body.justification(), given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/breaches/{id}/authority-notification")
    @Operation(operationId = "notifyAuthority", summary = "Record the notification to the supervisory authority (controller only; art. 7.3, GDPR 33)",
            description = "authority defaults to the agreement's (GBA or VTC); phase INITIAL, PHASED or FINAL; delayReasons are required after the 72 hours.")
    @APIResponse(responseCode = "403", description = "only-controller-assesses-and-notifies (art. 7.3)", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "Recorded; the breach as it is now, ETag set", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreachView.class)))
    public Uni<Response> notifyAuthority(@PathParam("id") String id, @BeanParam CommandHeaders headers,
                                         Requests.NotificationRequest body) {
        return commands.act(breaches, id, headers, body, given -> new BreachCommand.NotifyAuthority(body.authority(),
                body.notifiedAt(), body.reference(), body.phase(), body.delayReasons(), given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/breaches/{id}/data-subject-communication")
    @Operation(operationId = "communicateToDataSubjects", summary = "Record the communication to the data subjects (at, channel) or a GDPR 34(3) exemption with its reason (controller only)",
            description = "UNINTELLIGIBLE needs annex 2 to say the data were unintelligible (YES); RISK_NO_LONGER_LIKELY needs the measures "
                    + "(measures, or annex 2's); DISPROPORTIONATE_EFFORT needs the public communication made instead (at, channel). "
                    + "After an exemption a communication is still accepted (GDPR 34(4)).")
    @APIResponse(responseCode = "400", description = "exemption-conditions-not-met (naming the field)", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "Recorded; the breach as it is now, ETag set", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BreachView.class)))
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
}
