package eu.dpaledger.breach.api;

import eu.dpaledger.breach.domain.breach.BreachCommand;
import eu.dpaledger.breach.domain.Risk;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** Request bodies of breach-service (the report and its supplements are {@link eu.dpaledger.breach.domain.Annex2}). */
final class Requests {

    private Requests() {
    }

    @Schema(example = "{\"controllerAwareAt\":\"2026-11-28T09:15:00Z\",\"justification\":\"The report went to a closed mailbox over the weekend; the DPO read it on Monday\"}")
    record AwarenessRequest(Instant controllerAwareAt, String justification) {
    }

    @Schema(example = "{\"risk\":\"RISK\",\"justification\":\"E-mail addresses of 1 200 residents copied; no sensitive data\"}")
    record AssessmentRequest(Risk risk, String justification) {
    }

    @Schema(example = "{\"notifiedAt\":\"2026-11-29T10:00:00Z\",\"reference\":\"VTC-2026-0042\",\"phase\":\"INITIAL\"}")
    record NotificationRequest(String authority, Instant notifiedAt, String reference, BreachCommand.Phase phase,
                               String delayReasons) {
    }

    /**
     * Informed ({@code at}, {@code channel}), or a GDPR 34(3) exemption with its reason: (b) with the {@code measures}
     * relied on (annex 2's when left out), (c) with the public communication made instead as {@code at} and {@code channel}.
     */
    @Schema(example = "{\"at\":\"2026-11-29T14:00:00Z\",\"channel\":\"Letter to every affected resident\"}")
    record CommunicationRequest(Instant at, String channel, BreachCommand.Exemption exemption, String exemptionReason,
                                String measures) {
    }

    /** The controller's assessment of a serious attempt (DPA art. 7.3): a breach ({@code controllerAwareAt} defaults to now) or not. */
    @Schema(example = "{\"breach\":true,\"justification\":\"The attacker's session reached the residents' files before it was blocked\"}")
    record AttemptAssessmentRequest(Boolean breach, Instant controllerAwareAt, String justification) {
    }
}
