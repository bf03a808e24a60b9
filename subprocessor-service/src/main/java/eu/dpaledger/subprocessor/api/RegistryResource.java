package eu.dpaledger.subprocessor.api;

import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.Problems;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.platform.security.CallerProvider;
import eu.dpaledger.subprocessor.application.SubprocessorApplication;
import eu.dpaledger.subprocessor.infrastructure.SubprocessorReadModel;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** The sub-processor registry (art. 6.5): per agreement with its history, and across the caller's agreements. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"controller", "processor"})
@Tag(name = "Sub-processor registry")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problems.MEDIA_TYPE))
@SecurityRequirement(name = "bearer")
public class RegistryResource {

    @Inject
    SubprocessorApplication application;

    @Inject
    SubprocessorReadModel readModel;

    @Inject
    CallerProvider callers;

    /** The registry of one agreement. */
    public record Registry(String agreementId, String status, List<SubprocessorReadModel.Entry> subprocessors) {
    }

    @GET
    @Path("/agreements/{agreementId}/subprocessors")
    @Operation(summary = "Sub-processors of an agreement: current ones, since when and on what basis; removed ones kept as removed")
    @APIResponse(responseCode = "404", description = "Unknown, or not visible to the caller's organisation", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Registry> registry(@PathParam("agreementId") String agreementId, @QueryParam("current") Boolean currentOnly) {
        return application.agreementReadableBy(callers.current(), agreementId)
                .flatMap(a -> readModel.registry(agreementId).map(entries -> new Registry(agreementId, a.facts().status(),
                        Boolean.TRUE.equals(currentOnly) ? entries.stream().filter(SubprocessorReadModel.Entry::current).toList()
                                : entries)));
    }

    @GET
    @Path("/subprocessors")
    @Operation(summary = "Overview (art. 6.5): every current sub-processor across the caller's agreements, with the agreements each serves")
    public Uni<Map<String, Object>> overview(@QueryParam("country") String country) {
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            throw HttpProblem.badRequest("invalid-country", "Invalid country", "country must be an ISO 3166-1 alpha-2 code such as BE");
        }
        Caller caller = callers.current();
        return readModel.overview(caller.organisation(), caller.hasRole(Caller.CONTROLLER), caller.hasRole(Caller.PROCESSOR), country)
                .map(lines -> Map.of("organisation", caller.organisation(), "subprocessors", lines));
    }
}
