package eu.dpaledger.platform.command;

import eu.dpaledger.platform.domain.Actor;

import java.time.Instant;

/**
 * What an endpoint builds its command from: the stream as loaded, the context looked up before the
 * command (an agreement's facts, a calendar; {@code null} when the endpoint needs none), who acts and
 * the server's time. The same for every command of every service.
 *
 * @param stream  the stream the command will run against (empty for a create)
 * @param context what the endpoint looked up before the command
 * @param actor   the caller as the domain sees it ({@link AggregateBinding#actor})
 * @param at      the server's time of the command
 */
public record Given<S, F>(Loaded<S> stream, F context, Actor actor, Instant at) {

    public S state() {
        return stream.state();
    }
}
