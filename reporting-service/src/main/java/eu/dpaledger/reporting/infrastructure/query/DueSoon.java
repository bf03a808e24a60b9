package eu.dpaledger.reporting.infrastructure.query;

import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;

/**
 * An organisation's "due soon" setting: days before the due instant for the day clocks, hours for the hour clocks
 * (the breach clocks and data subject forwarding, {@link ObligationKind.Clock#HOURS}).
 */
@Schema(name = "Settings", description = "When an open obligation counts as due soon, for the caller's organisation")
public record DueSoon(
        @Schema(required = true, minimum = "1", maximum = "90", description = "Days before the due instant, for the day clocks (default 7)")
        int dueSoonDays,
        @Schema(required = true, minimum = "1", maximum = "72", description = "Hours before the due instant, for the hour clocks: the breach clocks and data subject forwarding (default 12)")
        int breachDueSoonHours) {

    public static final DueSoon DEFAULT = new DueSoon(7, 12);

    /** The warning period of {@code kind}. */
    public Duration of(ObligationKind kind) {
        return kind.clock() == ObligationKind.Clock.HOURS ? Duration.ofHours(breachDueSoonHours) : Duration.ofDays(dueSoonDays);
    }

    /** The instant up to which an open obligation of an hours clock due after {@code now} is due soon. */
    Instant hoursHorizon(Instant now) {
        return now.plus(Duration.ofHours(breachDueSoonHours));
    }

    /** The same for the day clocks. */
    Instant daysHorizon(Instant now) {
        return now.plus(Duration.ofDays(dueSoonDays));
    }
}
