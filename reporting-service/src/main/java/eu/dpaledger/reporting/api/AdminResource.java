package eu.dpaledger.reporting.api;

import eu.dpaledger.reporting.application.SnapshotJob;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators: take the daily snapshots now (the scheduler does it every {@code dpa.reporting.snapshot.every}). */
@Path("/admin/snapshots")
@Tag(name = "Admin")
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
public class AdminResource {

    @Inject
    SnapshotJob job;

    /** What a run did. */
    public record SnapshotRun(@Schema(required = true, description = "Organisations whose snapshot of today was written") int organisations) {
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "takeSnapshots", summary = "Take today's snapshot of every organisation now (admin); replaces today's, "
            + "drops those older than twelve months")
    public Uni<SnapshotRun> take() {
        return job.run().map(SnapshotRun::new);
    }
}
