package eu.dpaledger.reporting.api;

import eu.dpaledger.platform.security.Caller;
import eu.dpaledger.reporting.TestInfrastructure;
import eu.dpaledger.reporting.domain.obligation.ObligationKind;
import eu.dpaledger.reporting.domain.obligation.ObligationState;
import eu.dpaledger.reporting.infrastructure.query.ObligationCounts;
import eu.dpaledger.reporting.infrastructure.query.ObligationFilter;
import eu.dpaledger.reporting.infrastructure.query.ObligationQueries;
import eu.dpaledger.testing.TestClock;
import eu.dpaledger.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** GET /obligations: what each caller sees, each state computed at the clock, the filters and their 400s, the order and the pages. */
@QuarkusTest
class ObligationsTest extends TestInfrastructure {

    static final String PROBLEMS = "https://dpa-ledger.eu/problems/";
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Inject
    Pool pool;

    @Inject
    ObligationQueries queries;

    Seed seed;

    @BeforeEach
    void seed() {
        seed = new Seed(pool);
    }

    @AfterEach
    void unseedAndRealTime() {
        seed.clear();
        TestClock.reset();
    }

    @Test
    void each_state_is_computed_at_the_clock_and_overdue_comes_first() {
        String controller = Seed.org();
        String processor = Seed.org();
        TestClock.setNow(NOW);
        String onTime = seed.obligation(controller, processor, NOW.plus(Duration.ofDays(20))).insert();
        String dueSoon = seed.obligation(controller, processor, NOW.plus(Duration.ofDays(3))).insert();
        String overdue = seed.obligation(controller, processor, NOW.minus(Duration.ofDays(1))).insert();
        String done = seed.obligation(controller, processor, NOW.minus(Duration.ofDays(2))).met(NOW.minus(Duration.ofDays(3))).insert();
        String late = seed.obligation(controller, processor, NOW.minus(Duration.ofDays(5))).met(NOW.minus(Duration.ofDays(4))).insert();

        list(Tokens.controller(controller), Map.of())
                .body("items.id", contains(overdue, dueSoon, onTime, late, done))
                .body("items.state", contains("OVERDUE", "DUE_SOON", "ON_TIME", "DONE_LATE", "DONE"));

        // Fifteen days on: what was on time is due soon, what was due soon is overdue; the met ones keep their state.
        TestClock.setNow(NOW.plus(Duration.ofDays(15)));
        list(Tokens.controller(controller), Map.of())
                .body("items.id", contains(overdue, dueSoon, onTime, late, done))
                .body("items.state", contains("OVERDUE", "OVERDUE", "DUE_SOON", "DONE_LATE", "DONE"));

        // At the due instant itself an obligation is overdue (GDPR deadlines end at the instant).
        TestClock.setNow(NOW.plus(Duration.ofDays(20)));
        list(Tokens.controller(controller), Map.of("state", "OVERDUE")).body("items.id", contains(overdue, dueSoon, onTime));
    }

    @Test
    void the_item_says_whose_move_when_in_utc_and_in_the_agreement_zone_the_article_and_where_it_lives() {
        String controller = Seed.org();
        String processor = Seed.org();
        TestClock.setNow(NOW);
        String id = seed.obligation(controller, processor, Instant.parse("2026-12-03T09:30:00Z")).kind(ObligationKind.AUTHORITY_NOTIFICATION)
                .title("Phishing at the payroll office").insert();
        list(Tokens.controller(controller), Map.of())
                .body("items[0].id", equalTo(id))
                .body("items[0].kind", equalTo("AUTHORITY_NOTIFICATION"))
                .body("items[0].actingParty", equalTo("CONTROLLER"))
                .body("items[0].article", equalTo("GDPR art. 33(1)"))
                .body("items[0].dueAt", equalTo("2026-12-03T09:30:00Z"))
                .body("items[0].dueLocal", equalTo("2026-12-03T10:30:00"))
                .body("items[0].timeZone", equalTo("Europe/Brussels"))
                .body("items[0].controller.org", equalTo(controller))
                .body("items[0].processor.name", equalTo("ESN, \"Digitaal\" bv"))
                .body("items[0].metAt", nullValue())
                .body("items[0].url", equalTo("http://127.0.0.1:8084/things/" + id.substring(0, id.indexOf(':'))));
    }

