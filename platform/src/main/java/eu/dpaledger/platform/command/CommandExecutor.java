package eu.dpaledger.platform.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.eventstore.AppendResult;
import eu.dpaledger.platform.eventstore.EventMetadata;
import eu.dpaledger.platform.eventstore.EventStore;
import eu.dpaledger.platform.eventstore.HashChain;
import eu.dpaledger.platform.eventstore.PendingEvent;
import eu.dpaledger.platform.eventstore.StoredEvent;
import eu.dpaledger.platform.http.ETags;
import eu.dpaledger.platform.http.HttpProblem;
import eu.dpaledger.platform.outbox.OutboxRelay;
import eu.dpaledger.platform.personaldata.PersonalData;
import eu.dpaledger.platform.security.Caller;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs a command end to end in ONE transaction: idempotency lookup, load and fold the stream,
 * visibility (404), {@code If-Match} (428/412), decide, append events with their outbox rows, and
 * record the response under the {@code Idempotency-Key}. Anything refused rolls back: nothing changes.
 * A command starts from the stream's cached state when there is one ({@link StateCache}) and reads
 * only the events after it; the state after a committed command is cached.
 */
@ApplicationScoped
public class CommandExecutor {

    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    Pool pool;

    @Inject
    EventStore store;

    @Inject
    eu.dpaledger.platform.ops.OperationsMetrics metrics;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    OutboxRelay relay;

    @Inject
    PersonalData personalData;

    private final StateCache cache;

    @Inject
    public CommandExecutor(@ConfigProperty(name = "dpa.command.state-cache-size", defaultValue = "256") int stateCacheSize) {
        this.cache = new StateCache(stateCacheSize);
    }

    /** One command's reply and the state it left (null when nothing was appended). */
    private record Outcome<S>(CommandResponse response, Loaded<S> after) {
    }

    /** Loads and folds a stream outside any command (reads). */
    public <S, C, E> Uni<Loaded<S>> load(AggregateBinding<S, C, E> binding, String streamId) {
        return load(pool, binding, streamId);
    }

    public <S, C, E> Uni<CommandResponse> execute(AggregateBinding<S, C, E> binding, CommandRequest<S, C> request) {
        return execute(binding, request, null);
    }

    /**
     * Runs {@code request} and then {@code then} (another stream of the same aggregate, or null) in ONE
     * transaction: both append or neither does, e.g. a new change and the one it supersedes. The reply
     * and the {@code Idempotency-Key} are {@code request}'s; when {@code request} appends nothing (a replay
     * under its key), {@code then} is not run.
     */
    public <S, C, E> Uni<CommandResponse> execute(AggregateBinding<S, C, E> binding, CommandRequest<S, C> request,
                                                  CommandRequest<S, C> then) {
        long generation = cache.generation();
        return pool.withTransaction(tx -> run(tx, binding, request, generation).flatMap(first -> then == null || first.after() == null
                        ? Uni.createFrom().item(List.of(first))
                        : run(tx, binding, then, generation).map(second -> List.of(first, second))))
                .invoke(outcomes -> committed(binding, outcomes, generation))
                .map(outcomes -> outcomes.get(0).response())
                // Two requests with the same new key raced: the loser finds the winner's response.
                .onFailure(CommandExecutor::isIdempotencyClash)
                .recoverWithUni(() -> pool.withTransaction(tx -> replay(tx, request)
                        .map(found -> found == null ? conflict() : found)));
    }

