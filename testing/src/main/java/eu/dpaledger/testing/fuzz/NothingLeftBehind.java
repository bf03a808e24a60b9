package eu.dpaledger.testing.fuzz;

import eu.dpaledger.testing.TopicReader;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What must hold once the fuzzing stops: every event a command appended left the outbox (the relay
 * published it), and the topic holds each CloudEvent id once (no crash happened, so no redelivery).
 */
public final class NothingLeftBehind {

    private NothingLeftBehind() {
    }

    /** Waits up to 30 s for {@code outboxRows} (the service's {@code SELECT count(*) FROM outbox}) to reach 0. */
    public static void outboxEmpties(Supplier<Long> outboxRows) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertEquals(0L, outboxRows.get(), "rows left in the outbox"));
    }

    /** Reads {@code topic} from the beginning and fails with every {@code ce_id} found more than once. */
    public static void eachEventIdOnce(String topic) {
        Map<String, Long> repeated = TopicReader.readAll(topic).stream()
                .collect(Collectors.groupingBy(r -> String.valueOf(r.ceId()), Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Map.of(), repeated, "CloudEvent ids on " + topic + " more than once (id=count)");
    }
}
