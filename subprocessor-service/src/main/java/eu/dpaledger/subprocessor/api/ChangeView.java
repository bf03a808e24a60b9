package eu.dpaledger.subprocessor.api;

import eu.dpaledger.subprocessor.domain.SubprocessorDetails;
import eu.dpaledger.subprocessor.domain.change.AcceptanceBasis;
import eu.dpaledger.subprocessor.domain.change.ChangeClocks;
import eu.dpaledger.subprocessor.domain.change.ChangeKind;
import eu.dpaledger.subprocessor.domain.change.ChangeRecord;
import eu.dpaledger.subprocessor.domain.change.ChangeStatus;
import eu.dpaledger.subprocessor.domain.change.LapseReason;
import eu.dpaledger.subprocessor.domain.change.Objection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

/** A change as either party sees it: what it changes, where it stands, and every deadline. */
@Schema(name = "ChangeView", description = "A sub-processor change notice (art. 6.1) with its state and every deadline")
record ChangeView(
        @Schema(required = true, format = "uuid") String id,
        @Schema(required = true) String agreementId,
        @Schema(required = true, description = "The stream version; the ETag of the change") long version,
        @Schema(required = true) ChangeKind kind,
        @Schema(required = true) SubprocessorDetails subprocessor,
        @Schema(description = "For REPLACE: the engaged sub-processor it replaces", nullable = true) String replaces,
        @Schema(required = true) LocalDate intendedFrom,
        @Schema(nullable = true) String reason,
        @Schema(required = true) ChangeStatus status,
        @Schema(format = "uuid", nullable = true, description = "The change this one is the alternative to") String supersedes,
        @Schema(format = "uuid", nullable = true, description = "The alternative that superseded this change") String supersededBy,
        @Schema(format = "uuid", nullable = true, description = "The processor-wide announcement this notice was issued for "
                + "(GET /subprocessor-announcements/{id}, the processor's); absent for a notice announced on its own") String announcementId,
        @Schema(required = true) Instant announcedAt,
        @Schema(required = true) String announcedBy,
        @Schema(required = true) Deadlines deadlines,
        @Schema(nullable = true, description = "The controller's objection, once raised") ObjectionView objection,
        @Schema(nullable = true, description = "On what basis the change was accepted, once it is") Acceptance acceptance,
        @Schema(nullable = true) Instant effectiveAt,
        @Schema(nullable = true, description = "How the change stopped without taking effect, if it did") Closure closure) {

    /** Every date and instant that matters for the change, in the agreement's time zone where a day counts. */
    @Schema(name = "ChangeDeadlines")
    record Deadlines(
            @Schema(required = true, example = "Europe/Brussels") String timeZone,
            @Schema(nullable = true, description = "Exclusive end of the objection window (absent for REMOVE)") Instant objectionWindowEndsAt,
            @Schema(nullable = true, description = "The window's last day in the agreement's time zone") LocalDate objectionWindowLastDay,
            @Schema(nullable = true, description = "Whether the controller may still object now") Boolean objectionWindowOpen,
            @Schema(required = true) LocalDate takesEffectOn,
            @Schema(nullable = true, description = "Last day of the 3-month negotiation after an objection (art. 6.2)") LocalDate negotiationEndsOn,
            @Schema(nullable = true, description = "First instant the controller may terminate if still unresolved (art. 6.2)") Instant terminationRightFrom,
            @Schema(nullable = true) Instant terminationRightGrantedAt,
            @Schema(nullable = true) Instant terminationRightLapsedAt) {
    }

    /** The controller's objection and how it stands. */
    @Schema(name = "ChangeObjection")
    record ObjectionView(
            @Schema(required = true) String grounds,
            @Schema(required = true) String objectedBy,
            @Schema(required = true, description = "When the processor received it: when it was recorded") Instant receivedByProcessorAt,
            @Schema(nullable = true) Instant withdrawnAt,
            @Schema(nullable = true) String withdrawalReason,
            @Schema(nullable = true) String withdrawnBy,
            @Schema(nullable = true) LapseReason terminationRightLapseReason) {
    }

    @Schema(name = "ChangeAcceptance")
    record Acceptance(
            @Schema(required = true) AcceptanceBasis basis,
            @Schema(required = true) Instant at) {
    }

    @Schema(name = "ChangeClosure")
    record Closure(@Schema(nullable = true) String reason, @Schema(required = true) String by, @Schema(required = true) Instant at) {
    }

    static ChangeView of(ChangeRecord c, long version, Instant now) {
        Objection o = c.objection();
        boolean window = c.objectionWindowEndsAt() != null;
        Deadlines deadlines = new Deadlines(c.zone().getId(),
                window ? c.objectionWindowEndsAt() : null,
                window ? ChangeClocks.dateOf(c.objectionWindowEndsAt().minusNanos(1), c.zone()) : null,
                window ? c.status() == ChangeStatus.ANNOUNCED && now.isBefore(c.objectionWindowEndsAt()) : null,
                c.intendedFrom(),
                o == null ? null : o.negotiationEndsOn(),
                o == null ? null : o.terminationRightFrom(),
                o == null ? null : o.terminationRightGrantedAt(),
                o == null ? null : o.terminationRightLapsedAt());
        ObjectionView objection = o == null ? null : new ObjectionView(o.grounds(), o.objectedBy(), o.receivedAt(), o.withdrawnAt(),
                o.withdrawalReason(), o.withdrawnBy(), o.lapseReason());
        Acceptance acceptance = c.acceptanceBasis() == null ? null : new Acceptance(c.acceptanceBasis(), c.acceptedAt());
        Closure closure = c.closure() == null ? null : new Closure(c.closure().reason(), c.closure().by(), c.closure().at());
        return new ChangeView(c.changeId(), c.agreementId(), version, c.kind(), c.subprocessor(), c.replaces(),
                c.intendedFrom(), c.reason(), c.status(), c.supersedes(),
                c.closure() == null ? null : c.closure().alternativeChangeId(), c.announcementId(), c.announcedAt(), c.announcedBy(), deadlines,
                objection, acceptance, c.effectiveAt(), closure);
    }
}
