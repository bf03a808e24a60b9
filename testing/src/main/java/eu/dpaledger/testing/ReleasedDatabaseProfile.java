package eu.dpaledger.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * Test profile of a service's upgrade test: the in-JVM broker and a database restored from a released
 * version's dump instead of the module's fresh database (the module's global test resources are off, so
 * the two databases cannot race for the datasource). Everything else is the module's usual test config.
 */
public abstract class ReleasedDatabaseProfile implements QuarkusTestProfile {

    private final String dump;

    protected ReleasedDatabaseProfile(String dump) {
        this.dump = dump;
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaBrokerResource.class),
                new TestResourceEntry(ReleasedDatabaseResource.class, Map.of(ReleasedDatabaseResource.DUMP, dump)));
    }

    /** The database 0.1.0 left behind with its demo data: {@code upgrade/0.1.0.sql} in the module's test resources. */
    public static class From010 extends ReleasedDatabaseProfile {
        public From010() {
            super("upgrade/0.1.0.sql");
        }
    }
}
