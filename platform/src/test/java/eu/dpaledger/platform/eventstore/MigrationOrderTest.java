package eu.dpaledger.platform.eventstore;

import eu.dpaledger.testing.PostgresDatabaseResource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A kernel migration released after a service migration was applied (kernel V3 after a service's V100)
 * upgrades an existing database with the kernel's Flyway settings (out of order), where Flyway's
 * defaults refuse to start; fresh databases hide this, so the test builds the 0.1.0 database first.
 */
class MigrationOrderTest {

    private final PostgresDatabaseResource database = new PostgresDatabaseResource();
    private Map<String, String> datasource;

    @BeforeEach
    void createDatabase() {
        datasource = database.start();
    }

    @AfterEach
    void dropDatabase() {
        database.stop();
    }

    @Test
    void a_kernel_migration_added_after_a_service_migration_was_applied_upgrades_an_existing_database(@TempDir Path released)
            throws IOException {
        buildReleasedDatabase(released);

        Flyway current = flyway(true, "classpath:db/kernel", "classpath:db/migration");
        current.migrate();

        List<String> applied = Arrays.stream(current.info().applied()).map(i -> i.getVersion().getVersion()).toList();
        assertTrue(applied.containsAll(List.of("1", "2", "3", "100")), "applied: " + applied);
        assertEquals(0, current.info().pending().length);
        current.validate();
    }

    @Test
    void flyways_defaults_would_refuse_that_upgrade(@TempDir Path released) throws IOException {
        buildReleasedDatabase(released);

        Flyway inOrder = flyway(false, "classpath:db/kernel", "classpath:db/migration");

        FlywayException refused = assertThrows(FlywayException.class, inOrder::migrate);
        assertTrue(refused.getMessage().contains("Detected resolved migration not applied to database: 3"), refused.getMessage());
    }

    /** The database as 0.1.0 left it: kernel V1, V2 and the service's V100 applied, nothing after. */
    private void buildReleasedDatabase(Path folder) throws IOException {
        copy("db/kernel/V1__event_store.sql", folder);
        copy("db/kernel/V2__outbox_wakeup_in_process.sql", folder);
        copy("db/migration/V100__counter_totals.sql", folder);
        flyway(false, "filesystem:" + folder).migrate();
        MigrationInfo[] applied = flyway(false, "filesystem:" + folder).info().applied();
        assertEquals(3, applied.length);
    }

    private Flyway flyway(boolean outOfOrder, String... locations) {
        return Flyway.configure()
                .dataSource(datasource.get("quarkus.datasource.jdbc.url"), datasource.get("quarkus.datasource.username"),
                        datasource.get("quarkus.datasource.password"))
                .locations(locations).outOfOrder(outOfOrder).load();
    }

    private static void copy(String resource, Path folder) throws IOException {
        try (InputStream in = MigrationOrderTest.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, folder.resolve(Path.of(resource).getFileName()));
        }
    }
}
