package eu.dpaledger.audit.infrastructure;

import eu.dpaledger.audit.domain.assistance.AssistanceRequest;
import eu.dpaledger.audit.domain.audit.AuditEvent;
import eu.dpaledger.audit.domain.evidence.EvidenceItem;
import eu.dpaledger.audit.domain.request.InformationRequest;
import eu.dpaledger.platform.contracts.AuditPublished;
import eu.dpaledger.platform.eventstore.CloudEventTypes;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The published CloudEvent types of {@code dpa.audits}: audits, information requests, requests for assistance and evidence items. */
public final class AuditEventTypes {

    public static final String TOPIC = AuditPublished.TOPIC;
    public static final Set<String> AUDITS = types(AuditBinding.STREAM_TYPE, AuditEvent.class);
    public static final Set<String> REQUESTS = types(RequestBinding.STREAM_TYPE, InformationRequest.Event.class);
    public static final Set<String> ASSISTANCE = types(AssistanceBinding.STREAM_TYPE, AssistanceRequest.Event.class);
    public static final Set<String> EVIDENCE = types(EvidenceBinding.STREAM_TYPE, EvidenceItem.Event.class);
    public static final Set<String> ALL = Stream.of(AUDITS, REQUESTS, ASSISTANCE, EVIDENCE).flatMap(Set::stream)
            .collect(Collectors.toUnmodifiableSet());

    private AuditEventTypes() {
    }

    private static Set<String> types(String streamType, Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses()).map(c -> CloudEventTypes.of(streamType, c.getSimpleName(), 1))
                .collect(Collectors.toUnmodifiableSet());
    }
}
