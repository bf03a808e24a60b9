package eu.dpaledger.subprocessor.api;

import eu.dpaledger.platform.command.CreateHeaders;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.command.StreamCommands;
import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.http.InputRules;
import eu.dpaledger.platform.http.PageParams;
import eu.dpaledger.platform.openapi.ContractFilter;
import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.query.PageRequest;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.subprocessor.application.AgreementContexts;
import eu.dpaledger.subprocessor.domain.proof.ProofCommand;
import eu.dpaledger.subprocessor.domain.proof.ProofEvent;
import eu.dpaledger.subprocessor.infrastructure.ProofBinding;
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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The sub-processor registry (art. 6.5): per agreement with its history, and across the caller's agreements;
 * proof of flow-down to a sub-processor on the controller's request (art. 6.4).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"controller", "processor"})
@Tag(name = "Sub-processor registry")
@SecurityRequirement(name = "bearer")
public class RegistryResource {

    @Inject
    StreamCommands commands;

    @Inject
    ProofBinding proofs;

    @Inject
    AgreementContexts contexts;

    @Inject
    AgreementReads agreements;

    @Inject
    SubprocessorReadModel readModel;

    /**
     * The registry of one agreement: its annex 1 as it stands, with history. Not a list endpoint: it is one agreement's
     * document, bounded by that agreement's changes, and answers whole like the agreement itself.
     */
    @Schema(name = "Registry")
    public record Registry(@Schema(required = true) String agreementId,
                           @Schema(required = true, description = "The agreement's status", example = "ACTIVE") String status,
                           @Schema(required = true, description = "Current sub-processors first, then removed ones, each by name")
                           List<SubprocessorReadModel.Entry> subprocessors) {
    }

    /** A request for, or a proof of, flow-down as recorded. */
    @Schema(name = "ProofRecord")
    public record Recorded(@Schema(required = true, format = "uuid") String id,
                           @Schema(required = true, enumeration = {"FlowDownProofRequested", "FlowDownProofProvided"}) String type,
                           @Schema(required = true, oneOf = {ProofEvent.FlowDownProofRequested.class, ProofEvent.FlowDownProofProvided.class})
                           ProofEvent record) {
    }

    @GET
    @Path("/agreements/{agreementId}/subprocessors")
    @Operation(operationId = "getSubprocessorRegistry",
            summary = "Sub-processors of an agreement: current ones, since when and on what basis; removed ones kept as removed")
    public Uni<Registry> registry(@PathParam("agreementId") String agreementId,
                                  @QueryParam("current") @Parameter(description = "true: current sub-processors only") Boolean currentOnly) {
        return agreements.readableBy(commands.caller(), agreementId)
                .flatMap(a -> readModel.registry(agreementId).map(entries -> new Registry(agreementId, a.status(),
                        Boolean.TRUE.equals(currentOnly) ? entries.stream().filter(SubprocessorReadModel.Entry::current).toList()
                                : entries)));
    }

