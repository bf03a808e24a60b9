package eu.dpaledger.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layering every service keeps (STYLE.md): its {@code domain} is plain Java — no framework in it —
 * and does not reach into {@code application}, {@code infrastructure} or {@code api}; and the version
 * ranges of the migrations: the kernel's below 100, a service's from 100 on, so that they cannot
 * collide and Flyway (out of order) can apply either kind to an existing database in any order.
 */
public final class ArchitectureRules {

    private static final Pattern MAJOR_VERSION = Pattern.compile("V(\\d+)");

    private ArchitectureRules() {
    }

    /**
     * The layers point inward: {@code infrastructure} never reaches into {@code application} or {@code api}, and
     * {@code application} never into {@code api}, nor uses HTTP types (JAX-RS, the kernel's {@code http} package):
     * what it refuses, it refuses as the domain does ({@code DomainRejection}); the api maps that to HTTP.
     */
    public static void layersPointInward(String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        noClasses().that().resideInAPackage("..infrastructure..")
                .should().dependOnClassesThat().resideInAnyPackage(basePackage + ".application..", basePackage + ".api..")
                .allowEmptyShould(true).check(classes);
        noClasses().that().resideInAPackage("..application..")
                .should().dependOnClassesThat().resideInAnyPackage(basePackage + ".api..", "jakarta.ws.rs..",
                        "eu.dpaledger.platform.http..")
                .allowEmptyShould(true).check(classes);
    }

    /** Kernel migrations ({@code db/kernel}) are numbered below 100, the service's ({@code db/migration}) from 100 on. */
    public static void migrationsKeepTheirVersionRanges() {
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> kernel = migrations("db/kernel");
        Map<String, Integer> service = migrations("db/migration");
        if (kernel.isEmpty() || service.isEmpty()) {
            throw new AssertionError("no migrations found on the classpath: kernel " + kernel + ", service " + service);
        }
        kernel.forEach((script, version) -> {
            if (version >= 100) {
                wrong.add("kernel migration " + script + " is numbered 100 or above");
            }
        });
        service.forEach((script, version) -> {
            if (version < 100) {
                wrong.add("service migration " + script + " is numbered below 100");
            }
        });
        if (!wrong.isEmpty()) {
            throw new AssertionError(String.join("\n", wrong));
        }
    }

    /** The Flyway scripts under a classpath folder ({@link FlywayHistory#scriptsOnClasspath}) with their major version. */
    static Map<String, Integer> migrations(String folder) {
        Map<String, Integer> found = new TreeMap<>();
        for (String script : FlywayHistory.scriptsOnClasspath(folder)) {
            Matcher m = MAJOR_VERSION.matcher(script.substring(script.lastIndexOf('/') + 1));
            if (m.lookingAt()) {
                found.put(script, Integer.parseInt(m.group(1)));
            }
        }
        return found;
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
