package eu.dpaledger.reporting.api;

import eu.dpaledger.platform.http.InputRules;
import eu.dpaledger.platform.http.RequestSupport;
import eu.dpaledger.platform.http.StrictQuery;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.platform.security.CallerProvider;
import eu.dpaledger.reporting.infrastructure.query.DueSoon;
import eu.dpaledger.reporting.infrastructure.query.SettingsStore;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;

/**
 * The caller's organisation's "due soon" setting: how long before the due instant an open obligation shows as
 * DUE_SOON (days for the day clocks, hours for the hour clocks). Each organisation has its own; it changes what its
 * own people see, nobody else's.
 */
@Path("/settings")
@Tag(name = "Settings")
@StrictQuery
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"controller", "processor", "auditor"})
@SecurityRequirement(name = "bearer")
public class SettingsResource {

    @Inject
    CallerProvider callers;

    @Inject
    SettingsStore settings;

    @Inject
    Clock clock;

    /** The setting as sent: both fields required. */
    public record SettingsRequest(
            @Schema(required = true, minimum = "1", maximum = "90", description = "Days before the due instant, for the day clocks") Integer dueSoonDays,
            @Schema(required = true, minimum = "1", maximum = "72", description = "Hours before the due instant, for the hour clocks (breach clocks, data subject forwarding)") Integer breachDueSoonHours) {
    }

    @GET
    @Operation(operationId = "getSettings", summary = "The caller's organisation's due-soon setting (defaults: 7 days, 12 hours)")
    public Uni<DueSoon> get() {
        return settings.of(callers.current().organisation());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "putSettings", summary = "Set the caller's organisation's due-soon setting: dueSoonDays 1 to 90, "
            + "breachDueSoonHours 1 to 72")
    public Uni<DueSoon> put(SettingsRequest body) {
        RequestSupport.requireBody(body);
        Caller caller = callers.current();
        int days = range("dueSoonDays", body.dueSoonDays(), 90);
        int hours = range("breachDueSoonHours", body.breachDueSoonHours(), 72);
        return settings.put(caller.organisation(), new DueSoon(days, hours), clock.instant());
    }

    private static int range(String field, Integer value, int max) {
        if (value == null) {
            throw InputRules.violation(400, "field-required", "Field required", field, "is required");
        }
        if (value < 1 || value > max) {
            throw InputRules.violation(400, "invalid-setting", "Invalid setting", field, "must be from 1 to " + max + " (got " + value + ")");
        }
        return value;
    }
}