    @POST
    @Path("/agreements/{agreementId}/subprocessors/{name}/proof-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "requestFlowDownProof", extensions = @Extension(name = ContractFilter.NO_LOCATION, value = "true"),
            summary = "Ask the processor for proof of flow-down to this sub-processor (controller; art. 6.4)",
            description = "Recorded as an event the processor sees on the topic, through webhooks and in the registry (proofRequestedAt). Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Request recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Recorded.class)))
    @APIResponse(responseCode = "403", description = "only-controller-requests-proof")
    @APIResponse(responseCode = "404", description = "Unknown agreement, or subprocessor-not-engaged")
    public Uni<Response> requestProof(@PathParam("agreementId") String agreementId, @PathParam("name") String name,
                                      @BeanParam CreateHeaders headers, Requests.ProofRequest body) {
        String proofId = UUID.randomUUID().toString();
        String note = body == null ? null : body.note();
        return commands.create(proofs, proofId, headers, Optional.ofNullable(body), contexts.forParty(commands.caller(), agreementId),
                given -> new ProofCommand.RequestProof(proofId, given.context().agreement(), given.context().engaged(), name, note,
                        given.actor(), given.at()),
                RegistryResource::recorded, null);
    }

    @POST
    @Path("/agreements/{agreementId}/subprocessors/{name}/proofs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "provideFlowDownProof", extensions = @Extension(name = ContractFilter.NO_LOCATION, value = "true"),
            summary = "Record the contract binding this sub-processor to the same obligations (processor; art. 6.4)",
            description = "A reference and the SHA-256 of the signed contract; the registry shows the latest. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Proof recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Recorded.class)))
    @APIResponse(responseCode = "400", description = "field-required, invalid-sha256")
    @APIResponse(responseCode = "403", description = "only-processor-provides-proof")
    public Uni<Response> provideProof(@PathParam("agreementId") String agreementId, @PathParam("name") String name,
                                      @BeanParam CreateHeaders headers, Requests.ProofAttachment body) {
        String proofId = UUID.randomUUID().toString();
        return commands.create(proofs, proofId, headers, body, contexts.forParty(commands.caller(), agreementId),
                given -> new ProofCommand.AttachProof(proofId, given.context().agreement(), given.context().engaged(), name,
                        body.reference(), body.sha256(), given.actor(), given.at()),
                RegistryResource::recorded, null);
    }

    @GET
    @Path("/subprocessors")
    @Operation(operationId = "listSubprocessorOverview",
            summary = "Overview (art. 6.5): every current sub-processor across the caller's agreements, with the agreements each serves",
            description = "One line per sub-processor name (any case or spacing) and country, by name, a page at a time. Each line "
                    + "counts the caller's agreements it serves and lists the first " + SubprocessorReadModel.AGREEMENTS_PER_LINE
                    + " of them by agreement id; GET /subprocessors/{name}/agreements pages through all of them.")
    public Uni<ListPage<SubprocessorReadModel.OverviewLine>> overview(
            @QueryParam("country") @Parameter(description = "Only sub-processors processing in this country (ISO 3166-1 alpha-2)",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z]{2}$", example = "BE")) String country,
            @BeanParam PageParams params) {
        String location = country(country);
        PageRequest page = params.request();
        Caller caller = commands.caller();
        return readModel.overview(caller.organisation(), caller.hasRole(Caller.CONTROLLER), caller.hasRole(Caller.PROCESSOR),
                location, page);
    }

    @GET
    @Path("/subprocessors/{name}/agreements")
    @Operation(operationId = "listAgreementsServedBySubprocessor",
            summary = "The caller's agreements a sub-processor serves now (art. 6.5), all of them, by agreement id, a page at a time",
            description = "The sub-processor by name, any case or spacing (as the overview groups it); an overview line's agreements "
                    + "in full. A name none of the caller's agreements engages gives an empty list. 400: field-required (name "
                    + "blank), invalid-country, invalid-limit, invalid-cursor.")
    public Uni<ListPage<SubprocessorReadModel.ServedAgreement>> servedBy(
            @PathParam("name") @Parameter(description = "The sub-processor's name", example = "Level 27") String name,
            @QueryParam("country") @Parameter(description = "Only where it processes in this country (ISO 3166-1 alpha-2)",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z]{2}$", example = "BE")) String country,
            @BeanParam PageParams params) {
        InputRules.checkCharacters("name", name);
        if (name.isBlank()) {
            throw InputRules.violation(400, CommonRejections.FIELD_REQUIRED, "A required field is missing", "name",
                    "is required: the sub-processor's name");
        }
        String location = country(country);
        PageRequest page = params.request();
        Caller caller = commands.caller();
        return readModel.servedBy(caller.organisation(), caller.hasRole(Caller.CONTROLLER), caller.hasRole(Caller.PROCESSOR),
                name, location, page);
    }

    /** The country filter, upper case; 400 naming {@code country} unless it is two letters. */
    private static String country(String country) {
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            throw InputRules.violation(400, CommonRejections.INVALID_COUNTRY, "Invalid country", "country",
                    "must be an ISO 3166-1 alpha-2 code such as BE");
        }
        return country == null ? null : country.toUpperCase(Locale.ROOT);
    }

    /** A proof record as recorded: its id, its type and the record itself. */
    private static Recorded recorded(Loaded<Optional<ProofEvent>> after) {
        return new Recorded(after.streamId(), after.state().map(e -> e.getClass().getSimpleName()).orElse(null),
                after.state().orElse(null));
    }
}
