package eu.dpaledger.platform.personaldata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.platform.command.CommandExecutor;
import eu.dpaledger.platform.contracts.PersonalDataErasedPublished;
import eu.dpaledger.platform.eventstore.EventMetadata;
import eu.dpaledger.platform.eventstore.EventStore;
import eu.dpaledger.platform.eventstore.StoredEvent;
import eu.dpaledger.platform.domain.RuleSources;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.outbox.OutboxRelay;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Erasure of personal data by destroying keys (docs/ARCHITECTURE.md "Personal data"): on an administrator's
 * request with its reason and legal ground (GDPR art. 17), or by the retention run once an agreement has been
 * closed longer than the retention of a kind of data (GDPR art. 5(1)(e)); never while a legal hold applies
 * (GDPR art. 17(3)(e)). Each erasure is recorded as a {@code PersonalDataErased} event of its own stream
 * (type {@code personaldata}), which names the keys, agreements and kinds, never a value.
 */
@ApplicationScoped
public class PersonalDataErasure {

    private static final Logger LOG = Logger.getLogger(PersonalDataErasure.class);
    public static final String STREAM_TYPE = "personaldata";
    public static final String EVENT_TYPE = "PersonalDataErased";
    /** The legal ground a retention run records. */
    public static final String RETENTION_GROUND = "GDPR art. 5(1)(e)";
    /** The rule of the 410 a retried request gets once its stored reply was erased. */
    static final String REPLY_ERASED = "reply-erased";

    @Inject
    Pool pool;

    @Inject
    PersonalDataKeys keys;

    @Inject
    PersonalData personalData;

    @Inject
    EventStore store;

    @Inject
    CommandExecutor commands;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    ClosedAgreements closedAgreements;

    @Inject
    Config config;

    @Inject
    ServiceHolds serviceHolds;

    @ConfigProperty(name = "dpa.service.name")
    String service;

    @ConfigProperty(name = "dpa.personal-data.retention.default", defaultValue = "P10Y")
    Period defaultRetention;

    /** One erasure as recorded: which keys, of which agreements and kinds, when, why, on what ground. */
    public record Erasure(UUID erasureId, String trigger, String reason, String legalGround, Instant erasedAt,
                          String erasedBy, List<ErasedKey> keys) {
    }

    public record ErasedKey(UUID keyId, String agreementId, List<String> kinds, List<String> streams) {
    }

    /** A legal hold on an agreement (GDPR art. 17(3)(e)). */
    public record Hold(String agreementId, String source, String reference, String reason, Instant since) {
    }

    /**
     * Erases a person (found by name or e-mail address), in every agreement or in one: 404 when this service
     * holds nothing of them, 409 {@code legal-hold} while one of those agreements is held.
     */
    public Uni<Erasure> erase(String identifier, String agreementId, String reason, String legalGround, String by) {
        String subject = PersonalFields.normalise(identifier);
        return pool.withTransaction(tx -> keys.bySubject(tx, subject, agreementId, true)
                        .flatMap(found -> {
                            if (found.isEmpty()) {
                                throw HttpProblem.notFound("Personal data of this person");
                            }
                            return holds(tx, scopes(found)).flatMap(holds -> {
                                if (!holds.isEmpty()) {
                                    throw new HttpProblem(409, "legal-hold", "Legal hold",
                                            "Not erased: " + String.join("; ", holds.stream().map(Hold::reason).toList())
                                                    + ". Data needed for the establishment, exercise or defence of legal claims"
                                                    + " are kept while it lasts (GDPR art. 17(3)(e)).",
                                            Map.of("holds", holds));
                                }
                                return destroy(tx, found, "REQUEST", reason, legalGround, by);
                            });
                        }))
                .invoke(this::erased);
    }