    /**
     * Runs the service's own command on each stream in turn (a scheduler's clock tick), at whatever version
     * is current. A stream another instance changed at the same moment is skipped (its next pass looks
     * again), and so is one whose aggregate refuses the command; the number of streams looked at is returned.
     */
    public <S, C, E> Uni<Integer> runEach(AggregateBinding<S, C, E> binding, List<String> streamIds,
                                          Caller system, Function<String, C> command) {
        if (!system.system()) {
            throw new IllegalArgumentException("runEach is for the service's own caller (Caller.system), not " + system.subject());
        }
        metrics.schedulerPass(system.subject());
        return Multi.createFrom().iterable(streamIds)
                .onItem().transformToUniAndConcatenate(id -> execute(binding, CommandRequest.<S, C>internal(id, system,
                                "scheduler-" + UUID.randomUUID(), loaded -> command.apply(id),
                                loaded -> new CommandRequest.Reply(200, null, Map.of())))
                        .invoke(() -> metrics.schedulerCommand(system.subject(), "done"))
                        .replaceWithVoid()
                        // Lost a version race, or the stream refused the tick: the other streams still get theirs.
                        .onFailure(f -> f instanceof HttpProblem || f instanceof DomainRejection)
                        .recoverWithUni(f -> {
                            metrics.schedulerCommand(system.subject(), "skipped");
                            return Uni.createFrom().voidItem();
                        }))
                .collect().asList()
                .map(List::size);
    }

    private void committed(AggregateBinding<?, ?, ?> binding, List<? extends Outcome<?>> outcomes, long generation) {
        boolean appended = false;
        for (Outcome<?> outcome : outcomes) {
            if (outcome.after() != null) {
                cache(binding, outcome.after(), generation);
                appended = true;
            }
        }
        if (appended) {
            // Committed: wake the relay now rather than at its next poll.
            relay.trigger();
        }
    }

    private <S, C, E> Uni<Outcome<S>> run(SqlClient tx, AggregateBinding<S, C, E> binding, CommandRequest<S, C> request,
                                          long generation) {
        return replay(tx, request).flatMap(previous -> previous != null
                ? Uni.createFrom().item(new Outcome<S>(previous, null))
                : loadForCommand(tx, binding, request.streamId(), generation).flatMap(loaded -> decideAndAppend(tx, binding, request, loaded)));
    }

    private <S, C, E> Uni<Outcome<S>> decideAndAppend(SqlClient tx, AggregateBinding<S, C, E> binding,
                                                          CommandRequest<S, C> request, Loaded<S> loaded) {
        if (request.creates()) {
            if (loaded.exists()) {
                throw new HttpProblem(409, "already-exists", "Already exists", "A resource with this id already exists");
            }
        } else {
            // The service itself (a scheduler) may act on any stream of its own; everyone else sees only theirs.
            if (!loaded.exists() || !(request.caller().system() || binding.visibleTo(loaded.state(), request.caller()))) {
                throw HttpProblem.notFound("The " + binding.displayName());
            }
            if (!request.anyVersion()) {
                long expected = ETags.requiredVersion(request.ifMatch());
                if (expected != loaded.version()) {
                    throw ETags.stale(expected, loaded.version());
                }
            }
        }
        Aggregate<S, C, E> aggregate = binding.aggregate();
        C command = request.command().apply(loaded);
        List<E> events = aggregate.decide(command, loaded.state());
        if (events.isEmpty()) {
            return store(tx, request, request.respond().apply(loaded)).map(response -> new Outcome<S>(response, null));
        }
        Instant at = clock.instant();
        Uni<List<PendingEvent>> sealed = Uni.createFrom().item(ArrayList::new);
        S state = loaded.state();
        long version = loaded.version();
        for (E event : events) {
            state = aggregate.evolve(state, event);
            version++;
            S stateAfter = state;
            long versionAfter = version;
            // Personal values are sealed before the event is hashed, stored and published (docs/ARCHITECTURE.md "Personal data").
            sealed = sealed.flatMap(pending -> personalData.seal(tx, binding.personalDataScope(request.streamId(), stateAfter),
                            request.streamId(), event, mapper.valueToTree(event), at)
                    .map(payload -> {
                        pending.add(new PendingEvent(event.getClass().getSimpleName(), binding.schemaVersion(event), payload,
                                binding.publishedData(mapper, request.streamId(), versionAfter, event, payload, stateAfter)));
                        return pending;
                    }));
        }
        S finalState = state;
        EventMetadata metadata = new EventMetadata(request.caller().subject(), request.caller().organisation(),
                request.caller().roles().stream().sorted().toList(), request.correlationId(),
                request.idempotencyKey() == null ? request.correlationId() : request.idempotencyKey(), request.idempotencyKey());
        // The stream was just loaded in this transaction: append after its head without reading it again.
        return sealed.flatMap(pending -> store.appendAfter(tx, request.streamId(), binding.streamType(), loaded.version(),
                        loaded.headHash(), pending, metadata, at))
                .flatMap(result -> {
                    if (result instanceof AppendResult.VersionConflict conflict) {
                        return Uni.createFrom().failure(ETags.stale(loaded.version(), conflict.actualVersion()));
                    }
                    AppendResult.Appended appended = (AppendResult.Appended) result;
                    List<StoredEvent> written = appended.events();
                    Loaded<S> after = new Loaded<>(request.streamId(), finalState, appended.newVersion(),
                            written.get(written.size() - 1).hash(), written);
                    return binding.alongside(tx, request.streamId(), command, events, finalState)
                            .flatMap(ignored -> store(tx, request, request.respond().apply(after)))
                            .map(response -> new Outcome<>(response, after));
                });
    }

