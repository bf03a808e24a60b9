package eu.dpaledger.e2e;

import eu.dpaledger.examples.consumer.Event;
import eu.dpaledger.examples.consumer.EventConsumer;
import eu.dpaledger.examples.consumer.OrderedDeduplicator;
import eu.dpaledger.examples.receiver.Delivery;
import eu.dpaledger.examples.receiver.WebhookReceiver;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The controller kit against the real stack. Opwijk runs {@code ./dpa receive} (the kit's receiver, subscribed to
 * {@code *} at reporting-service): a breach ESN reports arrives signed and verified within seconds. Voorbeeld's own
 * {@code *} subscription, received by the kit's receiver in this JVM, gets nothing of it. The operator's Kafka consumer
 * (the kit's, with its de-duplication and ordering) reads the same breach once, and nothing again on a replay.
 */
@ExtendWith(Stack.class)
class WebhooksE2ETest {

    private static final String REPORTED = "eu.dpaledger.breach.BreachReported.v1";

    @Test
    void opwijk_receives_the_signed_breach_esn_reports_voorbeeld_nothing_and_the_operators_consumer_reads_it_once() throws Exception {
        String esn = Keycloak.user("esn-staff");
        String agreement = Stack.demoAgreement(Keycloak.user("opwijk-dpo"));

        List<String> opwijkLines = new CopyOnWriteArrayList<>();
        Process receive = receive(freePort(), opwijkLines);
        List<Delivery> voorbeeld = new CopyOnWriteArrayList<>();
        int voorbeeldPort = freePort();
        var created = given().baseUri(Stack.REPORTING).auth().oauth2(Keycloak.user("voorbeeld-dpo")).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + voorbeeldPort + "/", "eventTypes", List.of("*")))
                .post("/webhook-subscriptions").then().statusCode(201).extract();
        String voorbeeldSubscription = created.path("id");
        try (WebhookReceiver voorbeeldReceiver = new WebhookReceiver(new InetSocketAddress("127.0.0.1", voorbeeldPort), "/",
                List.of(created.<String>path("secret")), voorbeeld::add, rejection -> { }).start()) {
            await().atMost(Duration.ofMinutes(2)).until(() -> opwijkLines.stream().anyMatch(l -> l.startsWith("listening on")));

            Instant aware = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            String breach = given().baseUri(Stack.BREACHES).auth().oauth2(esn).contentType(ContentType.JSON)
                    .body("{\"processorAwareAt\":\"" + aware + "\",\"description\":\"USB stick with the population register lost\","
                            + "\"dataClasses\":[\"B\"],\"circumstances\":[\"E\"],\"unintelligible\":{\"answer\":\"NO\",\"how\":null}}")
                    .post("/agreements/{id}/breaches", agreement).then().statusCode(201).extract().path("id");

            String verified = "verified msg_";
            await().atMost(Duration.ofSeconds(60)).until(() -> opwijkLines.stream().anyMatch(l -> l.startsWith(verified)
                    && l.contains(" " + REPORTED + " subject=" + breach + " streamVersion=1")));
            assertTrue(opwijkLines.stream().noneMatch(l -> l.startsWith("rejected")), "every delivery verified: " + opwijkLines);

            // Voorbeeld is no party to the agreement: its subscription to everything is not sent Opwijk's breach. The fan-out
            // queued every subscription's delivery of the event in one transaction, so by now Voorbeeld's log would show it.
            assertTrue(voorbeeld.stream().noneMatch(d -> breach.equals(d.subject())), "Voorbeeld got Opwijk's breach");
            given().baseUri(Stack.REPORTING).auth().oauth2(Keycloak.user("voorbeeld-dpo"))
                    .get("/webhook-subscriptions/{id}/deliveries", voorbeeldSubscription).then().statusCode(200)
                    .body("items.findAll { it.agreementId == '" + agreement + "' }", org.hamcrest.Matchers.empty());

            List<Event> read = consumeBreach(breach, "dpa-e2e-kit-" + UUID.randomUUID());
            assertEquals(List.of(REPORTED), read.stream().map(Event::type).toList(), "the operator's consumer: once");
        } finally {
            stop(receive);
            given().baseUri(Stack.REPORTING).auth().oauth2(Keycloak.user("voorbeeld-dpo"))
                    .delete("/webhook-subscriptions/{id}", voorbeeldSubscription).then().statusCode(204);
        }
        // The receiver stopped (as on Ctrl-C): the launcher unsubscribed on its way out.
        assertTrue(opwijkLines.stream().anyMatch(l -> l.contains("unsubscribed")), "./dpa receive unsubscribes: " + opwijkLines);
        given().baseUri(Stack.REPORTING).auth().oauth2(Keycloak.user("opwijk-dpo")).get("/webhook-subscriptions").then()
                .statusCode(200).body("items.findAll { it.url.startsWith('http://127.0.0.1:') }", org.hamcrest.Matchers.empty());
    }

    /** {@code ./dpa receive opwijk-dpo} against the test stack, its output collected line by line. */
    private static Process receive(int port, List<String> lines) throws IOException {
        List<String> command = List.of(Stack.ROOT.resolve("dpa").toString(), "receive", "opwijk-dpo");
        ProcessBuilder builder = new ProcessBuilder(command).directory(Stack.ROOT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(Stack.environment());
        builder.environment().put("DPA_RECEIVER_PORT", String.valueOf(port));
        Process process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    System.out.println("[dpa receive] " + line);
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "dpa-receive-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    /** The kit's Kafka consumer reads dpa.breaches from the start until the breach's report; then a replay in the same consumer passes nothing. */
    private static List<Event> consumeBreach(String breach, String group) {
        List<Event> events = new ArrayList<>();
        OrderedDeduplicator deduplicator = new OrderedDeduplicator(OrderedDeduplicator.Limits.defaults(), Clock.systemUTC(), gap -> { });
        try (EventConsumer consumer = new EventConsumer(Stack.KAFKA, group, List.of("dpa.breaches"), deduplicator,
                e -> { if (breach.equals(e.subject())) events.add(e); })) {
            await().atMost(Duration.ofSeconds(60)).until(() -> consumer.pollOnce(Duration.ofMillis(500)) >= 0 && !events.isEmpty());
        }
        // The same records again (a new group reads from the start, as after a lost offset): the de-duplicator drops them.
        try (EventConsumer replay = new EventConsumer(Stack.KAFKA, group + "-replay", List.of("dpa.breaches"), deduplicator,
                e -> { if (breach.equals(e.subject())) events.add(e); })) {
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < until) {
                replay.pollOnce(Duration.ofMillis(500));
            }
        }
        return events;
    }

    /** Stops the receiver {@code ./dpa receive} runs; the launcher then unsubscribes and ends. */
    private static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
