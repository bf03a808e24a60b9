package eu.dpaledger.agreement;

import eu.dpaledger.testing.TestClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Replaces the kernel's default clock bean with {@link TestClock} in this module's tests (a retention run years later). */
public class TestClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return new TestClock();
    }
}
