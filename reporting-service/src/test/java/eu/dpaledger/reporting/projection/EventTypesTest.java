package eu.dpaledger.reporting.projection;

import eu.dpaledger.reporting.infrastructure.projection.EventTypes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * reporting-service offers webhooks for every event of the four services: every type a producer publishes (its
 * {@code contracts/}) is one it knows, so none is skipped as a newer producer's and every one can be subscribed to. The
 * kernel's own records (signed checkpoints, evidence bundle exports, personal data erasures) are not offered by any
 * service's webhooks, and are left out here too.
 */
class EventTypesTest {

    private static final List<String> PRODUCERS = List.of("agreement-service", "subprocessor-service", "breach-service", "audit-service");
    private static final List<String> KERNEL = List.of("eu.dpaledger.checkpoint.", "eu.dpaledger.evidenceexport.", "eu.dpaledger.personaldata.");

    @Test
    void every_type_the_four_services_publish_is_known_and_offered() throws IOException {
        Set<String> published = new TreeSet<>();
        for (String producer : PRODUCERS) {
            Path contracts = Path.of("..", producer, "src/main/resources/contracts");
            assertTrue(Files.isDirectory(contracts), contracts + " holds the producer's contracts");
            try (Stream<Path> files = Files.list(contracts)) {
                files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".schema.json"))
                        .map(f -> f.substring(0, f.length() - ".schema.json".length()))
                        .filter(type -> KERNEL.stream().noneMatch(type::startsWith))
                        .forEach(published::add);
            }
        }
        assertTrue(published.size() > 70, "the producers' contracts were found: " + published.size());
        Set<String> unknown = new TreeSet<>(published);
        unknown.removeAll(EventTypes.ALL);
        assertEquals(Set.of(), unknown, "published but unknown to reporting-service");
        Set<String> stale = new TreeSet<>(EventTypes.ALL);
        stale.removeAll(published);
        assertEquals(Set.of(), stale, "known to reporting-service but published by no one");
    }
}
