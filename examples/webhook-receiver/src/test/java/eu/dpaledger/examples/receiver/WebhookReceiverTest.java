package eu.dpaledger.examples.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The receiver over real HTTP on loopback. Requests are signed here with javax.crypto, independently of the
 * Standard Webhooks library the receiver verifies with.
 */
class WebhookReceiverTest {
    private static final String SECRET = newSecret();
    private static final String OTHER_SECRET = newSecret();

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Delivery> delivered = new CopyOnWriteArrayList<>();
    private final List<Rejection> rejected = new CopyOnWriteArrayList<>();
    private WebhookReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void a_correctly_signed_delivery_reaches_the_sink_with_type_subject_and_stream_version() throws Exception {
        start(SECRET);
        String id = webhookId();
        long at = now();
        String body = breachReported("breach-7", 3);

        HttpResponse<String> response = post(id, at, signature(SECRET, id, at, body), body);

        assertEquals(204, response.statusCode());
        assertEquals(1, delivered.size());
        Delivery delivery = delivered.get(0);
        assertEquals(id, delivery.webhookId());
        assertEquals("eu.dpaledger.breach.BreachReported.v1", delivery.type());
        assertEquals("breach-7", delivery.subject());
        assertEquals(3L, delivery.streamVersion());
        assertEquals("corr-1", delivery.correlationId());
        assertEquals("agreement-1", delivery.data().path("agreementId").textValue());
        assertEquals(body, delivery.body());
    }

    @Test
    void two_signatures_of_which_only_the_second_is_valid_are_accepted() throws Exception {
        start(SECRET);
        String id = webhookId();
        long at = now();
        String body = breachReported("breach-7", 1);
        String signatures = signature(OTHER_SECRET, id, at, body) + " " + signature(SECRET, id, at, body);

        HttpResponse<String> response = post(id, at, signatures, body);

        assertEquals(204, response.statusCode());
        assertEquals(1, delivered.size());
    }

    @Test
    void a_receiver_knowing_two_secrets_accepts_a_delivery_signed_by_either() throws Exception {
        start(OTHER_SECRET, SECRET);
        String id = webhookId();
        long at = now();
        String body = breachReported("breach-7", 1);

        assertEquals(204, post(id, at, signature(SECRET, id, at, body), body).statusCode());
        assertEquals(1, delivered.size());
    }

    @Test
    void a_wrong_signature_is_401_and_not_passed_on() throws Exception {
        start(SECRET);
        String id = webhookId();
        long at = now();
        String body = breachReported("breach-7", 1);

        HttpResponse<String> response = post(id, at, signature(OTHER_SECRET, id, at, body), body);

        assertEquals(401, response.statusCode());
        assertTrue(delivered.isEmpty());
        assertEquals(401, rejected.get(0).status());
    }

    @Test
    void a_body_changed_after_signing_is_401() throws Exception {
        start(SECRET);
        String id = webhookId();
        long at = now();
        String signed = breachReported("breach-7", 1);

        HttpResponse<String> response = post(id, at, signature(SECRET, id, at, signed), breachReported("breach-7", 2));

        assertEquals(401, response.statusCode());
        assertTrue(delivered.isEmpty());
    }

