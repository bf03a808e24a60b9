package eu.dpaledger.agreement.domain.agreement;

import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.testing.AggregateSpec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The agreement aggregate under the shared given/when/then fixture ({@link AggregateSpec}), with a test
 * digest and plain-day deadlines: {@code given(history).when(command).then(events)} checks the decided
 * events and that they fold into a state; {@code thenRejected(rule)} checks the refusal.
 */
final class AgreementSpec {

    /** Test digest: SHA-256 of the value's {@code toString()}, deterministic for records. */
    static final ContentDigest DIGEST = value -> sha256(value.toString());

    /** Test deadlines: plain calendar days, ignoring weekends and holidays. */
    static final DeadlinePolicy DEADLINES = (deliveredAt, days, zone) -> deliveredAt.plus(Duration.ofDays(days));

    static final AgreementAggregate AGGREGATE = new AgreementAggregate(DIGEST, DEADLINES);

    static final AggregateSpec<AgreementState, AgreementCommand, AgreementEvent, DomainRejection> AGREEMENTS =
            AggregateSpec.of(AGGREGATE::initial, AGGREGATE::evolve, AGGREGATE::decide,
                    DomainRejection.class, DomainRejection::rule, DomainRejection::kind);

    static AggregateSpec<AgreementState, AgreementCommand, AgreementEvent, DomainRejection>.Scenario given(
            AgreementEvent... history) {
        return AGREEMENTS.given(history);
    }

    static AggregateSpec<AgreementState, AgreementCommand, AgreementEvent, DomainRejection>.Scenario given(
            List<AgreementEvent> history, AgreementEvent... more) {
        return AGREEMENTS.given(history, more);
    }

    static AgreementState replay(List<AgreementEvent> events) {
        return AGREEMENTS.replay(events);
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
}
