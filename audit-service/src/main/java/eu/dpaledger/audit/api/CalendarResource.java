package eu.dpaledger.audit.api;

import eu.dpaledger.audit.infrastructure.OrganisationCalendars;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.http.Problems;
import eu.dpaledger.platform.http.RequestSupport;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.platform.security.CallerProvider;
import eu.dpaledger.platform.time.ClosingDay;
import eu.dpaledger.platform.time.OfficeHours;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An organisation's working calendar (docs/DOMAIN.md "Calendar"): it may close on 11 July (Flemish public
 * body) and on days of its own, and set its office hours. Only the organisation itself changes it; the
 * processor's calendar decides when it can be audited (art. 9.1).
 */
@Path("/organisations/{organisation}/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"controller", "processor"})
@Tag(name = "Working calendar")
@SecurityRequirement(name = "bearer")
public class CalendarResource {

    /** The organisation as the tokens name it: the enterprise number's 10 digits, no BE, dots or spaces. */
    static final String ENTERPRISE_NUMBER = "^[01][0-9]{9}$";
    private static final String ORGANISATION = "The organisation's Belgian enterprise number as its tokens carry it: 10 digits "
            + "(e.g. ESN 0428304785, Opwijk 0207511803); an organisation that never set a calendar has the defaults";

    @Inject
    OrganisationCalendars calendars;

    @Inject
    CallerProvider callers;

    @Inject
    Clock clock;

    @GET
    @Operation(operationId = "getCalendar", summary = "The organisation's closing days and office hours (defaults when never set)")
    public Uni<OrganisationCalendars.Settings> get(@PathParam("organisation") @Parameter(description = ORGANISATION,
            schema = @Schema(type = SchemaType.STRING, pattern = ENTERPRISE_NUMBER, example = "0428304785")) String organisation) {
        return calendars.settings(organisation);
    }

    @PUT
    @Operation(operationId = "setCalendar", summary = "Set your own organisation's calendar: Flemish public body (closed 11 July), closing days (recurring --MM-DD or once), office hours")
    @APIResponse(responseCode = "200", description = "The calendar as saved", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OrganisationCalendars.Settings.class)))
    @APIResponse(responseCode = "403", description = "own-calendar-only", content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<OrganisationCalendars.Settings> put(@PathParam("organisation") @Parameter(description = ORGANISATION,
            schema = @Schema(type = SchemaType.STRING, pattern = ENTERPRISE_NUMBER, example = "0428304785")) String organisation, Requests.CalendarRequest body) {
        RequestSupport.requireBody(body);
        Caller caller = callers.current();
        if (!organisation.equals(caller.organisation())) {
            throw new HttpProblem(403, "own-calendar-only", "Only your own calendar", "An organisation sets only its own calendar");
        }
        List<ClosingDay> days = new ArrayList<>();
        List<Requests.ClosingDayRequest> input = body.closingDays() == null ? List.of() : body.closingDays();
        for (int i = 0; i < input.size(); i++) {
            Requests.ClosingDayRequest d = input.get(i);
            String field = "closingDays[" + i + "]";
            if (d == null || d.name() == null || d.name().isBlank()) {
                throw invalid(field + ".name", "is required");
            }
            if ((d.recurring() == null) == (d.once() == null)) {
                throw invalid(field, "give either recurring (--MM-DD) or once (a date)");
            }
            try {
                days.add(d.once() != null ? ClosingDay.once(d.name().trim(), d.once())
                        : ClosingDay.recurring(d.name().trim(), MonthDay.parse(d.recurring())));
            } catch (DateTimeParseException e) {
                throw invalid(field + ".recurring", "must look like --07-11");
            }
        }
        OfficeHours hours = OfficeHours.DEFAULT;
        if (body.officeHours() != null) {
            try {
                hours = new OfficeHours(LocalTime.parse(body.officeHours().start()), LocalTime.parse(body.officeHours().end()));
            } catch (DateTimeParseException | NullPointerException | IllegalArgumentException e) {
                throw invalid("officeHours", "start and end as HH:MM, start before end");
            }
        }
        OrganisationCalendars.Settings settings = new OrganisationCalendars.Settings(organisation,
                Boolean.TRUE.equals(body.flemishPublicBody()), List.copyOf(days), hours, caller.subject(), clock.instant());
        try {
            // DPA art. 9.1: audits take place on working days; a calendar closed on every one would make every audit impossible.
            OrganisationCalendars.calendar(settings, ZoneId.of("Europe/Brussels"))
                    .nextOpenDayOnOrAfter(LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Brussels")));
        } catch (IllegalStateException e) {
            throw invalid("closingDays", "leave at least one working day in the year (DPA art. 9.1: audits take place on working days)");
        }
        return calendars.save(settings);
    }

    private static HttpProblem invalid(String field, String message) {
        return new HttpProblem(400, "invalid-calendar", "Invalid calendar", field + ": " + message,
                Map.of("violations", List.of(Map.of("field", field, "message", message))));
    }
}
