package eu.dpaledger.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/EVIDENCE.md end to end: the controller exports the demo agreement's evidence bundle, keeps the service's public
 * keys and its receipts from Kafka, and checks the bundle with the verifier jar as a separate process, offline.
 */
@ExtendWith(Stack.class)
class EvidenceE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_demo_agreements_bundle_verifies_with_the_jar_and_a_changed_one_does_not() throws Exception {
        String opwijk = Keycloak.user("opwijk-dpo");
        String demo = Stack.demoAgreement(opwijk);
        Path dir = Files.createTempDirectory("evidence-e2e");
        Path bundle = dir.resolve("bundle.json");
        Files.writeString(bundle, given().baseUri(Stack.AGREEMENTS).auth().oauth2(opwijk).get("/agreements/{id}/evidence-bundle", demo)
                .then().statusCode(200).extract().asString());
        Path keys = dir.resolve("jwks.json");
        Files.writeString(keys, given().baseUri(Stack.AGREEMENTS).get("/.well-known/jwks.json").then().statusCode(200).extract().asString());
        List<String> receipts = new ArrayList<>();
        for (Topics.Event e : Topics.read("dpa.agreements", demo)) {
            receipts.add(JSON.createObjectNode().put("streamId", e.headers().get("ce_subject"))
                    .put("streamVersion", Long.parseLong(e.headers().get("ce_streamversion"))).put("hash", e.headers().get("ce_chainhash")).toString());
        }
        Path kept = dir.resolve("receipts.jsonl");
        Files.writeString(kept, String.join("\n", receipts));

        Result ok = verifier("--keys", keys.toString(), bundle.toString(), kept.toString());
        assertEquals(0, ok.exit, ok.output);
        assertTrue(ok.output.contains("VERIFIED") && ok.output.contains("agrees with the receipt"), ok.output);

        ObjectNode changed = (ObjectNode) JSON.readTree(Files.readString(bundle));
        ((ObjectNode) changed.at("/streams/0/events/0/payload/content")).put("assignment", "Something else");
        Path tampered = dir.resolve("tampered.json");
        Files.writeString(tampered, changed.toString());
        Result bad = verifier("--keys", keys.toString(), tampered.toString());
        assertEquals(1, bad.exit, bad.output);
        assertTrue(bad.output.contains("NOT VERIFIED") && bad.output.contains("version 1"), bad.output);

        Files.writeString(tampered, "{\"format\": \"dpa-ledger-evidence-bundle\", \"formatVersion\": 1, \"streams\": 3}");
        Result malformed = verifier(tampered.toString());
        assertEquals(2, malformed.exit, malformed.output);
        assertTrue(malformed.output.contains("streams: must be an array") && !malformed.output.contains("Exception"), malformed.output);
    }

    private record Result(int exit, String output) {
    }

    /** {@code java -jar evidence-verifier.jar ...} as a party runs it: a separate process, no network. */
    private static Result verifier(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Stack.ROOT.resolve("evidence-verifier/target/evidence-verifier.jar").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS), "verifier did not finish");
        return new Result(p.exitValue(), output);
    }
}
