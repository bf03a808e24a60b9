package eu.dpaledger.platform.admin;

import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.InputRules;
import eu.dpaledger.platform.http.PageParams;
import eu.dpaledger.platform.http.RequestSupport;
import eu.dpaledger.platform.http.StrictQuery;
import eu.dpaledger.platform.projection.DeadLetters;
import eu.dpaledger.platform.projection.ProjectionRebuilder;
import eu.dpaledger.platform.query.ListPage;
import io.quarkus.security.identity.SecurityIdentity;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;

/**
 * Operator endpoints for the records this service's projections could not apply (deploy/README.md "Dead letters"):
 * list them, inspect one (its headers and payload as received, and what was done with it), replay it once the cause is
 * mended, or discard it with a reason. Inspections, replays and discards are recorded with who did them and when.
 */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@StrictQuery
@Tag(name = "Administration")
@SecurityRequirement(name = "bearer")
public class DeadLetterAdminResource {

    /** Why a letter is discarded: kept with the action, for whoever asks later what became of the record. */
    public record DiscardRequest(
            @Schema(description = "Why the record is not applied (kept with the action)", maxLength = 1000, required = true)
            String reason) {
    }

    @Inject
    DeadLetters letters;

    @Inject
    ProjectionRebuilder projections;

    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(operationId = "listDeadLetters",
            summary = "Records this service's projections could not apply, newest first, a page at a time (no payloads)")
    public Uni<ListPage<DeadLetters.DeadLetter>> list(@BeanParam PageParams params,
            @Parameter(description = "Only this projection's letters (GET /admin/projections lists the names)")
            @QueryParam("projection") String projection,
            @Parameter(description = "Only letters in this status", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"OPEN", "REPLAYED", "DISCARDED"}))
            @QueryParam("status") String status) {
        if (projection != null && projections.find(projection).isEmpty()) {
            throw InputRules.violation(400, "invalid-field", "Invalid field value", "projection",
                    "names no projection of this service; one of " + projections.names());
        }
        return letters.list(params.request(), projection, status(status));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "inspectDeadLetter",
            summary = "One dead letter with its record as received (headers, payload) and its actions; the inspection is recorded")
    public Uni<DeadLetters.DeadLetterDetail> inspect(@PathParam("id") String id) {
        return letters.inspect(id(id), actor());
    }

    @POST
    @Path("/{id}/replay")
    @Operation(operationId = "replayDeadLetter", summary = "Apply the record again to its projection (409 when it still fails or was settled)")
    @APIResponse(responseCode = "200", description = "The letter, now REPLAYED, with its actions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeadLetters.DeadLetterDetail.class)))
    @APIResponse(responseCode = "409", description = "dead-letter-replay-failed: the record still cannot be applied (the "
            + "letter stays open, the attempt is recorded); dead-letter-handled: it was replayed or discarded already")
    public Uni<DeadLetters.DeadLetterDetail> replay(@PathParam("id") String id) {
        return letters.replay(id(id), actor());
    }

    @POST
    @Path("/{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "discardDeadLetter", summary = "Settle the letter without applying the record, for the reason given")
    @APIResponse(responseCode = "200", description = "The letter, now DISCARDED, with its actions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeadLetters.DeadLetterDetail.class)))
    @APIResponse(responseCode = "409", description = "dead-letter-handled: it was replayed or discarded already")
    public Uni<DeadLetters.DeadLetterDetail> discard(@PathParam("id") String id, DiscardRequest body) {
        RequestSupport.requireBody(body);
        String reason = CommonRejections.requiredText(body.reason(), "reason");
        if (reason.length() > 1000) {
            throw InputRules.violation(400, "field-too-long", "Field too long", "reason", "is at most 1000 characters");
        }
        return letters.discard(id(id), actor(), reason);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw HttpProblem.notFound("Dead letter " + id);
        }
    }

    private static DeadLetters.DeadLetterStatus status(String status) {
        if (status == null) {
            return null;
        }
        return Arrays.stream(DeadLetters.DeadLetterStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(() -> InputRules.violation(400, "invalid-status", "Invalid status", "status",
                        "must be one of " + Arrays.toString(DeadLetters.DeadLetterStatus.values())));
    }
}
