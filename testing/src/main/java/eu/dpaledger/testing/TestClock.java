package eu.dpaledger.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: the system clock shifted by an offset a test may set (the scheduler's
 * transitions happen weeks or months later). A service's tests make it the service's clock with a producer:
 * {@code @Produces @Singleton Clock clock() { return new TestClock(); }} (the kernel's clock is a default bean).
 */
public class TestClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;

    /** Moves the service's "now" to {@code instant} (time keeps running from there). */
    public static void setNow(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    public static void advance(Duration by) {
        offset = offset.plus(by);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    public static Instant now() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
