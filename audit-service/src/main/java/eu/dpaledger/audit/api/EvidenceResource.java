package eu.dpaledger.audit.api;

import eu.dpaledger.audit.domain.evidence.EvidenceItem;
import eu.dpaledger.audit.infrastructure.AuditReadModel;
import eu.dpaledger.audit.infrastructure.EvidenceBinding;
import eu.dpaledger.platform.agreements.AgreementDirectory;
import eu.dpaledger.platform.command.CommandHeaders;
import eu.dpaledger.platform.command.CreateHeaders;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.command.StreamCommands;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.PageParams;
import eu.dpaledger.platform.http.RequestSupport;
import eu.dpaledger.platform.query.ListPage;
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

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The processor's evidence register per agreement (DPA art. 4.1, 4.2, 5.2, 7.1): the processor records and revises its
 * security policy and plan, DPO, staff confidentiality, certifications and annex-1 measures; the controller acknowledges
 * or disputes each revision; the scheduler marks an item past its review or validity date expired.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"controller", "processor"})
@Tag(name = "Evidence register")
@SecurityRequirement(name = "bearer")
public class EvidenceResource {

    private static final Set<String> REVIEWS = Set.of("RECORDED", "ACKNOWLEDGED", "DISPUTED");

    @Inject
    StreamCommands commands;

    @Inject
    EvidenceBinding items;

    @Inject
    AgreementDirectory directory;

    @Inject
    AuditReadModel readModel;

    @POST
    @Path("/agreements/{agreementId}/evidence")
    @Operation(operationId = "recordEvidence", summary = "Record an item of the evidence register (processor; DPA art. 4.1, 4.2, 5.2, 7.1)",
            description = "kind and what its content requires: SECURITY_POLICY (title, version, sha256, effectiveOn = adopted on, "
                    + "reviewDue), DPO (title, name, contact, effectiveOn = since), STAFF_CONFIDENTIALITY (title, statement, effectiveOn = "
                    + "attested on, optional reviewDue), CERTIFICATION (title = scheme, issuer, scope, validUntil, optional effectiveOn and "
                    + "sha256), MINIMUM_MEASURE (title = the annex-1 measure, statement). Honours Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Recorded; Location and ETag set", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvidenceView.class)))
    public Uni<Response> record(@PathParam("agreementId") @Parameter(schema = @Schema(format = "uuid")) String agreementId,
                                @BeanParam CreateHeaders headers, Requests.EvidenceBody body) {
        RequestSupport.requireBody(body);
        String id = UUID.randomUUID().toString();
        return commands.create(items, id, headers, body, directory.forParty(commands.caller(), agreementId),
                given -> new EvidenceItem.RecordItem(id, given.context(), body.kind(), body.content(), given.actor(), given.at()),
                this::view, "/evidence/" + id);
    }

    @POST
    @Path("/evidence/{id}/revision")
    @Operation(operationId = "reviseEvidence", summary = "Revise an item (processor): a new policy version, another DPO, a renewed "
            + "certificate; it awaits the controller's review again. Needs If-Match")
    @APIResponse(responseCode = "200", description = "Revised, ETag set", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvidenceView.class)))
    public Uni<Response> revise(@PathParam("id") String id, @BeanParam CommandHeaders headers, Requests.EvidenceRevisionBody body) {
        RequestSupport.requireBody(body);
        return commands.act(items, id, headers, body, given -> new EvidenceItem.Revise(body.content(), given.actor(), given.at()),
                this::view);
    }

    @POST
    @Path("/evidence/{id}/acknowledgement")
    @Consumes(MediaType.WILDCARD) // no body
    @Operation(operationId = "acknowledgeEvidence", summary = "Acknowledge the item's current revision (controller; DPA art. 7.1). Needs If-Match")
    @APIResponse(responseCode = "200", description = "Acknowledged, ETag set", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvidenceView.class)))
    public Uni<Response> acknowledge(@PathParam("id") String id, @BeanParam CommandHeaders headers) {
        return commands.act(items, id, headers, Optional.empty(), given -> new EvidenceItem.Acknowledge(given.actor(), given.at()),
                this::view);
    }

    @POST
    @Path("/evidence/{id}/dispute")
    @Operation(operationId = "disputeEvidence", summary = "Dispute the item's current revision, with the reason (controller; DPA art. 7.1). Needs If-Match")
    @APIResponse(responseCode = "200", description = "Disputed, ETag set", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvidenceView.class)))
    public Uni<Response> dispute(@PathParam("id") String id, @BeanParam CommandHeaders headers, Requests.ReasonRequest body) {
        RequestSupport.requireBody(body);
        return commands.act(items, id, headers, body, given -> new EvidenceItem.Dispute(body.reason(), given.actor(), given.at()),
                this::view);
    }

    @GET
    @Path("/evidence")
    @Operation(operationId = "listEvidence", summary = "The evidence register items of the caller's organisation, by agreement, kind, "
            + "review and expiry; the first to expire first, a page at a time")
    public Uni<ListPage<AuditReadModel.EvidenceLine>> list(
            @Parameter(description = "Only this agreement's items", schema = @Schema(format = "uuid")) @QueryParam("agreement") String agreementId,
            @Parameter(schema = @Schema(enumeration = {"SECURITY_POLICY", "DPO", "STAFF_CONFIDENTIALITY", "CERTIFICATION", "MINIMUM_MEASURE"}))
            @QueryParam("kind") String kind,
            @Parameter(schema = @Schema(enumeration = {"RECORDED", "ACKNOWLEDGED", "DISPUTED"})) @QueryParam("review") String review,
            @Parameter(description = "true: only items past their review or validity date; false: only the others",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("expired") String expired,
            @BeanParam PageParams page) {
        if (kind != null && Arrays.stream(EvidenceItem.Kind.values()).noneMatch(k -> k.name().equals(kind))) {
            throw HttpProblem.badRequest(EvidenceItem.INVALID_KIND, "Unknown kind of evidence",
                    "kind must be one of " + Arrays.toString(EvidenceItem.Kind.values()) + " (DPA art. 4.1, 4.2, 5.2, 7.1)");
        }
        if (review != null && !REVIEWS.contains(review)) {
            throw HttpProblem.badRequest("invalid-review", "Invalid review", "review must be RECORDED, ACKNOWLEDGED or DISPUTED");
        }
        Caller caller = commands.caller();
        return readModel.evidence(caller.organisation(), caller.hasRole(Caller.CONTROLLER), caller.hasRole(Caller.PROCESSOR),
                agreementId, kind, review, RequestSupport.booleanParam(expired, "expired"), commands.now(), page.request());
    }

    @GET
    @Path("/evidence/{id}")
    @Operation(operationId = "getEvidence", summary = "One evidence register item; ETag")
    @APIResponse(responseCode = "200", description = "The item; ETag set", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EvidenceView.class)))
    public Uni<Response> get(@PathParam("id") String id) {
        return commands.get(items, id, this::view);
    }

    private EvidenceView view(Loaded<Optional<EvidenceItem.Record>> loaded) {
        return EvidenceView.of(loaded.state().orElseThrow(), loaded.version(), commands.now());
    }
}
