package eu.dpaledger.audit.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import eu.dpaledger.platform.time.ClosingDay;
import eu.dpaledger.platform.time.OfficeHours;
import eu.dpaledger.platform.time.WorkingCalendar;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each organisation's working calendar: Belgian public holidays, plus 11 July for a Flemish public body,
 * plus its own closing days (recurring {@code --07-11} or once {@code 2027-12-24}), and its office hours
 * (default 09:00–17:00). The processor's calendar governs when it can be audited (art. 9.1).
 */
@ApplicationScoped
public class OrganisationCalendars {

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    /** An organisation's settings as stored and shown. */
    public record Settings(@Schema(required = true, example = "0428304785") String organisation,
                           @Schema(required = true, description = "Closed on 11 July (Flemish public body)") boolean flemishPublicBody,
                           @Schema(required = true) List<ClosingDay> closingDays,
                           @Schema(required = true) OfficeHours officeHours,
                           @Schema(nullable = true, description = "Null while the defaults apply") String updatedBy,
                           @Schema(nullable = true) Instant updatedAt) {
    }

    public static Settings defaults(String organisation) {
        return new Settings(organisation, false, List.of(), OfficeHours.DEFAULT, null, null);
    }

    public Uni<Settings> settings(String organisation) {
        return pool.preparedQuery("SELECT organisation, flemish_public_body, closing_days::text AS closing_days, office_start, "
                        + "office_end, updated_by, updated_at FROM organisation_calendars WHERE organisation = $1").execute(Tuple.of(organisation))
                .map(rows -> rows.iterator().hasNext() ? settings(rows.iterator().next()) : defaults(organisation));
    }

    /** The organisation's working calendar in {@code zone}. */
    public Uni<WorkingCalendar> calendar(String organisation, ZoneId zone) {
        return settings(organisation).map(s -> calendar(s, zone));
    }

    public static WorkingCalendar calendar(Settings s, ZoneId zone) {
        WorkingCalendar base = s.flemishPublicBody() ? WorkingCalendar.flemishPublicBody(zone) : WorkingCalendar.belgium(zone);
        return base.plusClosingDays(s.closingDays()).withOfficeHours(s.officeHours());
    }

    public Uni<Settings> save(Settings s) {
        ArrayNode days = mapper.createArrayNode();
        for (ClosingDay d : s.closingDays()) {
            days.addObject().put("name", d.name()).put("recurring", d.recurring() == null ? null : d.recurring().toString())
                    .put("once", d.once() == null ? null : d.once().toString());
        }
        return pool.preparedQuery("INSERT INTO organisation_calendars (organisation, flemish_public_body, closing_days, office_start, "
                        + "office_end, updated_by, updated_at) VALUES ($1, $2, $3::text::jsonb, $4, $5, $6, $7) "
                        + "ON CONFLICT (organisation) DO UPDATE SET flemish_public_body = excluded.flemish_public_body, "
                        + "closing_days = excluded.closing_days, office_start = excluded.office_start, "
                        + "office_end = excluded.office_end, updated_by = excluded.updated_by, updated_at = excluded.updated_at")
                .execute(Tuple.tuple(List.of(s.organisation(), s.flemishPublicBody(), days.toString(), s.officeHours().start(),
                        s.officeHours().end(), s.updatedBy(), s.updatedAt().atOffset(ZoneOffset.UTC))))
                .replaceWith(s);
    }

    private Settings settings(Row r) {
        List<ClosingDay> days = new ArrayList<>();
        try {
            for (JsonNode d : mapper.readTree(r.getString("closing_days"))) {
                days.add(d.hasNonNull("recurring") ? ClosingDay.recurring(d.get("name").asText(), MonthDay.parse(d.get("recurring").asText()))
                        : ClosingDay.once(d.get("name").asText(), LocalDate.parse(d.get("once").asText())));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("closing days unreadable", e);
        }
        return new Settings(r.getString("organisation"), r.getBoolean("flemish_public_body"), days,
                new OfficeHours(r.getLocalTime("office_start"), r.getLocalTime("office_end")), r.getString("updated_by"),
                Optional.ofNullable(r.getOffsetDateTime("updated_at")).map(o -> o.toInstant()).orElse(null));
    }
}
