package eu.dpaledger.subprocessor.infrastructure;

import eu.dpaledger.platform.eventstore.CloudEventTypes;
import eu.dpaledger.subprocessor.domain.ChangeEvent;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The published CloudEvent types of {@code dpa.subprocessors} ({@code eu.dpaledger.subprocessor.<Event>.v1}). */
public final class SubprocessorEventTypes {

    public static final String TOPIC = "dpa.subprocessors";

    public static final Set<String> ALL = Arrays.stream(ChangeEvent.class.getPermittedSubclasses())
            .map(c -> CloudEventTypes.of(ChangeBinding.STREAM_TYPE, c.getSimpleName(), 1))
            .collect(Collectors.toUnmodifiableSet());

    private SubprocessorEventTypes() {
    }

    public static boolean isKnown(String ceType) {
        return ALL.contains(ceType);
    }

    public static String of(Class<? extends ChangeEvent> event) {
        return CloudEventTypes.of(ChangeBinding.STREAM_TYPE, event.getSimpleName(), 1);
    }
}
