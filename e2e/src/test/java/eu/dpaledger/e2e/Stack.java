package eu.dpaledger.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real stack, started once for all end-to-end tests with the same launcher users run
 * ({@code ./dpa up}): Kafka and Keycloak as processes, the packaged services, the demo data. It runs
 * on its own ports, state folder and databases, so a demo stack on the default ports is not touched,
 * and it is always stopped and wiped at the end ({@code ./dpa reset}), failed tests or not.
 */
public final class Stack implements BeforeAllCallback, AutoCloseable {

    // Below Linux's ephemeral range (32768-60999): a port in it can be taken for a moment by any outgoing
    // connection on a busy machine, and Kafka (broker port and controller port + 1) then fails to bind.
    static final int KAFKA_PORT = 29092;
    static final int KEYCLOAK_PORT = 28180;
    static final int AGREEMENT_PORT = 28081;
    static final int SUBPROCESSOR_PORT = 28082;
    static final int BREACH_PORT = 28083;
    static final int AUDIT_PORT = 28084;
    static final int REPORTING_PORT = 28085;
    static final String KEYCLOAK = "http://127.0.0.1:" + KEYCLOAK_PORT;
    static final String AGREEMENTS = "http://127.0.0.1:" + AGREEMENT_PORT;
    static final String SUBPROCESSORS = "http://127.0.0.1:" + SUBPROCESSOR_PORT;
    static final String BREACHES = "http://127.0.0.1:" + BREACH_PORT;
    static final String AUDITS = "http://127.0.0.1:" + AUDIT_PORT;
    static final String REPORTING = "http://127.0.0.1:" + REPORTING_PORT;
    static final String KAFKA = "127.0.0.1:" + KAFKA_PORT;

    static final Path ROOT = Path.of(System.getProperty("dpa.root", "..")).toAbsolutePath().normalize();
    private static final Path HOME = ROOT.resolve("e2e/target/dpa");
    private static final String DB_PREFIX = "dpa_e2e_" + UUID.randomUUID().toString().substring(0, 8);
    private static boolean started;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (Stack.class) {
            if (!started) {
                // Kept in the root store, which closes AutoCloseable values once, after the last test class, even on failure.
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Stack.class.getName(), this);
                started = true;
                run(Duration.ofMinutes(10), "up");
            }
        }
    }

    @Override
    public void close() throws Exception {
        run(Duration.ofMinutes(2), "reset");
    }

    /** Runs {@code ./dpa <args>} against the test stack; fails with the launcher's output on a non-zero exit. */
    static String run(Duration timeout, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile("dpa-e2e-", ".log");
        List<String> command = new java.util.ArrayList<>(List.of(ROOT.resolve("dpa").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment());
        Process process = builder.start();
        boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        String output = Files.readString(log);
        System.out.println(output);
        if (!finished) {
            process.destroyForcibly();
            throw new IllegalStateException("./dpa " + String.join(" ", args) + " did not finish in " + timeout + ":\n" + output);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("./dpa " + String.join(" ", args) + " failed:\n" + output);
        }
        return output;
    }

    static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DPA_HOME", HOME.toString());
        env.put("DPA_DB_PREFIX", DB_PREFIX);
        env.put("DPA_KAFKA_PORT", String.valueOf(KAFKA_PORT));
        env.put("DPA_KAFKA_CONTROLLER_PORT", String.valueOf(KAFKA_PORT + 1));
        env.put("DPA_KEYCLOAK_PORT", String.valueOf(KEYCLOAK_PORT));
        env.put("DPA_AGREEMENT_PORT", String.valueOf(AGREEMENT_PORT));
        env.put("DPA_SUBPROCESSOR_PORT", String.valueOf(SUBPROCESSOR_PORT));
        env.put("DPA_BREACH_PORT", String.valueOf(BREACH_PORT));
        env.put("DPA_AUDIT_PORT", String.valueOf(AUDIT_PORT));
        env.put("DPA_REPORTING_PORT", String.valueOf(REPORTING_PORT));
        env.put("DPA_DEMO", "1");
        return env;
    }

    /**
     * The demo agreement Opwijk ↔ ESN that {@code ./dpa up} loads: the oldest active agreement between them (lists are
     * newest first, and tests add newer active ones).
     */
    static String demoAgreement(String token) {
        return io.restassured.RestAssured.given().baseUri(AGREEMENTS).auth().oauth2(token).queryParam("status", "ACTIVE")
                .queryParam("party", "0428304785").queryParam("limit", 200).get("/agreements").then().statusCode(200)
                .extract().path("items[-1].agreementId");
    }
}
