package eu.dpaledger.reporting.infrastructure.projection;

import eu.dpaledger.reporting.domain.obligation.ObligationKind;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One obligation as a source event's state derives it, before it is merged with the stored row. The due instant is
 * {@code dueAt}, or the end of {@code dueOn} in the agreement's zone, or (both null) the stored row's: a row whose due
 * is known nowhere is not written. Party names and zone left null come from the agreement directory.
 *
 * @param progress    whether the state says the obligation is open, met (at {@code metAt}, or at the instant already
 *                    stored), or cannot tell (the stored value stands)
 * @param cancelledAt the instant its ground went (audit cancelled, change withdrawn); ignored once it was met
 */
public record ObligationRow(ObligationKind kind, String sourceType, String sourceId, long sourceVersion, String agreementId,
                            String controllerOrg, String controllerName, String processorOrg, String processorName,
                            String auditorOrg, Instant dueAt, LocalDate dueOn, String timeZone, String title,
                            Progress progress, Instant metAt, Instant cancelledAt, boolean controllerVisible,
                            String service, String resourcePath) {

    public enum Progress { OPEN, MET, UNCHANGED }

    public String obligationId() {
        return sourceId + ":" + kind.name();
    }

    /** The common part of the rows of one source stream; {@link #row} adds what differs per kind. */
    public record Source(String sourceType, String sourceId, long sourceVersion, String agreementId, String controllerOrg,
                         String controllerName, String processorOrg, String processorName, String auditorOrg, String timeZone,
                         String service, String resourcePath) {

        public Source(String sourceType, String sourceId, long sourceVersion, String agreementId, String controllerOrg,
                      String processorOrg, String timeZone, String service, String resourcePath) {
            this(sourceType, sourceId, sourceVersion, agreementId, controllerOrg, null, processorOrg, null, null, timeZone,
                    service, resourcePath);
        }

        public Source withNames(String controllerName, String processorName) {
            return new Source(sourceType, sourceId, sourceVersion, agreementId, controllerOrg, controllerName, processorOrg,
                    processorName, auditorOrg, timeZone, service, resourcePath);
        }

        public Source withAuditor(String auditorOrg) {
            return new Source(sourceType, sourceId, sourceVersion, agreementId, controllerOrg, controllerName, processorOrg,
                    processorName, auditorOrg, timeZone, service, resourcePath);
        }

        public ObligationRow open(ObligationKind kind, Instant dueAt, LocalDate dueOn, String title) {
            return row(kind, dueAt, dueOn, title, Progress.OPEN, null, null, true);
        }

        public ObligationRow met(ObligationKind kind, Instant dueAt, LocalDate dueOn, String title, Instant metAt) {
            return row(kind, dueAt, dueOn, title, Progress.MET, metAt, null, true);
        }

        public ObligationRow row(ObligationKind kind, Instant dueAt, LocalDate dueOn, String title, Progress progress, Instant metAt,
                                 Instant cancelledAt, boolean controllerVisible) {
            return new ObligationRow(kind, sourceType, sourceId, sourceVersion, agreementId, controllerOrg, controllerName,
                    processorOrg, processorName, auditorOrg, dueAt, dueOn, timeZone, title, progress, metAt, cancelledAt,
                    controllerVisible, service, resourcePath);
        }
    }
}
