package eu.dpaledger.platform.domain;

import eu.dpaledger.platform.http.ProblemMappers;
import eu.dpaledger.platform.http.ProblemTypesTest;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rejection names its source: each rule slug the main code of any module refuses with (the scan of
 * {@link ProblemTypesTest}) has a line in {@link RuleSources}, no line there is a rule the code no longer answers, and
 * each source is in one of the citation forms of docs/DOMAIN.md "Citations".
 */
class RuleSourcesTest {

    /** Hyphenated strings the scan finds that are not a refusal's rule, each with the reason. */
    private static final Map<String, String> NOT_RULES = Map.of(
            "internal-error", "an unexpected failure (500), not a refusal",
            "service-unavailable", "a passing infrastructure failure (503 with Retry-After), not a refusal",
            "registry-baseline", "a projection's name",
            "dpa-services", "the tokens' audience",
            "x-dpa-no-location", "an OpenAPI extension's name (ContractFilter)",
            "dpa-lang", "the dashboard's language cookie (reporting-service)",
            "dpa-ledger-evidence-bundle", "the evidence bundle's format name (docs/EVIDENCE.md)");

    /** The citation forms of docs/DOMAIN.md "Citations"; several sources of one rule are joined by "; ". */
    private static final List<String> FORMS = List.of(
            "DPA art\\. \\d+\\.\\d+", "DPA preamble", "DPA annex [12]",
            "GDPR art\\. \\d+(?:\\(\\d+\\)(?:\\([a-z]\\))?)?",
            "Reg\\. 1182/71 art\\. \\d+(?:\\(\\d+\\))?",
            "EDPB Guidelines \\d+/\\d{4}",
            Pattern.quote(RuleSources.OURS));
    private static final String ONE = "(?:" + String.join("|", FORMS) + ")";
    private static final Pattern CITATION = Pattern.compile(ONE + "(?:; " + ONE + ")*");

    @Test
    void every_rule_the_code_refuses_with_names_its_source() {
        Map<String, Set<String>> rules = rulesInTheCode();
        List<String> missing = rules.entrySet().stream().filter(rule -> RuleSources.of(rule.getKey()).isEmpty())
                .map(rule -> rule.getKey() + " (in " + String.join(", ", rule.getValue()) + ")").toList();
        assertTrue(missing.isEmpty(), "add a line to RuleSources (its source from docs/DOMAIN.md, or "
                + RuleSources.OURS + ") for:\n" + String.join("\n", missing));
    }

    @Test
    void every_line_of_the_table_is_a_rule_the_code_still_refuses_with() {
        Set<String> rules = rulesInTheCode().keySet();
        List<String> stale = RuleSources.all().keySet().stream().filter(rule -> !rules.contains(rule)).toList();
        assertTrue(stale.isEmpty(), "no main code refuses with these any more; remove them from RuleSources: " + stale);
        List<String> notFound = NOT_RULES.keySet().stream().filter(s -> !ProblemTypesTest.problemTypes().containsKey(s)).toList();
        assertTrue(notFound.isEmpty(), "the scan no longer finds these; remove them from NOT_RULES: " + notFound);
    }

    @Test
    void every_source_is_in_a_citation_form_of_docs_domain_md() {
        List<String> malformed = RuleSources.all().entrySet().stream()
                .filter(source -> !CITATION.matcher(source.getValue()).matches())
                .map(source -> source.getKey() + " -> '" + source.getValue() + "'").toList();
        assertTrue(malformed.isEmpty(), "sources not in a form of docs/DOMAIN.md \"Citations\":\n" + String.join("\n", malformed));
    }

    @Test
    void the_citation_forms_accept_the_documented_examples_and_refuse_the_short_ones() {
        List.of("DPA art. 6.2", "DPA annex 1", "GDPR art. 12(3)", "GDPR art. 34(3)(a)", "GDPR art. 29",
                        "Reg. 1182/71 art. 3(1)", "EDPB Guidelines 9/2022", "dpa-ledger rule", "DPA art. 6.2; DPA art. 11.1")
                .forEach(c -> assertTrue(CITATION.matcher(c).matches(), c));
        List.of("art. 9.1", "Art. 7.3", "7.3", "GDPR 33(1)", "DPA art. 9", "GDPR art. 45-47", "project rule", "DPA art. 6.2;DPA art. 11.1")
                .forEach(c -> assertFalse(CITATION.matcher(c).matches(), c));
    }

    @Test
    void a_rejection_carries_its_rule_s_source_and_its_problem_shows_it_after_the_detail() {
        DomainRejection objection = CommonRejections.wrongParty("only-controller-objects", "DPA art. 6.1: only the controller objects");
        assertEquals(Optional.of("DPA art. 6.1"), objection.article());
        assertEquals(Optional.of(RuleSources.OURS), CommonRejections.required("reason").article());
        assertEquals(Optional.empty(), DomainRejection.invalid("no-such-rule", "t", "d").article());

        Map<?, ?> problem = body(new ProblemMappers().domain(objection));
        assertEquals(List.of("type", "title", "status", "detail", "article"), List.copyOf(problem.keySet()));
        assertEquals("DPA art. 6.1", problem.get("article"));
        // A rejection's own "article" member gives way to the table's one form.
        Map<?, ?> own = body(new ProblemMappers().domain(new DomainRejection(DomainRejection.Kind.FORBIDDEN,
                "only-controller-assesses-and-notifies", "t", "d", Map.of("article", "7.3"))));
        assertEquals("DPA art. 7.3", own.get("article"));
        assertFalse(body(new ProblemMappers().domain(DomainRejection.invalid("no-such-rule", "t", "d"))).containsKey("article"));
    }

    /** Rule slug → the files that refuse with it: every problem type of the main code except {@link #NOT_RULES}. */
    private static Map<String, Set<String>> rulesInTheCode() {
        return ProblemTypesTest.problemTypes().entrySet().stream().filter(e -> !NOT_RULES.containsKey(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Map<?, ?> body(Response response) {
        return (Map<?, ?>) response.getEntity();
    }
}
