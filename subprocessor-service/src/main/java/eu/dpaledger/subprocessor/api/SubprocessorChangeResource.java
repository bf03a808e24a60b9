package eu.dpaledger.subprocessor.api;

import eu.dpaledger.platform.command.CommandHeaders;
import eu.dpaledger.platform.command.CreateHeaders;
import eu.dpaledger.platform.command.Given;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.command.StreamCommands;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.InputRules;
import eu.dpaledger.platform.http.PageParams;
import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.query.PageRequest;
import eu.dpaledger.subprocessor.application.AgreementContexts;
import eu.dpaledger.subprocessor.domain.change.ChangeCommand;
import eu.dpaledger.subprocessor.domain.change.ChangeRecord;
import eu.dpaledger.subprocessor.domain.change.ChangeState;
import eu.dpaledger.subprocessor.domain.change.ChangeStatus;
import eu.dpaledger.subprocessor.infrastructure.ChangeBinding;
import eu.dpaledger.subprocessor.infrastructure.SubprocessorReadModel;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.UUID;

/**
 * Sub-processor change notices (art. 6.1, 6.2): the processor announces, the controller may object
 * within the window, either side resolves; every answer shows the change's state and deadlines.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"controller", "processor"})
@Tag(name = "Sub-processor changes")
@SecurityRequirement(name = "bearer")
public class SubprocessorChangeResource {

    @Inject
    StreamCommands commands;

    @Inject
    eu.dpaledger.platform.evidence.EvidenceBundles bundles;

    @Inject
    ChangeBinding changes;

    @Inject
    AgreementContexts contexts;

    @Inject
    AgreementReads agreements;

    @Inject
    SubprocessorReadModel readModel;

    @POST
    @Path("/agreements/{agreementId}/subprocessor-changes")
    @Operation(operationId = "announceSubprocessorChange",
            summary = "Announce a sub-processor change (processor of an ACTIVE agreement; art. 6.1)",
            description = "ADD or REPLACE opens the controller's objection window (the agreement's subprocessorObjectionDays, day rule); "
                    + "intendedFrom must not fall before it ends. REMOVE needs no window. A location outside the EEA needs a transfer mechanism. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Announced; Location and ETag set; the body shows every deadline",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeView.class)))
    @APIResponse(responseCode = "400", description = "Missing field, invalid country, transfer-outside-eea-without-mechanism")
    @APIResponse(responseCode = "403", description = "only-processor-announces-changes")
    @APIResponse(responseCode = "409", description = "agreement-not-active, subprocessor-already-engaged")
    @APIResponse(responseCode = "422", description = "intended-before-objection-window-ends, subprocessor-not-engaged")
    public Uni<Response> announce(@PathParam("agreementId") String agreementId, @BeanParam CreateHeaders headers,
                                  Requests.ChangeNotice body) {
        String changeId = UUID.randomUUID().toString();
        return commands.create(changes, changeId, headers, body, contexts.forParty(commands.caller(), agreementId),
                given -> announce(changeId, given, body, null), this::view, "/subprocessor-changes/" + changeId);
    }

    @GET
    @Path("/agreements/{agreementId}/subprocessor-changes")
    @Operation(operationId = "listSubprocessorChanges", summary = "Changes announced under an agreement, newest first, a page at a time (read model)")
    public Uni<ListPage<SubprocessorReadModel.ChangeRow>> list(
            @PathParam("agreementId") String agreementId,
            @QueryParam("status") @Parameter(description = "Only changes in this status",
                    schema = @Schema(implementation = ChangeStatus.class)) String status,
            @BeanParam PageParams params) {
        ChangeStatus wanted = status(status);
        PageRequest page = params.request();
        return agreements.readableBy(commands.caller(), agreementId).flatMap(a -> readModel.changes(agreementId, wanted, page));
    }

    private static ChangeStatus status(String status) {
        if (status == null) {
            return null;
        }
        return Arrays.stream(ChangeStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(() -> InputRules.violation(400, "invalid-status", "Invalid status", "status",
                        "must be one of " + Arrays.toString(ChangeStatus.values())));
    }

    @GET
    @Path("/subprocessor-changes/{id}/evidence-bundle")
    @APIResponse(responseCode = "200", description = "The evidence bundle (Content-Disposition: attachment); its export is recorded as an event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = eu.dpaledger.platform.evidence.EvidenceBundle.class)))
    @Operation(operationId = "exportChangeEvidenceBundle", summary = "The sub-processor change's evidence bundle: every event with its hashes, the signed checkpoints covering them and the public keys, to verify offline (docs/EVIDENCE.md)")
    public Uni<Response> evidenceBundle(@PathParam("id") String id) {
        return commands.read(changes, id).flatMap(loaded -> bundles.download(id, commands.caller()));
    }

    @GET
    @Path("/subprocessor-changes/{id}")
    @Operation(operationId = "getSubprocessorChange", summary = "One change: state, objection, acceptance and every deadline; ETag = stream version")
    @APIResponse(responseCode = "200", description = "The change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeView.class)))
    public Uni<Response> get(@PathParam("id") String id) {
        return commands.get(changes, id, this::view);
    }

    @POST
    @Path("/subprocessor-changes/{id}/objection")
    @Operation(operationId = "objectToSubprocessorChange", summary = "Object to the change (controller, within the window; art. 6.1)",
            description = "The processor receives the objection when it is recorded here; the answer states the termination-right date (3 months, art. 6.2).")
    @APIResponse(responseCode = "200", description = "Objection recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeView.class)))
    @APIResponse(responseCode = "403", description = "only-controller-objects")
    @APIResponse(responseCode = "409", description = "objection-window-closed, change-not-objectable, change-already-objected")
    public Uni<Response> object(@PathParam("id") String id, @BeanParam CommandHeaders headers, Requests.ObjectionRequest body) {
        return commands.act(changes, id, headers, body,
                given -> new ChangeCommand.RaiseObjection(body.grounds(), given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/subprocessor-changes/{id}/objection-withdrawal")
    @Operation(operationId = "withdrawSubprocessorChangeObjection",
            summary = "Withdraw the objection (controller): the change is accepted, objection resolved")
    @APIResponse(responseCode = "200", description = "Objection withdrawn; the change is accepted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeView.class)))
    public Uni<Response> withdrawObjection(@PathParam("id") String id, @BeanParam CommandHeaders headers,
                                          Requests.ReasonRequest body) {
        return commands.act(changes, id, headers, body,
                given -> new ChangeCommand.WithdrawObjection(body.reason(), given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/subprocessor-changes/{id}/withdrawal")
    @Operation(operationId = "withdrawSubprocessorChange", summary = "Withdraw the change (processor)")
    @APIResponse(responseCode = "200", description = "Withdrawn",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeView.class)))
    public Uni<Response> withdraw(@PathParam("id") String id, @BeanParam CommandHeaders headers, Requests.ReasonRequest body) {
        return commands.act(changes, id, headers, body,
                given -> new ChangeCommand.WithdrawChange(body.reason(), given.actor(), given.at()), this::view);
    }

    @POST
    @Path("/subprocessor-changes/{id}/alternative")
    @Operation(operationId = "proposeAlternativeSubprocessorChange",
            summary = "Propose an alternative (processor): a new change that supersedes this one",
            description = "If-Match is this change's ETag. Both the new change and the supersession are recorded in one transaction; the answer is the new change (201). "
                    + "After an objection the alternative must avoid the objected sub-processor (same name, any case or spacing: DPA art. 6.2); "
                    + "the objection's termination right then lapses only once the alternative is accepted.")
    @APIResponse(responseCode = "201", description = "The alternative change, announced; Location points to it",
            headers = @Header(name = "Location", description = "The new change's path", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeView.class)))
    @APIResponse(responseCode = "422", description = "alternative-must-avoid-objected-subprocessor (DPA art. 6.2), intended-before-objection-window-ends")
    public Uni<Response> alternative(@PathParam("id") String id, @BeanParam CommandHeaders headers,
                                     Requests.ChangeNotice body) {
        String changeId = UUID.randomUUID().toString();
        // The superseded change names the agreement: a caller who may not read it gets 404 here.
        return commands.create(changes, changeId, headers, body,
                commands.read(changes, id).flatMap(old -> contexts.forParty(commands.caller(), record(old).agreementId())),
                given -> announce(changeId, given, body, id), id,
                given -> new ChangeCommand.Supersede(changeId, given.context().agreement().agreementId(), body.kind(),
                        body.subprocessor(), given.actor(), given.at()),
                this::view, "/subprocessor-changes/" + changeId);
    }

    private static ChangeCommand.Announce announce(String changeId, Given<ChangeState, AgreementContexts.Context> given,
                                                   Requests.ChangeNotice body, String supersedes) {
        return new ChangeCommand.Announce(changeId, given.context().agreement(), given.context().engaged(), body.kind(),
                body.subprocessor(), body.replaces(), body.intendedFrom(), body.reason(), supersedes, given.actor(), given.at());
    }

    private ChangeView view(Loaded<ChangeState> loaded) {
        return ChangeView.of(record(loaded), loaded.version(), commands.now());
    }

    private static ChangeRecord record(Loaded<ChangeState> loaded) {
        return loaded.state().change().orElseThrow(() -> HttpProblem.notFound("The change"));
    }
}
