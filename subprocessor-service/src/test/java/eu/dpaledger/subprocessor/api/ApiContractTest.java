package eu.dpaledger.subprocessor.api;

import eu.dpaledger.testing.ApiContractTests;
import io.quarkus.test.junit.QuarkusTest;

/** subprocessor-service's served OpenAPI document is docs/api/subprocessor-service.yaml and passes the lint. */
@QuarkusTest
class ApiContractTest extends ApiContractTests {

    @Override
    protected String service() {
        return "subprocessor-service";
    }
}
