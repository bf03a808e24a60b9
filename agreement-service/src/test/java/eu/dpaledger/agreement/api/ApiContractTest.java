package eu.dpaledger.agreement.api;

import eu.dpaledger.testing.ApiContractTests;
import io.quarkus.test.junit.QuarkusTest;

/** agreement-service's served OpenAPI document is docs/api/agreement-service.yaml and passes the lint. */
@QuarkusTest
class ApiContractTest extends ApiContractTests {

    @Override
    protected String service() {
        return "agreement-service";
    }
}
