package eu.dpaledger.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering every service keeps (STYLE.md): its {@code domain} is plain Java — no framework in it —
 * and does not reach into {@code application}, {@code infrastructure} or {@code api}.
 */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Checks the service under {@code basePackage} (e.g. {@code eu.dpaledger.agreement}); throws on a violation. */
    public static void domainIsPlainJava(String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "io.smallrye..",
                        "io.vertx..", "com.fasterxml..", "org.eclipse.microprofile..")
                .check(classes);
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..application..", "..infrastructure..", "..api..")
                .check(classes);
    }
}
