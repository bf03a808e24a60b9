package eu.dpaledger.platform.admin;

import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.PageParams;
import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.projection.ProjectionHandler;
import eu.dpaledger.platform.projection.ProjectionRebuilder;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** Operator endpoints of the kernel: list read models and rebuild one from its topics' beginning. */
@Path("/admin/projections")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "Administration")
// The scheme "bearer" itself (OpenID Connect at the dpa realm) is declared once, in the kernel's config
// (quarkus.smallrye-openapi.security-scheme*), for every service's OpenAPI document.
@SecurityRequirement(name = "bearer")
public class ProjectionAdminResource {

    @Inject
    ProjectionRebuilder rebuilder;

    @GET
    @Operation(operationId = "listProjections", summary = "Names of this service's read models")
    public ListPage<String> list(@BeanParam PageParams params) {
        return params.request().slice(rebuilder.names(), name -> List.of(name), Map.of());
    }

    @POST
    @Path("/{name}/rebuild")
    @Blocking
    @Operation(operationId = "rebuildProjection", summary = "Drop a read model and replay it from the beginning of its topics")
    public ProjectionRebuilder.Rebuilt rebuild(@PathParam("name") String name) {
        ProjectionHandler handler = rebuilder.find(name).orElseThrow(() -> HttpProblem.notFound("Projection " + name));
        return rebuilder.rebuild(handler);
    }
}
