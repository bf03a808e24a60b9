package eu.dpaledger.reporting;

import eu.dpaledger.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The domain is plain Java: no framework in it, and it does not reach into the outer layers; the layers point inward; migrations keep their version ranges. */
class ArchitectureTest {

    @Test
    void domain_is_plain_java_and_does_not_depend_on_the_outer_layers() {
        ArchitectureRules.domainIsPlainJava("eu.dpaledger.reporting");
    }

    @Test
    void kernel_and_service_migrations_keep_their_version_ranges() {
        ArchitectureRules.migrationsKeepTheirVersionRanges();
    }

    @Test
    void infrastructure_and_application_do_not_reach_into_the_outer_layers() {
        ArchitectureRules.layersPointInward("eu.dpaledger.reporting");
    }
}
