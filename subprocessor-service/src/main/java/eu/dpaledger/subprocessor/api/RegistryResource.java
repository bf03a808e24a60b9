package eu.dpaledger.subprocessor.api;

import eu.dpaledger.platform.command.CommandHeaders;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.command.StreamCommands;
import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.Problems;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problems.MEDIA_TYPE))
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

    /** The registry of one agreement. */
    public record Registry(String agreementId, String status, List<SubprocessorReadModel.Entry> subprocessors) {
    }

    @GET
    @Path("/agreements/{agreementId}/subprocessors")
    @Operation(summary = "Sub-processors of an agreement: current ones, since when and on what basis; removed ones kept as removed")
    @APIResponse(responseCode = "404", description = "Unknown, or not visible to the caller's organisation", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Registry> registry(@PathParam("agreementId") String agreementId, @QueryParam("current") Boolean currentOnly) {
        return agreements.readableBy(commands.caller(), agreementId)
                .flatMap(a -> readModel.registry(agreementId).map(entries -> new Registry(agreementId, a.status(),
                        Boolean.TRUE.equals(currentOnly) ? entries.stream().filter(SubprocessorReadModel.Entry::current).toList()
                                : entries)));
    }

    @POST
    @Path("/agreements/{agreementId}/subprocessors/{name}/proof-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask the processor for proof of flow-down to this sub-processor (controller; art. 6.4)",
            description = "Recorded as an event the processor sees on the topic, through webhooks and in the registry (proofRequestedAt). Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Request recorded")
    @APIResponse(responseCode = "403", description = "only-controller-requests-proof", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown agreement, or subprocessor-not-engaged", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Response> requestProof(@PathParam("agreementId") String agreementId, @PathParam("name") String name,
                                      @BeanParam CommandHeaders headers, Requests.ProofRequest body) {
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
    @Operation(summary = "Record the contract binding this sub-processor to the same obligations (processor; art. 6.4)",
            description = "A reference and the SHA-256 of the signed contract; the registry shows the latest. Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Proof recorded")
    @APIResponse(responseCode = "400", description = "field-required, invalid-sha256", content = @Content(mediaType = Problems.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "only-processor-provides-proof", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Response> provideProof(@PathParam("agreementId") String agreementId, @PathParam("name") String name,
                                      @BeanParam CommandHeaders headers, Requests.ProofAttachment body) {
        String proofId = UUID.randomUUID().toString();
        return commands.create(proofs, proofId, headers, body, contexts.forParty(commands.caller(), agreementId),
                given -> new ProofCommand.AttachProof(proofId, given.context().agreement(), given.context().engaged(), name,
                        body.reference(), body.sha256(), given.actor(), given.at()),
                RegistryResource::recorded, null);
    }

    @GET
    @Path("/subprocessors")
    @Operation(summary = "Overview (art. 6.5): every current sub-processor across the caller's agreements, with the agreements each serves")
    public Uni<Map<String, Object>> overview(@QueryParam("country") String country) {
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            throw HttpProblem.badRequest(CommonRejections.INVALID_COUNTRY, "Invalid country", "country must be an ISO 3166-1 alpha-2 code such as BE");
        }
        Caller caller = commands.caller();
        return readModel.overview(caller.organisation(), caller.hasRole(Caller.CONTROLLER), caller.hasRole(Caller.PROCESSOR), country)
                .map(lines -> Map.of("organisation", caller.organisation(), "subprocessors", lines));
    }

    /** A proof record as recorded: its id, its type and the record itself. */
    private static Map<String, Object> recorded(Loaded<Optional<ProofEvent>> after) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", after.streamId());
        body.put("type", after.state().map(e -> e.getClass().getSimpleName()).orElse(null));
        body.put("record", after.state().orElse(null));
        return body;
    }
}
