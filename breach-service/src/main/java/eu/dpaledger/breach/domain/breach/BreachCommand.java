package eu.dpaledger.breach.domain.breach;

import eu.dpaledger.breach.domain.Annex2;
import eu.dpaledger.breach.domain.Risk;
import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.AgreementFacts;

import java.time.Duration;
import java.time.Instant;

/** What can be asked of a breach. {@code at} is the server's time of the request. */
public sealed interface BreachCommand {

    /**
     * The processor reports a breach on annex 2 (art. 7.3), even with incomplete information, under the agreement
     * as the agreement directory knows it (parties, status, the controller's authority and time zone).
     */
    record Report(String breachId, AgreementFacts agreement, Annex2 report, Actor actor, Instant at) implements BreachCommand {
    }

    /** The processor adds or corrects fields (GDPR 33(4): information in phases); non-null fields are the changes. */
    record Supplement(Annex2 changes, Actor actor, Instant at) implements BreachCommand {
    }

    /** The controller states when it became aware, other than on receipt of the report, with a justification. */
    record SetControllerAwareness(Instant controllerAwareAt, String justification, Actor actor, Instant at)
            implements BreachCommand {
    }

    /** The controller's risk assessment (GDPR 33(1), 34(1)); the service's ENISA proposal is recorded with it. */
    record Assess(Risk risk, String justification, Actor actor, Instant at) implements BreachCommand {
    }

    /** The controller notified the supervisory authority (GDPR 33), possibly in phases. */
    record NotifyAuthority(String authority, Instant notifiedAt, String reference, Phase phase, String delayReasons,
                           Actor actor, Instant at) implements BreachCommand {
    }

    /**
     * The controller communicated the breach to the data subjects (GDPR 34), or records an art. 34(3) exemption:
     * (b) with the {@code measures} relied on (or annex 2's), (c) with the public communication made instead
     * ({@code communicatedAt}, {@code channel}).
     */
    record CommunicateToDataSubjects(Instant communicatedAt, String channel, Exemption exemption, String exemptionReason,
                                     String measures, Actor actor, Instant at) implements BreachCommand {
    }

    /**
     * The controller assesses a reported serious attempt (DPA art. 7.3): a breach ({@code breach} true; aware at
     * {@code controllerAwareAt}, by default now) or an attempt only.
     */
    record AssessAttempt(Boolean breach, Instant controllerAwareAt, String justification, Actor actor, Instant at)
            implements BreachCommand {
    }

    /** The scheduler's clock tick: warns before the 72-hour deadline and records when it was missed. Idempotent. */
    record Tick(Duration notificationWarning, Instant at) implements BreachCommand {
    }

    /** The phases of a notification to the authority (GDPR 33(4)). */
    enum Phase { INITIAL, PHASED, FINAL }

    /** GDPR 34(3): no communication to the data subjects is needed when … */
    enum Exemption {
        /** (a) the data was made unintelligible to anyone not authorised (e.g. encryption). */
        UNINTELLIGIBLE,
        /** (b) subsequent measures ensure the high risk is no longer likely to materialise. */
        RISK_NO_LONGER_LIKELY,
        /** (c) it would involve disproportionate effort: a public communication instead. */
        DISPROPORTIONATE_EFFORT
    }
}