    private <S> Uni<CommandResponse> store(SqlClient tx, CommandRequest<S, ?> request, CommandRequest.Reply reply) {
        String body = write(reply.body());
        Map<String, String> headers = new LinkedHashMap<>(reply.headers());
        CommandResponse response = new CommandResponse(reply.status(), body, headers, false);
        if (request.idempotencyKey() == null) {
            return Uni.createFrom().item(response);
        }
        return tx.preparedQuery("INSERT INTO idempotency_keys (principal, idempotency_key, request_hash, status, body, headers) "
                        + "VALUES ($1, $2, $3, $4, $5, $6::text::jsonb)")
                .execute(Tuple.of(principal(request), request.idempotencyKey(), request.requestFingerprint(),
                        reply.status(), body, write(headers)))
                .replaceWith(response);
    }

    /** The stored response for this key, or null; the same key with another request is 422. */
    private Uni<CommandResponse> replay(SqlClient tx, CommandRequest<?, ?> request) {
        if (request.idempotencyKey() == null) {
            return Uni.createFrom().nullItem();
        }
        if (request.idempotencyKey().isBlank() || request.idempotencyKey().length() > 200) {
            throw HttpProblem.badRequest("invalid-idempotency-key", "Invalid Idempotency-Key",
                    "Idempotency-Key must be 1 to 200 characters");
        }
        return tx.preparedQuery("SELECT request_hash, status, body, headers::text AS headers FROM idempotency_keys "
                        + "WHERE principal = $1 AND idempotency_key = $2")
                .execute(Tuple.of(principal(request), request.idempotencyKey()))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    var row = rows.iterator().next();
                    if (!row.getString("request_hash").trim().equals(request.requestFingerprint())) {
                        throw new HttpProblem(422, "idempotency-key-reused", "Idempotency-Key reused",
                                "This Idempotency-Key was already used for a different request");
                    }
                    return new CommandResponse(row.getInteger("status"), row.getString("body"),
                            readHeaders(row.getString("headers")), true);
                });
    }

    private <S, C, E> Uni<Loaded<S>> load(SqlClient client, AggregateBinding<S, C, E> binding, String streamId) {
        return store.load(client, streamId)
                .flatMap(stored -> fold(client, binding, streamId, binding.aggregate().initial(), 0, HashChain.GENESIS, stored));
    }

    /** Loads for a command: from the cached state plus the events after it, else the whole stream. */
    @SuppressWarnings("unchecked")
    private <S, C, E> Uni<Loaded<S>> loadForCommand(SqlClient tx, AggregateBinding<S, C, E> binding, String streamId,
                                                    long generation) {
        StateCache.Entry cached = cache.get(cacheKind(binding), streamId);
        Uni<Loaded<S>> loaded = cached == null
                ? load(tx, binding, streamId)
                : store.loadAfter(tx, streamId, cached.version()).flatMap(newer ->
                        fold(tx, binding, streamId, (S) cached.state(), cached.version(), cached.headHash(), newer));
        // Read from committed rows: worth keeping even if this command is then refused.
        return loaded.invoke(l -> cache(binding, l, generation));
    }

    /** Folds stored events onto {@code from}, their personal values opened with the keys that still exist. */
    private <S, C, E> Uni<Loaded<S>> fold(SqlClient client, AggregateBinding<S, C, E> binding, String streamId, S from,
                                          long fromVersion, String fromHash, List<StoredEvent> stored) {
        return personalData.revealer(client, stored.stream().map(StoredEvent::payload).toList())
                .map(revealer -> fold(binding, streamId, from, fromVersion, fromHash, stored, revealer));
    }

    private <S, C, E> Loaded<S> fold(AggregateBinding<S, C, E> binding, String streamId, S from, long fromVersion,
                                     String fromHash, List<StoredEvent> stored, PersonalData.Revealer revealer) {
        Aggregate<S, C, E> aggregate = binding.aggregate();
        if (!stored.isEmpty() && (!binding.streamType().equals(stored.get(0).streamType())
                || !EventCodec.knows(aggregate.eventType(), stored.get(0).type()))) {
            // The id of another kind of stream (an agreement's id asked for as an instruction, or a flow-down proof's
            // asked for as a change: the same stream type, another aggregate): for this binding it does not exist,
            // exactly as an unknown id.
            throw HttpProblem.notFound("The " + binding.displayName());
        }
        S state = from;
        for (StoredEvent e : stored) {
            state = aggregate.evolve(state, EventCodec.decode(mapper, aggregate.eventType(), e, revealer.reveal(e.payload())));
        }
        return stored.isEmpty()
                ? new Loaded<>(streamId, state, fromVersion, fromHash, stored)
                : new Loaded<>(streamId, state, stored.get(stored.size() - 1).version(), stored.get(stored.size() - 1).hash(), stored);
    }

    /**
     * Forgets every cached state: after an erasure, a cached state may hold a value that now reads as erased
     * (docs/ARCHITECTURE.md "Personal data"). The next command on each stream folds it from the store again, and a
     * command that loaded its state before this call does not cache it afterwards.
     */
    public void forgetCachedStates() {
        cache.clear();
    }

    private void cache(AggregateBinding<?, ?, ?> binding, Loaded<?> loaded, long generation) {
        if (loaded.exists()) {
            cache.put(cacheKind(binding), loaded.streamId(), new StateCache.Entry(loaded.state(), loaded.version(), loaded.headHash()),
                    generation);
        }
    }

    /**
     * What a cached state is the state of: the stream type AND the aggregate (two aggregates may share a stream type, as
     * subprocessor-service's changes and flow-down proofs do; one's state is nothing to the other).
     */
    private static String cacheKind(AggregateBinding<?, ?, ?> binding) {
        return binding.streamType() + '/' + binding.aggregate().eventType().getName();
    }

    private static String principal(CommandRequest<?, ?> request) {
        return request.caller().organisation() + "/" + request.caller().subject();
    }

    private static CommandResponse conflict() {
        throw new HttpProblem(409, "concurrent-request", "Concurrent request",
                "Another request with this Idempotency-Key is in progress; retry shortly");
    }

    private static boolean isIdempotencyClash(Throwable t) {
        return t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                && String.valueOf(pg.getMessage()).contains("idempotency_keys");
    }

    private String write(Object value) {
        try {
            return value == null ? null : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> readHeaders(String json) {
        try {
            return new HashMap<>(mapper.readValue(json, new TypeReference<Map<String, String>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
