package eu.dpaledger.agreement.infrastructure;

import eu.dpaledger.agreement.domain.datasubjectrequest.DataSubjectRequest;
import eu.dpaledger.agreement.domain.disclosure.DisclosureRequest;
import eu.dpaledger.agreement.domain.instruction.Instruction;
import eu.dpaledger.platform.eventstore.CloudEventTypes;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Published types of the assistance aggregates on {@code dpa.agreements}. */
public final class AssistanceEventTypes {

    public static final Set<String> ALL = Stream.of(
                    types("instruction", Instruction.Event.class),
                    types("disclosurerequest", DisclosureRequest.Event.class),
                    types("datasubjectrequest", DataSubjectRequest.Event.class))
            .flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    private AssistanceEventTypes() {
    }

    private static Set<String> types(String streamType, Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses()).map(c -> CloudEventTypes.of(streamType, c.getSimpleName(), 1))
                .collect(Collectors.toUnmodifiableSet());
    }
}
