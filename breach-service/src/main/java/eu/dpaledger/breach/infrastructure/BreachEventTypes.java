package eu.dpaledger.breach.infrastructure;

import eu.dpaledger.breach.domain.breach.BreachEvent;
import eu.dpaledger.platform.contracts.BreachPublished;
import eu.dpaledger.platform.eventstore.CloudEventTypes;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The published CloudEvent types of {@code dpa.breaches} ({@code eu.dpaledger.breach.<Event>.v1}). */
public final class BreachEventTypes {

    public static final String TOPIC = BreachPublished.TOPIC;

    public static final Set<String> ALL = Arrays.stream(BreachEvent.class.getPermittedSubclasses())
            .map(c -> CloudEventTypes.of(BreachBinding.STREAM_TYPE, c.getSimpleName(), 1))
            .collect(Collectors.toUnmodifiableSet());

    private BreachEventTypes() {
    }

    public static boolean isKnown(String ceType) {
        return ALL.contains(ceType);
    }
}