    @Test
    void met_obligations_stay_listed_for_thirty_days_and_withdrawn_ones_are_gone() {
        String controller = Seed.org();
        String processor = Seed.org();
        TestClock.setNow(NOW);
        String recent = seed.obligation(controller, processor, NOW.minus(Duration.ofDays(40))).met(NOW.minus(Duration.ofDays(29))).insert();
        seed.obligation(controller, processor, NOW.minus(Duration.ofDays(40))).met(NOW.minus(Duration.ofDays(31))).insert();
        seed.obligation(controller, processor, NOW.plus(Duration.ofDays(40))).cancelled(NOW.minus(Duration.ofDays(1))).insert();

        list(Tokens.controller(controller), Map.of()).body("items.id", contains(recent));
        list(Tokens.controller(controller), Map.of("state", "DONE_LATE")).body("items.id", contains(recent));
    }

    @Test
    void a_controller_a_processor_and_an_audit_firm_each_see_their_own_and_nobody_else_anything() {
        String controller = Seed.org();
        String processor = Seed.org();
        String firm = Seed.org();
        String stranger = Seed.org();
        TestClock.setNow(NOW);
        String request = seed.obligation(controller, processor, NOW.plus(Duration.ofDays(5))).insert();
        String audit = seed.obligation(controller, processor, NOW.plus(Duration.ofDays(6))).kind(ObligationKind.AUDIT).auditor(firm).insert();
        String plan = seed.obligation(controller, processor, NOW.plus(Duration.ofDays(7))).kind(ObligationKind.CORRECTIVE_ACTION_PLAN)
                .auditor(firm).insert();
        // A gagged disclosure request (DPA art. 2.2): the controller may not know of it yet.
        String gagged = seed.obligation(controller, processor, NOW.plus(Duration.ofDays(8))).kind(ObligationKind.DISCLOSURE)
                .hiddenFromController().insert();

        list(Tokens.controller(controller), Map.of()).body("items.id", contains(request, audit, plan));
        list(Tokens.processor(processor), Map.of()).body("items.id", contains(request, audit, plan, gagged));
        list(Tokens.auditor(firm), Map.of()).body("items.id", contains(audit, plan));
        // The right organisation in the wrong role, another organisation in the right role: nothing.
        list(Tokens.processor(controller), Map.of()).body("items", empty());
        list(Tokens.controller(processor), Map.of()).body("items", empty());
        list(Tokens.auditor(controller), Map.of()).body("items", empty());
        list(Tokens.controller(stranger), Map.of()).body("items", empty());
        list(Tokens.controller(stranger), Map.of("agreement", seedAgreementOf(request))).body("items", empty());
        // Both roles: the union.
        list(Tokens.token("both", controller, "controller", "processor"), Map.of()).body("items.id", contains(request, audit, plan));
        given().auth().oauth2(Tokens.admin()).get("/obligations").then().statusCode(403);
        given().get("/obligations").then().statusCode(401);
    }

    @Test
    void the_filters_select_by_state_kind_agreement_counterpart_due_window_and_acting_party() {
        String controller = Seed.org();
        String processor = Seed.org();
        String otherProcessor = Seed.org();
        TestClock.setNow(NOW);
        String agreement = Seed.uuid();
        String a = seed.obligation(controller, processor, NOW.plus(Duration.ofDays(2))).agreement(agreement).insert();
        String b = seed.obligation(controller, processor, NOW.plus(Duration.ofDays(12))).kind(ObligationKind.OBJECTION_WINDOW).insert();
        String c = seed.obligation(controller, otherProcessor, NOW.minus(Duration.ofHours(2))).kind(ObligationKind.BREACH_REPORT).insert();
        String d = seed.obligation(controller, otherProcessor, NOW.plus(Duration.ofDays(30))).kind(ObligationKind.DATA_SUBJECT_ANSWER).insert();
        String token = Tokens.controller(controller);

        list(token, Map.of("state", "OVERDUE,DUE_SOON")).body("items.id", contains(c, a)).body("filters.state", equalTo("DUE_SOON,OVERDUE"));
        given().auth().oauth2(token).queryParam("state", "ON_TIME").queryParam("state", "OVERDUE").get("/obligations")
                .then().statusCode(200).body("items.id", contains(c, b, d));
        list(token, Map.of("kind", "OBJECTION_WINDOW,DATA_SUBJECT_ANSWER")).body("items.id", contains(b, d));
        list(token, Map.of("agreement", agreement)).body("items.id", contains(a)).body("filters.agreement", equalTo(agreement));
        list(token, Map.of("counterpart", otherProcessor)).body("items.id", contains(c, d));
        list(token, Map.of("dueAfter", NOW.toString(), "dueBefore", NOW.plus(Duration.ofDays(12)).toString())).body("items.id", contains(a));
        list(token, Map.of("dueAfter", NOW.plus(Duration.ofDays(12)).toString())).body("items.id", contains(b, d));
        list(token, Map.of("actingParty", "CONTROLLER")).body("items.id", contains(b, d));
        list(token, Map.of("actingParty", "PROCESSOR", "state", "OVERDUE")).body("items.id", contains(c));
    }