    /**
     * Erases every key whose retention has passed: the agreement it belongs to closed longer ago than the
     * retention of the key's kind (the longest, for a person with several), and no legal hold applies. One
     * erasure per agreement.
     */
    public Uni<List<Erasure>> runRetention() {
        Instant now = clock.instant();
        return pool.withConnection(c -> closedAgreements.closedAt(c).flatMap(closed -> keys.inScopes(c, closed.keySet())
                        .flatMap(live -> {
                            Map<String, List<PersonalDataKeys.KeyInfo>> due = new TreeMap<>();
                            for (PersonalDataKeys.KeyInfo k : live) {
                                if (!retainUntil(closed.get(k.scope()), k.kinds()).isAfter(now)) {
                                    due.computeIfAbsent(k.scope(), s -> new ArrayList<>()).add(k);
                                }
                            }
                            return holds(c, due.keySet()).map(holds -> {
                                holds.forEach(h -> due.remove(h.agreementId()));
                                return due;
                            });
                        })))
                // One transaction per agreement: one that cannot be erased now does not hold the others back.
                .flatMap(due -> Multi.createFrom().iterable(due.entrySet())
                        .onItem().transformToUniAndConcatenate(agreement -> pool.withTransaction(tx -> holds(tx, Set.of(agreement.getKey()))
                                        .flatMap(holds -> holds.isEmpty()
                                                ? destroy(tx, agreement.getValue(), "RETENTION",
                                                        "the retention of this personal data after the agreement closed has passed",
                                                        RETENTION_GROUND, "system:retention")
                                                : Uni.createFrom().nullItem()))
                                .onFailure().invoke(f -> LOG.warnf(f, "Retention: the personal data of agreement %s could not be erased now",
                                        agreement.getKey()))
                                .onFailure().recoverWithNull())
                        .filter(java.util.Objects::nonNull)
                        .collect().asList())
                .invoke(done -> {
                    if (!done.isEmpty()) {
                        LOG.infof("Retention run erased the personal data of %d agreement(s)", done.size());
                        erased(null);
                    }
                });
    }

    /** When personal data of these kinds in an agreement closed at {@code closedAt} are due for erasure. */
    public Instant retainUntil(Instant closedAt, List<String> kinds) {
        Instant until = closedAt;
        for (String kind : kinds) {
            Instant candidate = closedAt.atOffset(ZoneOffset.UTC).plus(retention(kind)).toInstant();
            until = candidate.isAfter(until) ? candidate : until;
        }
        return until;
    }

    /** The retention of a kind of personal data after the agreement closed (docs/DOMAIN.md "Retention of personal data"). */
    public Period retention(String kind) {
        return config.getOptionalValue("dpa.personal-data.retention.kind." + kind, Period.class).orElse(defaultRetention);
    }

