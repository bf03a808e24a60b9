package eu.dpaledger.testing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lint finds what a portal developer would trip over; a clean document passes. */
class ApiContractTest {

    private static final String CLEAN = """
            openapi: 3.1.0
            paths:
              /breaches:
                get:
                  operationId: listBreaches
                  parameters:
                  - {name: cursor, in: query, schema: {type: string}}
                  - {name: limit, in: query, schema: {type: integer}}
                  responses:
                    "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/ListPageEntry"}}}}
                    "401": {description: no, content: {application/problem+json: {schema: {$ref: "#/components/schemas/Problem"}}}}
              /breaches/{id}:
                delete:
                  operationId: deleteBreach
                  responses:
                    "204": {description: gone}
            components:
              schemas:
                Problem: {type: object}
                ListPageEntry: {type: object, properties: {items: {type: array}, nextCursor: {type: string}}}
            """;

    @Test
    void a_clean_document_passes() {
        assertEquals(List.of(), ApiContract.lint(CLEAN));
    }

    @Test
    void the_lint_names_each_fault() {
        String audits = """
                  /audits:
                    get:
                      responses:
                        "200": {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}
                        "201": {description: made}
                components:
                """;
        String faulty = CLEAN
                .replace("operationId: deleteBreach", "operationId: listBreaches")
                .replace("  - {name: cursor, in: query, schema: {type: string}}\n", "")
                .replace("{application/problem+json: {schema: {$ref: \"#/components/schemas/Problem\"}}}",
                        "{application/json: {schema: {type: object}}}")
                .replace("components:\n", audits);
        String all = String.join("\n", ApiContract.lint(faulty));
        assertTrue(all.contains("DELETE /breaches/{id}: operationId listBreaches is used twice"), all);
        assertTrue(all.contains("GET /breaches: a paged list without the cursor and limit"), all);
        assertTrue(all.contains("GET /breaches 401: not a Problem"), all);
        assertTrue(all.contains("GET /audits: no operationId"), all);
        assertTrue(all.contains("GET /audits 200: answers a bare array"), all);
        assertTrue(all.contains("GET /audits 201: no response schema"), all);
    }

    @Test
    void an_operation_with_only_refusals_has_no_success_response() {
        String refusalsOnly = CLEAN.replace("\"204\": {description: gone}",
                "\"404\": {description: no, content: {application/problem+json: {schema: {$ref: \"#/components/schemas/Problem\"}}}}");
        assertEquals(List.of("DELETE /breaches/{id}: no success response (an @APIResponse for a refusal hides the default one: "
                + "state the 2xx too)"), ApiContract.lint(refusalsOnly));
    }
}
