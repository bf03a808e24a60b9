package eu.dpaledger.reporting.infrastructure.query;

import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import eu.dpaledger.reporting.domain.obligation.ObligationState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDateTime;

/** One legal obligation as a DPO sees it: whose move, by when (UTC and the agreement's zone), on which article, where it stands. */
public record ObligationView(
        @Schema(required = true, description = "'<source id>:<kind>'") String id,
        @Schema(required = true) ObligationKind kind,
        @Schema(required = true, format = "uuid") String agreementId,
        @Schema(required = true) Party controller,
        @Schema(required = true) Party processor,
        @Schema(required = true, description = "Whose move the obligation waits for") ObligationKind.ActingParty actingParty,
        @Schema(required = true, description = "Due instant, UTC") Instant dueAt,
        @Schema(required = true, description = "The due instant as local date-time in the agreement's time zone (timeZone)") LocalDateTime dueLocal,
        @Schema(required = true, description = "The agreement's time zone (IANA id)") String timeZone,
        @Schema(required = true, description = "The source of the clock, e.g. 'GDPR art. 33(1)'") String article,
        @Schema(required = true, description = "What it is about") String title,
        @Schema(required = true, description = "Computed at the time of the request with the organisation's due-soon setting") ObligationState state,
        @Schema(nullable = true, description = "When it was met; absent while open") Instant metAt,
        @Schema(required = true, description = "The resource in the owning service") String url) {
}
