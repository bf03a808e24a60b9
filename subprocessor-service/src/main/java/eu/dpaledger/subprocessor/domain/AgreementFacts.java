package eu.dpaledger.subprocessor.domain;

import java.time.ZoneId;
import java.util.Set;

/**
 * What a change needs to know of its agreement, from the read model of {@code dpa.agreements} and the
 * registry: parties, status, the objection window it set (art. 6.1), its time zone, and the keys of
 * the sub-processors engaged now.
 */
public record AgreementFacts(String agreementId, String status, String controllerOrg, String processorOrg,
                             int objectionDays, ZoneId zone, Set<String> engagedKeys) {

    public static final String ACTIVE = "ACTIVE";

    public AgreementFacts {
        engagedKeys = engagedKeys == null ? Set.of() : Set.copyOf(engagedKeys);
    }

    public boolean isParty(String organisation) {
        return controllerOrg.equals(organisation) || processorOrg.equals(organisation);
    }
}
