package eu.dpaledger.agreement.infrastructure;

import eu.dpaledger.agreement.domain.agreement.AgreementEvent;
import eu.dpaledger.platform.eventstore.CloudEventTypes;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The published CloudEvent types of agreement events ({@code eu.dpaledger.agreement.<Event>.v1}). */
public final class AgreementEventTypes {

    public static final Set<String> ALL = Arrays.stream(AgreementEvent.class.getPermittedSubclasses())
            .map(c -> CloudEventTypes.of("agreement", c.getSimpleName(), 1))
            .collect(Collectors.toUnmodifiableSet());

    private AgreementEventTypes() {
    }

    public static boolean isKnown(String ceType) {
        return ALL.contains(ceType);
    }
}
