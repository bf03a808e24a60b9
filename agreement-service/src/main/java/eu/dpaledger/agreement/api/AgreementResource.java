package eu.dpaledger.agreement.api;

import eu.dpaledger.agreement.application.AgreementLookups;
import eu.dpaledger.agreement.domain.agreement.AgreementCommand;
import eu.dpaledger.agreement.domain.agreement.AgreementRecord;
import eu.dpaledger.agreement.domain.agreement.AgreementState;
import eu.dpaledger.agreement.domain.content.AgreementContent;
import eu.dpaledger.agreement.domain.content.EnterpriseNumber;
import eu.dpaledger.agreement.infrastructure.AgreementBinding;
import eu.dpaledger.agreement.infrastructure.AgreementReadModel;
import eu.dpaledger.platform.command.CommandHeaders;
import eu.dpaledger.platform.command.CreateHeaders;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.command.StreamCommands;
import eu.dpaledger.platform.eventstore.HashChain;
import eu.dpaledger.platform.eventstore.StoredEvent;
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
import jakarta.ws.rs.PUT;
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
import java.util.UUID;

/**
 * REST surface of the agreement lifecycle (docs/DOMAIN.md, "Drafting, content and signing" and DPA art. 11–12). Reads of one agreement come from
 * its event stream (always current); the list comes from the read model fed through Kafka.
 * Every request acts as a party: role and organisation are checked against the agreement.
 */
