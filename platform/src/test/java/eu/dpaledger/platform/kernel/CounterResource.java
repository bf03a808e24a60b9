package eu.dpaledger.platform.kernel;

import eu.dpaledger.platform.command.AggregateBinding;
import eu.dpaledger.platform.command.CommandHeaders;
import eu.dpaledger.platform.command.Loaded;
import eu.dpaledger.platform.command.StreamCommands;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Test-only REST surface of the counter aggregate, wired exactly as a service wires its aggregates: through {@link StreamCommands}. */
@Path("/counters")
@RolesAllowed({"controller", "processor"})
public class CounterResource {

    /**
     * {@code note}: an optional free text, carried into the event (exercises the input and event size limits);
     * {@code at}: an optional instant, not in the future (exercises the request date-time rule and a common refusal).
     */
    public record IncrementBody(long by, String note, java.time.Instant at) { }

    static final AggregateBinding<Counter.State, Counter.Command, Counter.Event> BINDING = new AggregateBinding<>() {
        private final Counter counter = new Counter();
        @Override public Aggregate<Counter.State, Counter.Command, Counter.Event> aggregate() { return counter; }
        @Override public String streamType() { return "counter"; }
        @Override public boolean visibleTo(Counter.State state, Caller caller) { return caller.organisation().equals(state.owner()); }
    };

    private static final Logger LOG = Logger.getLogger(CounterResource.class);

    @Inject StreamCommands commands;

    @POST
    public Uni<Response> open(@BeanParam CommandHeaders headers) {
        String id = UUID.randomUUID().toString();
        String owner = commands.caller().organisation();
        LOG.infof("opening counter %s", id);
        return commands.create(BINDING, id, headers, Optional.empty(), loaded -> new Counter.Open(owner),
                after -> view(id, after), "/counters/" + id);
    }

    @POST
    @Path("/{id}/increments")
    public Uni<Response> increment(@PathParam("id") String id, @BeanParam CommandHeaders headers, IncrementBody body) {
        return commands.act(BINDING, id, headers, body,
                given -> new Counter.Increment(body.by(), body.note(), body.at(), given.at()), after -> view(id, after));
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") String id) {
        return commands.get(BINDING, id, loaded -> view(id, loaded));
    }

    private static Map<String, Object> view(String id, Loaded<Counter.State> loaded) {
        return Map.of("id", id, "total", loaded.state().total());
    }
}
