package eu.dpaledger.subprocessor.infrastructure;

import eu.dpaledger.platform.eventstore.CloudEventTypes;
import eu.dpaledger.platform.contracts.SubprocessorChangePublished;
import eu.dpaledger.subprocessor.domain.announcement.AnnouncementEvent;
import eu.dpaledger.subprocessor.domain.change.ChangeEvent;
import eu.dpaledger.subprocessor.domain.proof.ProofEvent;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The published CloudEvent types of {@code dpa.subprocessors} ({@code eu.dpaledger.subprocessor.<Event>.v1}, and
 * {@code eu.dpaledger.subprocessorannouncement.<Event>.v1} for processor-wide announcements).
 */
public final class SubprocessorEventTypes {

    public static final String TOPIC = SubprocessorChangePublished.TOPIC;

    /** Events of sub-processor changes (they carry a {@code change} summary). */
    public static final Set<String> CHANGES = types(ChangeEvent.class);

    /** Flow-down proof requests and proofs (art. 6.4; they carry the {@code parties}). */
    public static final Set<String> PROOFS = types(ProofEvent.class);

    /** Processor-wide announcements ({@code eu.dpaledger.subprocessorannouncement.…}; they carry the processor only). */
    public static final Set<String> ANNOUNCEMENTS = types(AnnouncementBinding.STREAM_TYPE, AnnouncementEvent.class);

    public static final Set<String> ALL = Stream.of(CHANGES, PROOFS, ANNOUNCEMENTS).flatMap(Set::stream)
            .collect(Collectors.toUnmodifiableSet());

    private static Set<String> types(Class<?> sealed) {
        return types(ChangeBinding.STREAM_TYPE, sealed);
    }

    private static Set<String> types(String streamType, Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses())
                .map(c -> CloudEventTypes.of(streamType, c.getSimpleName(), 1))
                .collect(Collectors.toUnmodifiableSet());
    }

    private SubprocessorEventTypes() {
    }

    public static boolean isKnown(String ceType) {
        // An immutable set throws on contains(null); a null in a request's list is simply not a known type.
        return ceType != null && ALL.contains(ceType);
    }
}