@Path("/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"controller", "processor"})
@Tag(name = "Agreements")
@SecurityRequirement(name = "bearer")
public class AgreementResource {

    static final String SEED_EXAMPLE = "{\"controller\":{\"name\":\"Lokaal bestuur Opwijk\",\"enterpriseNumber\":\"BE0207.511.803\",\"address\":\"Ringlaan 20, 1745 Opwijk\",\"representative\":{\"name\":\"Jan Voorbeeld\",\"title\":\"algemeen directeur\",\"email\":\"jan.voorbeeld@example.org\"},\"dpo\":{\"name\":\"Els Fictief\",\"email\":\"dpo.opwijk@example.org\",\"phone\":\"+32 000 00 00 01\"}},\"processor\":{\"name\":\"European Service Network\",\"enterpriseNumber\":\"0428.304.785\",\"address\":\"Kunstlaan 47, 1000 Brussel\",\"representative\":{\"name\":\"Piet Proef\",\"title\":\"algemeen directeur\",\"email\":\"piet.proef@example.com\"},\"dpo\":{\"name\":\"DPO ESN\",\"email\":\"dpo.esn@example.com\",\"phone\":\"+32 000 00 00 02\"}},\"assignment\":{\"description\":\"Opbouw en hosting website + hosting Matomo\",\"contracts\":[\"Overeenkomst website\"]},\"purposes\":[\"Build and host the municipal website\"],\"dataCategories\":[{\"code\":\"3 00\",\"description\":\"Identiteitsgegevens\",\"retention\":\"AS_REQUIRED_BY_LAW\",\"reason\":\"Toegang tot de website\",\"countermeasure\":null}],\"applications\":[{\"name\":\"Matomo\",\"activity\":\"Analytics\",\"storage\":\"Op site Matomo\",\"transfer\":\"Door Paddle gelegd\",\"access\":\"Via wachtwoord\"}],\"securityMeasures\":[{\"group\":\"Fysieke beveiliging\",\"measure\":\"Badge access\",\"applied\":true,\"note\":null}],\"processingLocations\":[\"BE\"],\"subprocessors\":[{\"name\":\"Level 27\",\"headOffice\":\"Hasselt\",\"country\":\"BE\",\"transferMechanism\":null}],\"settings\":{\"supervisoryAuthority\":\"VTC\",\"timeZone\":\"Europe/Brussels\",\"subprocessorObjectionDays\":30,\"destructionConfirmationDays\":30}}";

    @Inject
    StreamCommands commands;

    @Inject
    eu.dpaledger.platform.evidence.EvidenceBundles bundles;

    @Inject
    AgreementBinding agreements;

    @Inject
    AgreementLookups lookups;

    @Inject
    AgreementReadModel readModel;

    @Inject
    AssistanceResource assistance;

    @POST
    @Operation(operationId = "createAgreement", summary = "Draft a new agreement", description = "Either party may draft; the caller's organisation must be one of the two parties, with the matching role. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Draft created; Location and ETag set", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @APIResponse(responseCode = "400", description = "A content rule is broken (e.g. invalid-enterprise-number, dpo-required, transfer-outside-eea-without-mechanism)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "The caller's organisation is not one of the parties (not-a-party-of-draft)",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Response> create(@BeanParam CreateHeaders headers,
                                @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                        examples = @ExampleObject(name = "Opwijk and ESN (seed agreement, persons fictitious)",
                                                value = SEED_EXAMPLE))) AgreementContent content) {
        String id = UUID.randomUUID().toString();
        return commands.create(agreements, id, headers, content,
                given -> new AgreementCommand.CreateDraft(id, content, given.actor(), given.at()), this::view, "/agreements/" + id);
    }

    @GET
    @Operation(operationId = "listAgreements", summary = "Agreements of the caller's organisation (read model), newest first, one page")
    public Uni<ListPage<AgreementReadModel.AgreementSummary>> list(
            @Parameter(description = "Only agreements in this status",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"DRAFT", "ACTIVE", "TERMINATED", "CLOSED"})) @QueryParam("status") String status,
            @Parameter(description = "Only agreements with this party (e.g. the counterparty): " + AgreementSchemas.ENTERPRISE_NUMBER_SPELLINGS,
                    schema = @Schema(type = SchemaType.STRING, pattern = AgreementSchemas.ENTERPRISE_NUMBER_PATTERN), example = "0428.304.785") @QueryParam("party") String party,
            @BeanParam PageParams paging) {
        Caller caller = commands.caller();
        PageRequest page = paging.request();
        if (status != null && !List.of("DRAFT", "ACTIVE", "TERMINATED", "CLOSED").contains(status)) {
            throw HttpProblem.badRequest("invalid-status", "Invalid status", "status must be DRAFT, ACTIVE, TERMINATED or CLOSED");
        }
        String counterparty = party == null ? null : EnterpriseNumber.tryParse(party).map(EnterpriseNumber::value)
                .orElseThrow(() -> HttpProblem.badRequest("invalid-enterprise-number", "Invalid enterprise number",
                        "party: not a valid Belgian enterprise number (mod-97 check)"));
        return readModel.list(caller.organisation(), caller.hasRole(Caller.CONTROLLER), caller.hasRole(Caller.PROCESSOR),
                status, counterparty, page);
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The agreement as its parties see it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @Operation(operationId = "getAgreement", summary = "One agreement: current content, status, signatures, addenda, open exit steps; ETag = stream version")
    public Uni<Response> get(@PathParam("id") String id) {
        return commands.get(agreements, id, this::view);
    }

    @PUT
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The edited draft",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @Operation(operationId = "editAgreement", summary = "Edit the draft's content (voids signatures on other content)")
    public Uni<Response> edit(@PathParam("id") String id, @BeanParam CommandHeaders headers, AgreementContent content) {
        return commands.act(agreements, id, headers, content,
                given -> new AgreementCommand.EditDraft(content, given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/{id}/signatures")
    @APIResponse(responseCode = "409", description = "Not a draft, or already signed by this party", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "Signed; ACTIVE once both parties signed the same content",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @Operation(operationId = "signAgreement", summary = "Sign the draft for the caller's party; both signatures on the same content activate it")
    public Uni<Response> sign(@PathParam("id") String id, @BeanParam CommandHeaders headers, Requests.SignatureRequest body) {
        return commands.act(agreements, id, headers, body,
                given -> new AgreementCommand.Sign(body.signerName(), body.signerTitle(), body.place(), given.actor(), given.at()),
                this::view);
    }

    @POST
    @Path("/{id}/addenda")
    @APIResponse(responseCode = "201", description = "The agreement with the proposed addendum",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @Operation(operationId = "proposeAddendum", summary = "Propose a written addendum to an active agreement (art. 12.3)")
    public Uni<Response> proposeAddendum(@PathParam("id") String id, @BeanParam CommandHeaders headers, Requests.AddendumRequest body) {
        return commands.add(agreements, id, headers, body,
                given -> new AgreementCommand.ProposeAddendum(body.title(), body.reason(), body.changes(), given.actor(), given.at()),
                this::view);
    }

    @POST
    @Path("/{id}/addenda/{n}/signatures")
    @APIResponse(responseCode = "200", description = "The agreement with the addendum signed (in force once both signed)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @Operation(operationId = "signAddendum", summary = "Sign addendum n; when both parties signed it is in force")
    public Uni<Response> signAddendum(@PathParam("id") String id, @PathParam("n") int number, @BeanParam CommandHeaders headers,
                                      Requests.SignatureRequest body) {
        return commands.act(agreements, id, headers, body, given -> new AgreementCommand.SignAddendum(number, body.signerName(),
                body.signerTitle(), body.place(), given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/{id}/addenda/{n}/withdrawal")
    @APIResponse(responseCode = "200", description = "The agreement with the addendum withdrawn",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @Operation(operationId = "withdrawAddendum", summary = "Withdraw a pending addendum")
    public Uni<Response> withdrawAddendum(@PathParam("id") String id, @PathParam("n") int number, @BeanParam CommandHeaders headers,
                                          Requests.AddendumWithdrawalRequest body) {
        return commands.act(agreements, id, headers, body,
                given -> new AgreementCommand.WithdrawAddendum(number, body.reason(), given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/{id}/termination")
    @APIResponse(responseCode = "200", description = "The terminated agreement, with its open exit steps",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @Operation(operationId = "terminateAgreement", summary = "Terminate: ASSIGNMENT_ENDED (either party), PROCESSOR_DEFAULT (controller, with notice reference), SUBPROCESSOR_OBJECTION (controller, once granted)")
    public Uni<Response> terminate(@PathParam("id") String id, @BeanParam CommandHeaders headers, Requests.TerminationRequest body) {
        return commands.act(agreements, id, headers, body, state -> lookups.terminationRight(id, body.ground()),
                given -> new AgreementCommand.Terminate(body.ground(), body.effectiveAt(), body.noticeOfDefaultReference(),
                        given.context(), given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/{id}/data-return")
    @APIResponse(responseCode = "200", description = "The agreement with the data return recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @Operation(operationId = "recordDataReturn", summary = "Processor: all personal data handed over (art. 11.2), once the termination has taken effect")
    public Uni<Response> dataReturn(@PathParam("id") String id, @BeanParam CommandHeaders headers, Requests.DataReturnRequest body) {
        return commands.act(agreements, id, headers, body, given -> new AgreementCommand.RecordDataReturn(body.format(), body.sha256(),
                body.deliveredAt(), given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/{id}/destruction-confirmation")
    @APIResponse(responseCode = "200", description = "The closed agreement",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementView.class)))
    @Operation(operationId = "confirmDestruction", summary = "Processor: written confirmation of destruction (art. 11.3, 11.4); closes the agreement")
    public Uni<Response> destruction(@PathParam("id") String id, @BeanParam CommandHeaders headers,
                                     Requests.DestructionConfirmationRequest body) {
        return commands.act(agreements, id, headers, body, given -> new AgreementCommand.ConfirmDestruction(body.confirmedAt(),
                body.statement(), body.legalRetentionExceptions(), given.actor(), given.at()), this::view);
    }

    @GET
    @Path("/{id}/events")
    @Operation(operationId = "listAgreementEvents", summary = "The agreement's event stream with metadata and hashes")
    public Uni<ListPage<StoredEvent>> events(@PathParam("id") String id, @BeanParam PageParams paging) {
        PageRequest page = paging.request();
        return commands.read(agreements, id).map(loaded -> page.slice(loaded.events(), e -> List.of(e.version()), Map.of()));
    }

    @GET
    @Path("/{id}/evidence-bundle")
    @APIResponse(responseCode = "200", description = "The evidence bundle (Content-Disposition: attachment); its export is recorded as an event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = eu.dpaledger.platform.evidence.EvidenceBundle.class)))
    @Operation(operationId = "exportAgreementEvidenceBundle", summary = "The agreement's evidence bundle: every event with its hashes, the signed checkpoints covering them and the public keys, to verify offline (docs/EVIDENCE.md)")
    public Uni<Response> evidenceBundle(@PathParam("id") String id) {
        return commands.read(agreements, id).flatMap(loaded -> bundles.download(id, commands.caller()));
    }

    @GET
    @Path("/{id}/evidence")
    @Operation(operationId = "verifyAgreementEvidence", summary = "Verification of the stream's hash chain: intact, or the first event that does not match")
    public Uni<EvidenceView> evidence(@PathParam("id") String id) {
        return commands.read(agreements, id).map(loaded -> evidence(HashChain.verify(id, loaded.events()), commands.now()));
    }

    @GET
    @Path("/{id}/export")
    @APIResponse(responseCode = "200", description = "The export document (Content-Disposition: attachment)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgreementExport.class)))
    @Operation(operationId = "exportAgreement", summary = "The complete agreement and its history as one machine-readable JSON document, with W3C DPV terms")
    public Uni<Response> export(@PathParam("id") String id) {
        return commands.read(agreements, id).map(loaded -> {
            Instant now = commands.now();
            AgreementExport export = AgreementExport.of(view(loaded, now), loaded.events(),
                    evidence(HashChain.verify(id, loaded.events()), now), now);
            return Response.ok(export)
                    .header("Content-Disposition", "attachment; filename=\"agreement-" + id + ".json\"").build();
        });
    }

    @POST
    @Path("/{id}/instructions")
    @APIResponse(responseCode = "201", description = "Instruction issued; Location and ETag set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssistanceViews.InstructionView.class)))
    @Operation(operationId = "issueInstruction", summary = "Record a written instruction (controller; ACTIVE agreement; art. 2.2, 2.3)")
    public Uni<Response> instruction(@PathParam("id") String id, @BeanParam CreateHeaders headers,
                                     AssistanceResource.InstructionRequest body) {
        return assistance.issueInstruction(id, headers, body);
    }

    @POST
    @Path("/{id}/disclosure-requests")
    @APIResponse(responseCode = "201", description = "Disclosure request recorded; Location and ETag set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssistanceViews.DisclosureRequestView.class)))
    @Operation(operationId = "registerDisclosureRequest", summary = "Record an authority's binding disclosure request (processor; art. 2.2): the controller is informed at once, unless gagLegalBasis says the law forbids it")
    public Uni<Response> disclosureRequest(@PathParam("id") String id, @BeanParam CreateHeaders headers,
                                           AssistanceResource.DisclosureRequestBody body) {
        return assistance.registerDisclosure(id, headers, body);
    }

    @POST
    @Path("/{id}/data-subject-requests")
    @APIResponse(responseCode = "201", description = "Data subject request registered; Location and ETag set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssistanceViews.DataSubjectRequestView.class)))
    @Operation(operationId = "registerDataSubjectRequest", summary = "Register a data subject request that reached the processor (processor; art. 7.2), under a pseudonymous reference")
    public Uni<Response> dataSubjectRequest(@PathParam("id") String id, @BeanParam CreateHeaders headers,
                                            AssistanceResource.SubjectRequestBody body) {
        return assistance.registerSubjectRequest(id, headers, body);
    }

    private AgreementView view(Loaded<AgreementState> loaded) {
        return view(loaded, commands.now());
    }

    private static AgreementView view(Loaded<AgreementState> loaded, Instant now) {
        AgreementRecord record = loaded.state().agreement().orElseThrow(() -> HttpProblem.notFound("The agreement"));
        return AgreementView.of(record, loaded.version(), loaded.headHash(), record.currentContentSha256(), now);
    }

    private static EvidenceView evidence(HashChain.Verification v, Instant now) {
        return EvidenceView.of(v, now);
    }
}
