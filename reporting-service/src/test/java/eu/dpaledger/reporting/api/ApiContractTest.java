package eu.dpaledger.reporting.api;

import eu.dpaledger.testing.ApiContractTests;
import io.quarkus.test.junit.QuarkusTest;

/** reporting-service's served OpenAPI document is docs/api/reporting-service.yaml and passes the lint. */
@QuarkusTest
class ApiContractTest extends ApiContractTests {

    @Override
    protected String service() {
        return "reporting-service";
    }
}
