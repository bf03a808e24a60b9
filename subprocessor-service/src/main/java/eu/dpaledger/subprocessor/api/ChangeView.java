package eu.dpaledger.subprocessor.api;

import eu.dpaledger.subprocessor.domain.change.ChangeClocks;
import eu.dpaledger.subprocessor.domain.change.ChangeRecord;
import eu.dpaledger.subprocessor.domain.change.ChangeStatus;
import eu.dpaledger.subprocessor.domain.change.Objection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A change as either party sees it: what it changes, where it stands, and every deadline. */
record ChangeView(String id, String agreementId, long version, String kind, Object subprocessor, String replaces,
                  LocalDate intendedFrom, String reason, String status, String supersedes, String supersededBy,
                  Instant announcedAt, String announcedBy, Map<String, Object> deadlines, Map<String, Object> objection,
                  Map<String, Object> acceptance, Instant effectiveAt, Map<String, Object> closure) {

    static ChangeView of(ChangeRecord c, long version, Instant now) {
        Map<String, Object> deadlines = new LinkedHashMap<>();
        deadlines.put("timeZone", c.zone().getId());
        if (c.objectionWindowEndsAt() != null) {
            deadlines.put("objectionWindowEndsAt", c.objectionWindowEndsAt());
            deadlines.put("objectionWindowLastDay", ChangeClocks.dateOf(c.objectionWindowEndsAt().minusNanos(1), c.zone()));
            deadlines.put("objectionWindowOpen", c.status() == ChangeStatus.ANNOUNCED && now.isBefore(c.objectionWindowEndsAt()));
        }
        deadlines.put("takesEffectOn", c.intendedFrom());
        Objection o = c.objection();
        if (o != null) {
            deadlines.put("negotiationEndsOn", o.negotiationEndsOn());
            deadlines.put("terminationRightFrom", o.terminationRightFrom());
            deadlines.put("terminationRightGrantedAt", o.terminationRightGrantedAt());
            deadlines.put("terminationRightLapsedAt", o.terminationRightLapsedAt());
        }
        Map<String, Object> objection = null;
        if (o != null) {
            objection = new LinkedHashMap<>();
            objection.put("grounds", o.grounds());
            objection.put("objectedBy", o.objectedBy());
            objection.put("receivedByProcessorAt", o.receivedAt());
            objection.put("withdrawnAt", o.withdrawnAt());
            objection.put("withdrawalReason", o.withdrawalReason());
            objection.put("withdrawnBy", o.withdrawnBy());
            objection.put("terminationRightLapseReason", o.lapseReason() == null ? null : o.lapseReason().name());
        }
        Map<String, Object> acceptance = null;
        if (c.acceptanceBasis() != null) {
            acceptance = new LinkedHashMap<>();
            acceptance.put("basis", c.acceptanceBasis().name());
            acceptance.put("at", c.acceptedAt());
        }
        Map<String, Object> closure = null;
        if (c.closure() != null) {
            closure = new LinkedHashMap<>();
            closure.put("reason", c.closure().reason());
            closure.put("by", c.closure().by());
            closure.put("at", c.closure().at());
        }
        return new ChangeView(c.changeId(), c.agreementId(), version, c.kind().name(), c.subprocessor(), c.replaces(),
                c.intendedFrom(), c.reason(), c.status().name(), c.supersedes(),
                c.closure() == null ? null : c.closure().alternativeChangeId(), c.announcedAt(), c.announcedBy(), deadlines,
                objection, acceptance, c.effectiveAt(), closure);
    }
}
