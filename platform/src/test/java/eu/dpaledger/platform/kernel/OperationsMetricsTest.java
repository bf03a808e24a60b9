package eu.dpaledger.platform.kernel;

import eu.dpaledger.platform.command.CommandExecutor;
import eu.dpaledger.platform.ops.OperationsMetrics;
import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.testing.Tokens;
import eu.dpaledger.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's series on {@code /q/metrics} move as the system works (real PostgreSQL and Kafka): a command is
 * published and applied and the projection's lag returns to 0; a dead letter shows until it is discarded; a refusal is
 * counted by its problem type; and every series the alert rules and the dashboard in {@code deploy/monitoring} name
 * exists, and every {@code dpa_} series is documented in deploy/README.md.
 */
@QuarkusTest
class OperationsMetricsTest {

    private static final String TOPIC = "dpa.kerneltest";
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String SCHEDULER = "kernel-test/scheduler";
    private static final Pattern SERIES = Pattern.compile("\\bdpa_[a-z0-9_]+");

    @Inject
    OperationsMetrics metrics;

    @Inject
    CommandExecutor executor;

    @Test
    void a_command_is_counted_published_and_applied_and_the_lag_returns_to_zero() {
        double published = value("dpa_outbox_published_total");
        double applied = value("dpa_projection_applied_total", "projection", "counter-totals");
        String id = given().auth().oauth2(Tokens.controller(Tokens.OPWIJK)).post("/counters").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(Tokens.controller(Tokens.OPWIJK)).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("by", 2)).post("/counters/{id}/increments", id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertTrue(value("dpa_outbox_published_total") >= published + 2, "two events published");
            assertTrue(value("dpa_projection_applied_total", "projection", "counter-totals") >= applied + 2, "two events applied");
        });
        // The consumer commits its offsets every few seconds: the lag is 0 again once it has, the outbox empty.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            metrics.refresh().await().atMost(Duration.ofSeconds(15));
            assertEquals(0.0, value("dpa_projection_lag_events", "projection", "counter-totals"));
            assertEquals(0.0, value("dpa_projection_lag_seconds", "projection", "counter-totals"));
            assertEquals(0.0, value("dpa_outbox_backlog_rows"));
            assertEquals(0.0, value("dpa_outbox_oldest_seconds"));
        });
    }

    @Test
    void a_dead_letter_shows_until_it_is_discarded() {
        metrics.refresh().await().atMost(Duration.ofSeconds(15));
        double open = value("dpa_dead_letters_open", "projection", "counter-totals");
        double deadLettered = value("dpa_projection_dead_lettered_total", "projection", "counter-totals");
        String eventId = UUID.randomUUID().toString();
        String counter = "metrics-" + UUID.randomUUID();
        TopicReader.write(TOPIC, counter, "{\"failProjection\":true}", Map.of("ce_specversion", "1.0", "ce_id", eventId,
                "ce_type", "eu.dpaledger.counter.Incremented.v1", "ce_source", "/test", "ce_subject", counter));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertEquals(deadLettered + 1, value("dpa_projection_dead_lettered_total", "projection", "counter-totals")));
        metrics.refresh().await().atMost(Duration.ofSeconds(15));
        assertEquals(open + 1, value("dpa_dead_letters_open", "projection", "counter-totals"));

        List<Map<String, Object>> letters = given().auth().oauth2(Tokens.admin())
                .get("/admin/dead-letters?projection=counter-totals&status=OPEN&limit=200").then().statusCode(200).extract().path("items");
        Object letter = letters.stream().filter(l -> eventId.equals(l.get("eventId"))).findFirst().orElseThrow().get("id");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("reason", "written by a test"))
                .post("/admin/dead-letters/{id}/discard", letter).then().statusCode(200);
        metrics.refresh().await().atMost(Duration.ofSeconds(15));
        assertEquals(open, value("dpa_dead_letters_open", "projection", "counter-totals"));
    }

    @Test
    void a_token_sent_again_is_not_verified_again_and_gives_the_same_caller() {
        String opwijk = Tokens.controller(Tokens.OPWIJK);
        String id = given().auth().oauth2(opwijk).post("/counters").then().statusCode(201).extract().path("id");
        double hits = value("dpa_token_cache_lookups_total", "outcome", "hit");
        double misses = value("dpa_token_cache_lookups_total", "outcome", "miss");
        given().auth().oauth2(opwijk).get("/counters/{id}", id).then().statusCode(200);
        given().auth().oauth2(opwijk).get("/counters/{id}", id).then().statusCode(200);
        assertEquals(hits + 2, value("dpa_token_cache_lookups_total", "outcome", "hit"), "the token was verified once, when created");
        // Another organisation's token is its own: verified, and Opwijk's counter is not its to see.
        String voorbeeld = Tokens.controller(Tokens.VOORBEELD);
        given().auth().oauth2(voorbeeld).get("/counters/{id}", id).then().statusCode(404);
        given().auth().oauth2(voorbeeld).get("/counters/{id}", id).then().statusCode(404);
        assertEquals(misses + 1, value("dpa_token_cache_lookups_total", "outcome", "miss"));
    }

    @Test
    void a_token_kept_as_verified_is_refused_once_it_expires() {
        String token = Tokens.expiringIn(Duration.ofSeconds(3), Tokens.OPWIJK);
        String id = given().auth().oauth2(token).post("/counters").then().statusCode(201).extract().path("id");
        double hits = value("dpa_token_cache_lookups_total", "outcome", "hit");
        given().auth().oauth2(token).get("/counters/{id}", id).then().statusCode(200);
        assertEquals(hits + 1, value("dpa_token_cache_lookups_total", "outcome", "hit"), "kept while valid");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().auth().oauth2(token).get("/counters/{id}", id).statusCode() == 401);
    }

    @Test
    void a_refusal_is_counted_by_its_problem_type() {
        double before = value("dpa_problems_total", "status", "412", "type", "stale-version");
        String id = given().auth().oauth2(Tokens.controller(Tokens.OPWIJK)).post("/counters").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(Tokens.controller(Tokens.OPWIJK)).contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body(Map.of("by", 1)).post("/counters/{id}/increments", id).then().statusCode(412);
        assertEquals(before + 1, value("dpa_problems_total", "status", "412", "type", "stale-version"));
    }

    @Test
    void a_scheduler_pass_is_counted_with_the_commands_it_issued() {
        double passes = value("dpa_scheduler_passes_total", "scheduler", SCHEDULER);
        double done = value("dpa_scheduler_commands_total", "scheduler", SCHEDULER, "outcome", "done");
        double skipped = value("dpa_scheduler_commands_total", "scheduler", SCHEDULER, "outcome", "skipped");
        tick();
        assertEquals(passes + 1, value("dpa_scheduler_passes_total", "scheduler", SCHEDULER));
        assertEquals(done + 1, value("dpa_scheduler_commands_total", "scheduler", SCHEDULER, "outcome", "done"));
        assertEquals(skipped + 1, value("dpa_scheduler_commands_total", "scheduler", SCHEDULER, "outcome", "skipped"));
    }

    /** A scheduler's pass over two streams: one counter that takes the increment, one stream that does not exist. */
    private void tick() {
        String id = given().auth().oauth2(Tokens.controller(Tokens.OPWIJK)).post("/counters").then().statusCode(201)
                .extract().path("id");
        executor.runEach(CounterResource.BINDING, List.of(id, "no-such-counter-" + UUID.randomUUID()), Caller.system(SCHEDULER),
                stream -> new Counter.Increment(1, null, null, Instant.now())).await().atMost(Duration.ofSeconds(15));
    }

    @Test
    void every_series_the_alerts_and_the_dashboard_name_exists_and_every_series_is_documented() throws IOException {
        tick(); // the scheduler's series come into being with its first pass, the problems' with the first problem
        given().auth().oauth2(Tokens.controller(Tokens.OPWIJK)).get("/counters/{id}", UUID.randomUUID()).then().statusCode(404);
        metrics.refresh().await().atMost(Duration.ofSeconds(15));
        Set<String> exposed = new TreeSet<>();
        for (String line : scrape().split("\n")) {
            Matcher m = SERIES.matcher(line);
            if (!line.startsWith("#") && m.lookingAt()) {
                exposed.add(m.group());
            }
        }
        Set<String> named = new TreeSet<>();
        for (String file : List.of("deploy/monitoring/alerts.yml", "deploy/monitoring/grafana-dashboard.json")) {
            Matcher m = SERIES.matcher(Files.readString(ROOT.resolve(file)));
            while (m.find()) {
                named.add(m.group());
            }
        }
        // The legal clocks' series come from reporting-service (its ProjectionsTest checks them there).
        named.removeIf(series -> series.startsWith("dpa_obligations_"));
        assertTrue(named.size() >= 12, "the alert rules and the dashboard name the kernel's series: " + named);
        Set<String> missing = new TreeSet<>(named);
        missing.removeAll(exposed);
        assertTrue(missing.isEmpty(), "named in deploy/monitoring but not on /q/metrics: " + missing + "; exposed: " + exposed);

        String readme = Files.readString(ROOT.resolve("deploy/README.md"));
        Set<String> undocumented = new TreeSet<>();
        exposed.stream().filter(series -> !readme.contains(series.replaceAll("_total$", ""))).forEach(undocumented::add);
        assertTrue(undocumented.isEmpty(), "on /q/metrics but not in deploy/README.md: " + undocumented);
    }

    private static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the series with these labels (name, then label name and value pairs); 0 when it is not there yet. */
    private static double value(String name, String... labels) {
        for (String line : scrape().split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                boolean all = true;
                for (int i = 0; i + 1 < labels.length; i += 2) {
                    all &= line.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
                }
                if (all) {
                    // "name{labels} value", possibly followed by an exemplar (" # {trace_id=...} value timestamp")
                    String sample = line.split(" # ", 2)[0].trim();
                    return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
                }
            }
        }
        return 0;
    }
}