    @Test
    void every_count_is_the_length_of_the_list_filtered_the_same_way() throws Throwable {
        String controller = Seed.org();
        String processor = Seed.org();
        TestClock.setNow(NOW);
        seed.obligation(controller, processor, NOW.plus(Duration.ofDays(2))).insert();
        seed.obligation(controller, processor, NOW.plus(Duration.ofDays(12))).kind(ObligationKind.OBJECTION_WINDOW).insert();
        seed.obligation(controller, processor, NOW.minus(Duration.ofHours(2))).kind(ObligationKind.BREACH_REPORT).insert();
        seed.obligation(controller, processor, NOW.plus(Duration.ofHours(5))).kind(ObligationKind.AUTHORITY_NOTIFICATION).insert();
        seed.obligation(controller, processor, NOW.plus(Duration.ofHours(50))).kind(ObligationKind.AUTHORITY_NOTIFICATION).insert();
        seed.obligation(controller, processor, NOW.minus(Duration.ofDays(3))).met(NOW.minus(Duration.ofDays(1))).insert();
        seed.obligation(controller, processor, NOW.minus(Duration.ofDays(3))).met(NOW.minus(Duration.ofDays(4))).kind(ObligationKind.AUDIT).insert();
        Caller caller = new Caller("dpo", controller, Set.of("controller"));
        String token = Tokens.controller(controller);

        ObligationCounts counts = VertxContextSupport.subscribeAndAwait(() -> queries.obligationCounts(caller, ObligationFilter.none()));
        assertEquals(7, counts.total());
        assertEquals(Map.of(ObligationState.ON_TIME, 2L, ObligationState.DUE_SOON, 2L, ObligationState.OVERDUE, 1L,
                ObligationState.DONE, 1L, ObligationState.DONE_LATE, 1L), counts.byState());
        for (ObligationState state : ObligationState.values()) {
            list(token, Map.of("state", state.name())).body("items", hasSize(counts.byState().get(state).intValue()));
            for (ObligationKind kind : ObligationKind.values()) {
                list(token, Map.of("state", state.name(), "kind", kind.name()))
                        .body("items", hasSize(counts.byKind().get(kind).get(state).intValue()));
            }
            for (ObligationKind.ActingParty party : ObligationKind.ActingParty.values()) {
                list(token, Map.of("state", state.name(), "actingParty", party.name()))
                        .body("items", hasSize(counts.byActingParty().get(party).get(state).intValue()));
            }
        }
        assertEquals(1L, counts.byKind().get(ObligationKind.AUTHORITY_NOTIFICATION).get(ObligationState.DUE_SOON));
        assertEquals(1L, counts.byActingParty().get(ObligationKind.ActingParty.PROCESSOR).get(ObligationState.OVERDUE));
    }

