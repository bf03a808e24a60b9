package eu.dpaledger.agreement.domain;

import eu.dpaledger.platform.domain.DomainRejection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Given/when/then fixture for the agreement aggregate: {@code given(history).when(command).then(events)}
 * checks the decided events and that they fold into a state; {@code thenRejected(rule)} checks the refusal.
 */
final class AgreementSpec {

    /** Test digest: SHA-256 of the value's {@code toString()}, deterministic for records. */
    static final ContentDigest DIGEST = value -> sha256(value.toString());

    /** Test deadlines: plain calendar days, ignoring weekends and holidays. */
    static final DeadlinePolicy DEADLINES = (deliveredAt, days, zone) -> deliveredAt.plus(Duration.ofDays(days));

    static final AgreementAggregate AGGREGATE = new AgreementAggregate(DIGEST, DEADLINES);

    private final List<AgreementEvent> history;
    private AgreementCommand command;

    private AgreementSpec(List<AgreementEvent> history) {
        this.history = history;
    }

    static AgreementSpec given(AgreementEvent... history) {
        return new AgreementSpec(List.of(history));
    }

    static AgreementSpec given(List<AgreementEvent> history, AgreementEvent... more) {
        List<AgreementEvent> all = new ArrayList<>(history);
        all.addAll(Arrays.asList(more));
        return new AgreementSpec(all);
    }

    AgreementSpec when(AgreementCommand command) {
        this.command = command;
        return this;
    }

    /** Asserts exactly these events and returns the state they lead to. */
    AgreementState then(AgreementEvent... expected) {
        List<AgreementEvent> actual = decide();
        assertEquals(List.of(expected), actual);
        return stateAfter(actual);
    }

    /** The decided events folded into the state, for assertions on the read side. */
    AgreementState thenState() {
        return stateAfter(decide());
    }

    DomainRejection thenRejected(String rule) {
        DomainRejection rejection = assertThrows(DomainRejection.class, this::decide,
                "expected rejection " + rule);
        assertEquals(rule, rejection.rule(), () -> "rejected with " + rejection.rule() + ": " + rejection.detail());
        return rejection;
    }

    DomainRejection thenRejected(DomainRejection.Kind kind, String rule) {
        DomainRejection rejection = thenRejected(rule);
        assertEquals(kind, rejection.kind());
        return rejection;
    }

    static AgreementState replay(List<AgreementEvent> events) {
        return AGGREGATE.replay(events);
    }

    static AgreementRecord recordOf(AgreementState state) {
        return state.agreement().orElseThrow();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<AgreementEvent> decide() {
        return AGGREGATE.decide(command, AGGREGATE.replay(history));
    }

    private AgreementState stateAfter(List<AgreementEvent> decided) {
        List<AgreementEvent> all = new ArrayList<>(history);
        all.addAll(decided);
        return AGGREGATE.replay(all);
    }
}
