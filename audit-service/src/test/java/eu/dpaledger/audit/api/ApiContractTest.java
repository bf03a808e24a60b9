package eu.dpaledger.audit.api;

import eu.dpaledger.testing.ApiContractTests;
import io.quarkus.test.junit.QuarkusTest;

/** audit-service's served OpenAPI document is docs/api/audit-service.yaml and passes the lint. */
@QuarkusTest
class ApiContractTest extends ApiContractTests {

    @Override
    protected String service() {
        return "audit-service";
    }
}