    @Test
    void a_timestamp_ten_minutes_old_is_401_as_a_replay() throws Exception {
        start(SECRET);
        String id = webhookId();
        String body = breachReported("breach-7", 1);
        long tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond();

        HttpResponse<String> response = post(id, tenMinutesAgo, signature(SECRET, id, tenMinutesAgo, body), body);

        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("too old"), response.body());
        assertTrue(delivered.isEmpty());
    }

    @Test
    void the_same_webhook_id_twice_reaches_the_sink_once() throws Exception {
        start(SECRET);
        String id = webhookId();
        long at = now();
        String body = breachReported("breach-7", 1);
        long retriedAt = at + 5; // a retry is signed again, with its own timestamp

        assertEquals(204, post(id, at, signature(SECRET, id, at, body), body).statusCode());
        assertEquals(204, post(id, retriedAt, signature(SECRET, id, retriedAt, body), body).statusCode());

        assertEquals(1, delivered.size());
    }

    @Test
    void a_delivery_the_sink_failed_on_is_500_and_handed_on_again_when_retried() throws Exception {
        List<Delivery> attempts = new CopyOnWriteArrayList<>();
        receiver = new WebhookReceiver(new InetSocketAddress("127.0.0.1", 0), "/", List.of(SECRET), delivery -> {
            attempts.add(delivery);
            if (attempts.size() == 1) {
                throw new IllegalStateException("database down");
            }
        }, rejected::add).start();
        String id = webhookId();
        long at = now();
        String body = breachReported("breach-7", 1);

        assertEquals(500, post(id, at, signature(SECRET, id, at, body), body).statusCode());
        assertEquals(204, post(id, at, signature(SECRET, id, at, body), body).statusCode());

        assertEquals(2, attempts.size());
    }

    @Test
    void a_ping_has_no_stream_version() throws Exception {
        start(SECRET);
        String id = webhookId();
        long at = now();
        String body = """
                {"specversion":"1.0","id":"%s","source":"/dpa-ledger","type":"eu.dpaledger.webhook.Ping.v1",\
                "time":"2026-12-01T10:00:00Z","datacontenttype":"application/json",\
                "data":{"subscriptionId":"s-1","organisation":"opwijk"}}""".formatted(UUID.randomUUID());

        assertEquals(204, post(id, at, signature(SECRET, id, at, body), body).statusCode());

        assertEquals("eu.dpaledger.webhook.Ping.v1", delivered.get(0).type());
        assertEquals(null, delivered.get(0).streamVersion());
    }

    @Test
    void a_request_without_the_webhook_headers_is_400() throws Exception {
        start(SECRET);
        HttpRequest request = HttpRequest.newBuilder(uri())
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(breachReported("breach-7", 1)))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("webhook-id"), response.body());
    }

    @Test
    void a_body_over_one_mebibyte_is_400() throws Exception {
        start(SECRET);
        String id = webhookId();
        long at = now();
        String body = "x".repeat(WebhookReceiver.MAX_BODY_BYTES + 1);

        HttpResponse<String> response = post(id, at, signature(SECRET, id, at, body), body);

        assertEquals(400, response.statusCode());
        assertTrue(delivered.isEmpty());
    }

    @Test
    void a_get_is_405() throws Exception {
        start(SECRET);

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(405, response.statusCode());
        assertEquals("POST", response.headers().firstValue("allow").orElse(null));
    }

    private void start(String... secrets) throws Exception {
        receiver = new WebhookReceiver(
                new InetSocketAddress("127.0.0.1", 0), "/", List.of(secrets), delivered::add, rejected::add).start();
    }

    private HttpResponse<String> post(String webhookId, long timestamp, String signatures, String body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri())
                .header("content-type", "application/json")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signatures)
                .header("X-Correlation-Id", "corr-1")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + receiver.port() + "/");
    }

    private static String breachReported(String subject, long streamVersion) {
        return """
                {"specversion":"1.0","id":"%s","source":"/breach-service","type":"eu.dpaledger.breach.BreachReported.v1",\
                "subject":"%s","time":"2026-12-01T10:00:00Z","datacontenttype":"application/json","correlationid":"corr-1",\
                "data":{"breachId":"%s","streamVersion":%d,"agreementId":"agreement-1"}}"""
                .formatted(UUID.randomUUID(), subject, subject, streamVersion);
    }

    /** {@code v1,} + Base64(HMAC-SHA256(key, id.timestamp.body)), the key being the Base64 after {@code whsec_}. */
    private static String signature(String secret, String webhookId, long timestamp, String body)
            throws GeneralSecurityException {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] signed = mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(signed);
    }

    private static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private static String webhookId() {
        return "msg_" + UUID.randomUUID();
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
