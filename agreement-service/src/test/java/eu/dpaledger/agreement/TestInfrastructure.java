package eu.dpaledger.agreement;

import eu.dpaledger.testing.KafkaBrokerResource;
import eu.dpaledger.testing.PostgresDatabaseResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Real infrastructure for every test of this module: a fresh PostgreSQL database and an in-JVM Kafka broker. */
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresDatabaseResource.class)
public class TestInfrastructure {
}
