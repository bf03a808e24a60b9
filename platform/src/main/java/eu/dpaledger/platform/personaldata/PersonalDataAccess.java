package eu.dpaledger.platform.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.eventstore.EventStore;
import eu.dpaledger.platform.eventstore.StoredEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A data subject's access to what this tool keeps of them (GDPR art. 15): every stored personal value sealed
 * with one of their keys, where it is (agreement, stream, event, field), since when, and until when it is kept.
 * A service asks its peers ({@code dpa.personal-data.peers}, their base URLs) with the administrator's token, so
 * one request answers for every service.
 */
@ApplicationScoped
public class PersonalDataAccess {

    private static final Duration PEER_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Inject
    PersonalDataKeys keys;

    @Inject
    PersonalData personalData;

    @Inject
    PersonalDataErasure erasure;

    @Inject
    ClosedAgreements closedAgreements;

    @Inject
    EventStore store;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @ConfigProperty(name = "dpa.service.name")
    String service;

    @ConfigProperty(name = "dpa.personal-data.peers")
    Optional<List<String>> peers;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PEER_TIMEOUT).build();

    public record Report(@Schema(required = true) String subject, @Schema(required = true) Instant generatedAt,
                         @Schema(required = true, description = "What each service keeps") List<ServiceReport> services,
                         @Schema(required = true, description = "Peers that did not answer: the report is incomplete while not empty") List<String> unreachable) {
    }

    public record ServiceReport(@Schema(required = true) String service, @Schema(required = true) List<Person> records) {
    }

    /**
     * The person as known within one agreement: the kinds of data, the names and addresses they are found by, and
     * each stored value. {@code retainUntil} is set once the agreement closed (docs/DOMAIN.md "Retention of personal data").
     */
    public record Person(@Schema(required = true) String keyId, @Schema(required = true) String agreementId,
                         @Schema(required = true) List<String> kinds, @Schema(required = true) List<String> identifiers,
                         @Schema(required = true) Instant since, Instant agreementClosedAt, Instant retainUntil,
                         @Schema(required = true) List<Value> values) {
    }

    /** One stored value: the event that holds it, the field (JSON pointer in the event's payload) and the value. */
    public record Value(@Schema(required = true) String streamId, @Schema(required = true) long version,
                        @Schema(required = true) String eventType, @Schema(required = true) Instant occurredAt,
                        @Schema(required = true) String field, @Schema(required = true) String value) {
    }

    public Uni<Report> report(String identifier, boolean askPeers, String authorization) {
        String subject = PersonalFields.normalise(identifier);
        Uni<ServiceReport> own = pool.withConnection(c -> local(c, subject));
        Uni<List<Object>> others = askPeers && peers.isPresent() && !peers.get().isEmpty()
                ? Multi.createFrom().iterable(peers.get()).onItem().transformToUniAndConcatenate(p -> peer(p, identifier, authorization))
                        .collect().asList()
                : Uni.createFrom().item(List.of());
        return Uni.combine().all().unis(own, others).asTuple().map(t -> {
            List<ServiceReport> services = new ArrayList<>(List.of(t.getItem1()));
            List<String> unreachable = new ArrayList<>();
            for (Object o : t.getItem2()) {
                if (o instanceof Report r) {
                    services.addAll(r.services());
                    unreachable.addAll(r.unreachable());
                } else {
                    unreachable.add((String) o);
                }
            }
            return new Report(identifier, clock.instant(), services, unreachable);
        });
    }

    private Uni<ServiceReport> local(SqlClient c, String subject) {
        return keys.bySubject(c, subject, null, false).flatMap(found -> closedAgreements.closedAt(c).flatMap(closed ->
                Multi.createFrom().iterable(found).onItem().transformToUniAndConcatenate(k -> person(c, k, closed.get(k.scope())))
                        .collect().asList()
                        .map(people -> new ServiceReport(service, people))));
    }

    private Uni<Person> person(SqlClient c, PersonalDataKeys.KeyInfo key, Instant closedAt) {
        return Multi.createFrom().iterable(key.streams()).onItem().transformToUniAndConcatenate(s -> store.load(c, s))
                .collect().asList()
                .flatMap(streams -> {
                    List<StoredEvent> events = streams.stream().flatMap(List::stream).toList();
                    return personalData.revealer(c, events.stream().map(StoredEvent::payload).toList()).map(revealer -> {
                        List<Value> values = new ArrayList<>();
                        for (StoredEvent e : events) {
                            for (Map.Entry<String, SealedValue> t : PersonalData.tokensOf(e.payload(), key.keyId()).entrySet()) {
                                values.add(new Value(e.streamId(), e.version(), e.type(), e.occurredAt(), t.getKey(),
                                        revealer.reveal(t.getValue().token())));
                            }
                        }
                        return new Person(key.keyId().toString(), key.scope(), key.kinds(), key.identifiers(), key.createdAt(),
                                closedAt, closedAt == null ? null : erasure.retainUntil(closedAt, key.kinds()), values);
                    });
                });
    }

    /** A peer's report, or the peer's URL when it did not answer with one. */
    private Uni<Object> peer(String baseUrl, String identifier, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "")
                        + "/admin/personal-data?local=true&subject=" + URLEncoder.encode(identifier, StandardCharsets.UTF_8)))
                .timeout(PEER_TIMEOUT).header("Accept", "application/json").GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return Uni.createFrom().completionStage(() -> http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()))
                .map(response -> {
                    if (response.statusCode() != 200) {
                        return (Object) (baseUrl + " (HTTP " + response.statusCode() + ")");
                    }
                    try {
                        JsonNode body = mapper.readTree(response.body());
                        return (Object) mapper.treeToValue(body, Report.class);
                    } catch (Exception e) {
                        return (Object) (baseUrl + " (unreadable answer)");
                    }
                })
                .onFailure().recoverWithItem(f -> baseUrl + " (" + f.getClass().getSimpleName() + ")");
    }
}