    /** The legal holds on these agreements: from breach and audit events, and the service's own. */
    public Uni<List<Hold>> holds(SqlClient client, Set<String> agreementIds) {
        if (agreementIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return fedHolds(client, agreementIds).flatMap(fed -> serviceHolds.holds(client, agreementIds).map(own -> {
            List<Hold> all = new ArrayList<>(fed);
            all.addAll(own);
            return all;
        }));
    }

    private Uni<List<Hold>> fedHolds(SqlClient client, Set<String> agreementIds) {
        return client.preparedQuery("SELECT scope, source, reference, reason, since FROM legal_holds WHERE scope = ANY($1) "
                        + "ORDER BY scope, since")
                .execute(Tuple.of(agreementIds.toArray(String[]::new)))
                .map(rows -> {
                    List<Hold> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Hold(r.getString("scope"), r.getString("source"), r.getString("reference"),
                                r.getString("reason"), r.getOffsetDateTime("since").toInstant()));
                    }
                    return out;
                });
    }

    private Uni<Erasure> destroy(SqlClient tx, List<PersonalDataKeys.KeyInfo> found, String trigger, String reason,
                                 String legalGround, String by) {
        UUID erasureId = UUID.randomUUID();
        Instant at = clock.instant();
        Set<UUID> ids = new LinkedHashSet<>(found.stream().map(PersonalDataKeys.KeyInfo::keyId).toList());
        Set<String> streams = new LinkedHashSet<>();
        found.forEach(k -> streams.addAll(k.streams()));
        Erasure erasure = new Erasure(erasureId, trigger, reason, legalGround, at, by, found.stream()
                .map(k -> new ErasedKey(k.keyId(), k.scope(), k.kinds(), k.streams())).toList());
        return clearValues(tx, streams, ids)
                .invoke(values -> requireNoValueIn(values, reason, "reason"))
                .invoke(values -> requireNoValueIn(values, legalGround, "legalGround"))
                .flatMap(values -> forgetResponses(tx, values, streams))
                .flatMap(x -> keys.destroy(tx, ids, erasureId, at, reason, legalGround))
                .flatMap(x -> record(tx, erasure))
                .replaceWith(erasure);
    }

    /** The clear values sealed with these keys, read before they are destroyed. */
    private Uni<Set<String>> clearValues(SqlClient tx, Set<String> streams, Set<UUID> ids) {
        return Multi.createFrom().iterable(streams)
                .onItem().transformToUniAndConcatenate(s -> store.load(tx, s))
                .collect().asList()
                .flatMap(loaded -> {
                    List<JsonNode> payloads = loaded.stream().flatMap(List::stream).map(StoredEvent::payload).toList();
                    return personalData.revealer(tx, payloads).map(revealer -> {
                        Set<String> values = new LinkedHashSet<>();
                        for (JsonNode p : payloads) {
                            PersonalData.tokens(p, t -> {
                                if (ids.contains(t.keyId())) {
                                    values.add(revealer.reveal(t.token()));
                                }
                            });
                        }
                        return values;
                    });
                });
    }

    /** 400 when the reason or the legal ground names the person: they are recorded and published as written. */
    private static void requireNoValueIn(Set<String> values, String text, String field) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (String v : values) {
            if (v.length() >= 3 && lower.contains(v.toLowerCase(java.util.Locale.ROOT))) {
                throw new HttpProblem(400, "personal-data-in-reason", "Personal data in the reason",
                        field + ": it is recorded and published with the erasure, so it must not contain the personal data erased",
                        Map.of("violations", List.of(Map.of("field", field, "message", "names the personal data being erased"))));
            }
        }
    }

    /**
     * Replaces the stored replies to retried commands ({@code Idempotency-Key}) on these streams that show one of the
     * values (copies in clear) by a 410 {@code reply-erased}: a retry with such a key is told so, rather than running
     * the command again (which, for a create, would make a second stream with the erased data).
     */
    private Uni<Void> forgetResponses(SqlClient tx, Set<String> values, Set<String> streams) {
        List<String> patterns = new ArrayList<>();
        for (String v : values) {
            if (v.length() >= 3) {
                patterns.add("%" + likeEscape(jsonText(v)) + "%");
            }
        }
        List<String> streamPatterns = streams.stream().map(s -> "%" + likeEscape(s) + "%").toList();
        if (patterns.isEmpty() || streamPatterns.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String gone = mapper.createObjectNode().put("type", "https://dpa-ledger.eu/problems/" + REPLY_ERASED).put("title", "Reply erased")
                .put("status", 410).put("detail", "The reply to this request showed personal data that has since been erased; the request "
                        + "took effect and is not run again.").put("article", RuleSources.of(REPLY_ERASED).orElseThrow()).toString();
        return tx.preparedQuery("UPDATE idempotency_keys SET status = 410, body = $3, headers = '{}' "
                        + "WHERE body LIKE ANY($1) AND body LIKE ANY($2)")
                .execute(Tuple.of(patterns.toArray(String[]::new), streamPatterns.toArray(String[]::new), gone)).replaceWithVoid();
    }

    private Uni<Void> record(SqlClient tx, Erasure erasure) {
        String streamId = "erasure-" + erasure.erasureId();
        PersonalDataErasedPublished.Erasure contract = new PersonalDataErasedPublished.Erasure(erasure.erasureId().toString(),
                erasure.trigger(), erasure.reason(), erasure.legalGround(), erasure.erasedAt(), erasure.erasedBy(),
                erasure.keys().stream().map(k -> new PersonalDataErasedPublished.ErasedKey(k.keyId().toString(), k.agreementId(),
                        k.kinds(), k.streams())).toList());
        ObjectNode payload = mapper.valueToTree(contract);
        ObjectNode published = mapper.valueToTree(new PersonalDataErasedPublished(erasure.erasureId().toString(), service, 1, contract));
        EventMetadata metadata = new EventMetadata(erasure.erasedBy(), null, List.of(), erasure.erasureId().toString(),
                erasure.erasureId().toString(), null);
        return store.appendNewStream(tx, streamId, STREAM_TYPE, EVENT_TYPE, payload, published, metadata, erasure.erasedAt());
    }

    private void erased(Object ignored) {
        // Cached states may hold a value that now reads as erased; the erasure event waits in the outbox.
        commands.forgetCachedStates();
        relay.trigger();
    }

    private static Set<String> scopes(List<PersonalDataKeys.KeyInfo> keys) {
        Set<String> out = new LinkedHashSet<>();
        keys.forEach(k -> out.add(k.scope()));
        return out;
    }

    private String jsonText(String value) {
        try {
            String quoted = mapper.writeValueAsString(value);
            return quoted.substring(1, quoted.length() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

}
