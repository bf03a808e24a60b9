package eu.dpaledger.platform.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

import java.util.List;

/**
 * How a service plugs one aggregate into the kernel: its functions, stream type, who may see a
 * stream, and what each event publishes on the topic (the integration contract).
 */
public interface AggregateBinding<S, C, E> {

    Aggregate<S, C, E> aggregate();

    /** Stream type and the {@code <aggregate>} part of published event types, e.g. {@code agreement}. */
    String streamType();

    /** What a stream is called in a reply, e.g. {@code "The information request does not exist"}; by default the stream type. */
    default String displayName() {
        return streamType();
    }

    /** Whether the caller may see this (existing) stream at all; when not, every request answers 404. */
    boolean visibleTo(S state, Caller caller);

    /**
     * Whether the caller may read this (existing) stream; by default whoever may command it. Bindings
     * narrow it where a read needs more than a command does (e.g. the party's role as well as its organisation).
     */
    default boolean readableBy(S state, Caller caller) {
        return visibleTo(state, caller);
    }

    /** The caller as the domain sees it: subject, organisation and roles of the token, or the service itself. */
    default Actor actor(Caller caller) {
        return new Actor(caller.subject(), caller.organisation(), caller.roles());
    }

    /** Schema version of an event type's payload (bump when the payload changes incompatibly). */
    default int schemaVersion(E event) {
        return 1;
    }

    /**
     * The agreement a stream's personal data belong to (the scope of its people's keys, docs/ARCHITECTURE.md
     * "Personal data"): by default the stream itself; a stream about an agreement names the agreement.
     */
    default String personalDataScope(String streamId, S state) {
        return streamId;
    }

    /**
     * Rows that belong with the events just appended, written in the command's transaction so that both commit or
     * neither does (e.g. the work list of a fan-out the event starts, or marking that work done). By default none.
     * {@code command} is the command decided, {@code events} what it decided, {@code stateAfter} the state after them.
     */
    default Uni<Void> alongside(SqlClient tx, String streamId, C command, List<E> events, S stateAfter) {
        return Uni.createFrom().voidItem();
    }

    /**
     * The CloudEvent data published for one event: by default its payload plus the stream id and
     * version; services may add what their consumers need (e.g. a summary of the state after it).
     */
    default ObjectNode publishedData(ObjectMapper mapper, String streamId, long version, E event, JsonNode payload, S stateAfter) {
        ObjectNode data = mapper.createObjectNode();
        data.put(streamType() + "Id", streamId);
        data.put("streamVersion", version);
        data.set("event", payload);
        return data;
    }
}
