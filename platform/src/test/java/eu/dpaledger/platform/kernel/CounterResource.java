package eu.dpaledger.platform.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.command.AggregateBinding;
import eu.dpaledger.platform.command.CommandExecutor;
import eu.dpaledger.platform.command.CommandRequest;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.http.ETags;
import eu.dpaledger.platform.http.Fingerprints;
import eu.dpaledger.platform.http.RequestSupport;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.platform.security.CallerProvider;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.UUID;

/** Test-only REST surface of the counter aggregate, wired exactly as a service wires its aggregates. */
@Path("/counters")
@RolesAllowed({"controller", "processor"})
public class CounterResource {

    /** {@code note}: an optional free text, carried into the event (exercises the input and event size limits). */
    public record IncrementBody(long by, String note) { }

    static final AggregateBinding<Counter.State, Counter.Command, Counter.Event> BINDING = new AggregateBinding<>() {
        private final Counter counter = new Counter();
        @Override public Aggregate<Counter.State, Counter.Command, Counter.Event> aggregate() { return counter; }
        @Override public String streamType() { return "counter"; }
        @Override public boolean visibleTo(Counter.State state, Caller caller) { return caller.organisation().equals(state.owner()); }
    };

    @Inject CommandExecutor executor;
    @Inject CallerProvider callers;
    @Inject ObjectMapper mapper;

    @POST
    public Uni<Response> open(@HeaderParam("Idempotency-Key") String key) {
        Caller caller = callers.current();
        String id = UUID.randomUUID().toString();
        return executor.execute(BINDING, new CommandRequest<>(id, true, null, key,
                Fingerprints.of(mapper, "POST", "/counters", null), caller, UUID.randomUUID().toString(),
                loaded -> new Counter.Open(caller.organisation()),
                after -> new CommandRequest.Reply(201, Map.of("id", id, "total", after.state().total()),
                        Map.of("ETag", ETags.of(after.version()), "Location", "/counters/" + id))))
                .map(r -> r.toResponse());
    }

    @POST
    @Path("/{id}/increments")
    public Uni<Response> increment(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                   @HeaderParam("Idempotency-Key") String key, IncrementBody body) {
        RequestSupport.requireBody(body);
        Caller caller = callers.current();
        return executor.execute(BINDING, new CommandRequest<>(id, false, ifMatch, key,
                Fingerprints.of(mapper, "POST", "/counters/" + id + "/increments", body), caller, UUID.randomUUID().toString(),
                loaded -> new Counter.Increment(body.by(), body.note()),
                after -> new CommandRequest.Reply(200, Map.of("id", id, "total", after.state().total()),
                        Map.of("ETag", ETags.of(after.version())))))
                .map(r -> r.toResponse());
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") String id) {
        Caller caller = callers.current();
        return executor.load(BINDING, id).map(loaded -> {
            if (!loaded.exists() || !BINDING.visibleTo(loaded.state(), caller)) {
                throw eu.dpaledger.platform.http.HttpProblem.notFound("The counter");
            }
            return Response.ok(Map.of("id", id, "total", loaded.state().total())).tag(String.valueOf(loaded.version())).build();
        });
    }
}
