package eu.dpaledger.reporting;

import eu.dpaledger.testing.KafkaBrokerResource;
import eu.dpaledger.testing.PostgresDatabaseResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest of this module shares one real Kafka broker (in the JVM) and one fresh PostgreSQL database. */
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresDatabaseResource.class)
public class TestInfrastructure {
}
