package eu.dpaledger.platform.http;

import eu.dpaledger.platform.query.PageRequest;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The two query parameters of every list, as one {@code @BeanParam} (docs/ARCHITECTURE.md, "Lists"). */
public class PageParams {

    @QueryParam("cursor")
    @Parameter(description = "The `nextCursor` of the page before; absent for the first page. Opaque.")
    public String cursor;

    @QueryParam("limit")
    @Parameter(description = "Items per page, 1 to 200 (above: 400 invalid-limit).",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200", defaultValue = "50"))
    public String limit;

    /** The page asked for (400 problem naming {@code limit} or {@code cursor} when either is not acceptable). */
    public PageRequest request() {
        return PageRequest.of(cursor, limit);
    }
}