    @Test
    void walking_the_pages_gives_every_item_once_in_order() {
        String controller = Seed.org();
        String processor = Seed.org();
        TestClock.setNow(NOW);
        List<String> expected = new ArrayList<>();
        Instant sameDue = NOW.plus(Duration.ofDays(3));
        for (int i = 0; i < 3; i++) {
            expected.add(seed.obligation(controller, processor, NOW.minus(Duration.ofDays(3 - i))).insert());
        }
        List<String> tied = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tied.add(seed.obligation(controller, processor, sameDue).insert());
        }
        tied.sort(null);
        expected.addAll(tied);
        expected.add(seed.obligation(controller, processor, NOW.minus(Duration.ofDays(9))).met(NOW.minus(Duration.ofDays(10))).insert());
        expected.add(seed.obligation(controller, processor, NOW.minus(Duration.ofDays(2))).met(NOW.minus(Duration.ofDays(3))).insert());

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(Tokens.controller(controller)).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/obligations").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.lessThanOrEqualTo(2))
                    .extract().jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(expected, seen);
        assertEquals(5, pages);
        assertEquals(seen.size(), new HashSet<>(seen).size());
    }

    @Test
    void the_due_soon_setting_of_the_organisation_moves_an_item_from_on_time_to_due_soon() {
        String controller = Seed.org();
        String processor = Seed.org();
        TestClock.setNow(NOW);
        String days = seed.obligation(controller, processor, NOW.plus(Duration.ofDays(10))).insert();
        String hours = seed.obligation(controller, processor, NOW.plus(Duration.ofHours(20))).kind(ObligationKind.BREACH_REPORT).insert();
        String token = Tokens.controller(controller);
        given().auth().oauth2(token).get("/settings").then().statusCode(200)
                .body("dueSoonDays", equalTo(7)).body("breachDueSoonHours", equalTo(12));
        list(token, Map.of()).body("items.id", contains(hours, days)).body("items.state", contains("ON_TIME", "ON_TIME"));

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"dueSoonDays\":14,\"breachDueSoonHours\":24}")
                .put("/settings").then().statusCode(200).body("dueSoonDays", equalTo(14)).body("breachDueSoonHours", equalTo(24));
        list(token, Map.of()).body("items.state", contains("DUE_SOON", "DUE_SOON"));
        list(token, Map.of("state", "DUE_SOON")).body("items.id", contains(hours, days));
        // The processor's organisation keeps its own (default) setting.
        list(Tokens.processor(processor), Map.of()).body("items.state", contains("ON_TIME", "ON_TIME"));
    }

    @Test
    void a_setting_out_of_range_is_a_400_naming_the_field_and_changes_nothing() {
        String org = Seed.org();
        String token = Tokens.controller(org);
        Map.of("{\"dueSoonDays\":0,\"breachDueSoonHours\":12}", "dueSoonDays",
                        "{\"dueSoonDays\":91,\"breachDueSoonHours\":12}", "dueSoonDays",
                        "{\"dueSoonDays\":7,\"breachDueSoonHours\":73}", "breachDueSoonHours",
                        "{\"dueSoonDays\":7}", "breachDueSoonHours",
                        "{\"dueSoonDays\":7,\"breachDueSoonHours\":12,\"weeks\":1}", "weeks",
                        "{\"dueSoonDays\":\"7\",\"breachDueSoonHours\":12}", "dueSoonDays")
                .forEach((body, field) -> given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/settings")
                        .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo(field)));
        given().auth().oauth2(token).get("/settings").then().statusCode(200).body("dueSoonDays", equalTo(7));
    }

    @Test
    void unknown_parameters_and_bad_values_are_400_problems_naming_the_parameter() {
        String token = Tokens.controller(Seed.org());
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("state=LATE", "state");
        cases.put("state=OVERDUE,", "state");
        cases.put("state=overdue", "state");
        cases.put("kind=BREACH", "kind");
        cases.put("counterpart=123", "counterpart");
        cases.put("dueBefore=2026-12-01", "dueBefore");
        cases.put("dueAfter=yesterday", "dueAfter");
        cases.put("dueAfter=2026-12-02T00:00:00Z&dueBefore=2026-12-01T00:00:00Z", "dueAfter");
        cases.put("actingParty=AUDITOR", "actingParty");
        cases.put("agreement=%20", "agreement");
        cases.put("status=OPEN", "status");
        cases.put("agreement=a&agreement=b", "agreement");
        cases.put("limit=0", "limit");
        cases.put("cursor=nonsense", "cursor");
        cases.forEach((query, parameter) -> given().auth().oauth2(token).urlEncodingEnabled(false).get("/obligations?" + query)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(parameter)));
        given().auth().oauth2(token).get("/obligations?status=OPEN").then().body("type", equalTo(PROBLEMS + "unknown-parameter"));
        given().auth().oauth2(token).get("/obligations?state=LATE").then().body("type", equalTo(PROBLEMS + "invalid-parameter"));
        given().auth().oauth2(token).get("/obligations?agreement=a&agreement=b").then().body("type", equalTo(PROBLEMS + "repeated-parameter"));
    }

    private String seedAgreementOf(String obligationId) {
        return pool.preparedQuery("SELECT agreement_id FROM obligations WHERE obligation_id = $1").execute(io.vertx.mutiny.sqlclient.Tuple.of(obligationId))
                .await().indefinitely().iterator().next().getString("agreement_id");
    }

    static ValidatableResponse list(String token, Map<String, String> query) {
        return given().auth().oauth2(token).queryParams(query).get("/obligations").then().statusCode(200);
    }
}
