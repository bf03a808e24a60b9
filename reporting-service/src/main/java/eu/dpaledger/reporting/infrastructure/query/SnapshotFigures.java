package eu.dpaledger.reporting.infrastructure.query;

import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One organisation's figures of one day, as one role of it sees them (a snapshot keeps one per role, so that a
 * caller's trend shows only what its roles show it today).
 */
public record SnapshotFigures(
        @Schema(required = true) long openObligations,
        @Schema(required = true) long overdueObligations,
        @Schema(required = true) Map<ObligationKind, Long> openByKind,
        @Schema(required = true) Map<ObligationKind, Long> overdueByKind,
        @Schema(required = true, description = "Breaches recorded so far") long breaches,
        @Schema(required = true, description = "Authority notifications owed, deadline running (GDPR art. 33(1))") long notificationsOpen,
        @Schema(required = true, description = "Authority notifications owed past the 72 hours") long notificationsOverdue,
        @Schema(required = true, description = "Findings of audits not yet closed") long openFindings,
        @Schema(required = true) Map<String, Long> agreementsByStatus) {

    public static final SnapshotFigures EMPTY = new SnapshotFigures(0, 0, Map.of(), Map.of(), 0, 0, 0, 0, Map.of());

    /** The sum of two roles' figures. */
    public SnapshotFigures plus(SnapshotFigures other) {
        return new SnapshotFigures(openObligations + other.openObligations, overdueObligations + other.overdueObligations,
                sum(openByKind, other.openByKind, ObligationKind.class), sum(overdueByKind, other.overdueByKind, ObligationKind.class),
                breaches + other.breaches, notificationsOpen + other.notificationsOpen, notificationsOverdue + other.notificationsOverdue,
                openFindings + other.openFindings, sum(agreementsByStatus, other.agreementsByStatus));
    }

    private static <K extends Enum<K>> Map<K, Long> sum(Map<K, Long> a, Map<K, Long> b, Class<K> type) {
        Map<K, Long> out = new EnumMap<>(type);
        out.putAll(a);
        b.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }

    private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new LinkedHashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }
}
