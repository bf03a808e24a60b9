package eu.dpaledger.reporting;

import jakarta.enterprise.inject.Produces;
import eu.dpaledger.testing.TestClock;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Replaces the kernel's default clock bean with {@link TestClock} in this module's tests. */
public class TestClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return new TestClock();
    }
}
