package eu.dpaledger.breach.api;

import eu.dpaledger.testing.ApiContractTests;
import io.quarkus.test.junit.QuarkusTest;

/** breach-service's served OpenAPI document is docs/api/breach-service.yaml and passes the lint. */
@QuarkusTest
class ApiContractTest extends ApiContractTests {

    @Override
    protected String service() {
        return "breach-service";
    }
}
