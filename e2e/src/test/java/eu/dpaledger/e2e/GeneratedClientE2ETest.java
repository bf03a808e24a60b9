package eu.dpaledger.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.client.agreement.ApiClient;
import eu.dpaledger.client.agreement.ApiException;
import eu.dpaledger.client.agreement.ApiResponse;
import eu.dpaledger.client.agreement.api.AgreementsApi;
import eu.dpaledger.client.agreement.api.AgreementsApi.APICreateAgreementRequest;
import eu.dpaledger.client.agreement.api.AgreementsApi.APIGetAgreementRequest;
import eu.dpaledger.client.agreement.api.AgreementsApi.APIListAgreementsRequest;
import eu.dpaledger.client.agreement.api.AgreementsApi.APISignAgreementRequest;
import eu.dpaledger.client.agreement.model.AgreementContent;
import eu.dpaledger.client.agreement.model.AgreementSettings;
import eu.dpaledger.client.agreement.model.AgreementView;
import eu.dpaledger.client.agreement.model.Application;
import eu.dpaledger.client.agreement.model.Assignment;
import eu.dpaledger.client.agreement.model.DataCategory;
import eu.dpaledger.client.agreement.model.Dpo;
import eu.dpaledger.client.agreement.model.Party;
import eu.dpaledger.client.agreement.model.Problem;
import eu.dpaledger.client.agreement.model.ProcessingLocation;
import eu.dpaledger.client.agreement.model.Representative;
import eu.dpaledger.client.agreement.model.SecurityMeasure;
import eu.dpaledger.client.agreement.model.SignatureRequest;
import eu.dpaledger.client.agreement.model.Subprocessor;
import eu.dpaledger.client.agreement.model.SupervisoryAuthority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agreement API as a partner portal meets it: only the Java client generated from the committed
 * {@code docs/api/agreement-service.yaml} (module {@code client}) talks to the packaged service. The access
 * tokens from Keycloak are the one thing it does not do. If the client cannot express a call, the contract is
 * what gets fixed, not this test.
 */
@ExtendWith(Stack.class)
class GeneratedClientE2ETest {

    private static final String ESN = "0428304785";
    /** The generated client's own JSON settings, to read a problem body. */
    private static final ObjectMapper MAPPER = ApiClient.createDefaultObjectMapper();

    @Test
    void a_draft_signed_by_both_parties_with_if_match_becomes_active_and_stale_or_missing_versions_are_refused() throws Exception {
        AgreementsApi opwijk = agreementsAs(Keycloak.user("opwijk-dpo"));
        AgreementsApi esn = agreementsAs(Keycloak.user("esn-staff"));

        ApiResponse<AgreementView> created = create(opwijk, newKey());
        assertEquals(201, created.getStatusCode());
        AgreementView draft = created.getData();
        assertEquals("DRAFT", String.valueOf(draft.getStatus()));
        String createdTag = etag(created);

        ApiResponse<AgreementView> read = get(opwijk, draft.getId());
        assertEquals(createdTag, etag(read), "GET answers the ETag the create answered");

        ApiResponse<AgreementView> signedByOpwijk = sign(opwijk, draft.getId(), "Jan Voorbeeld", createdTag);
        assertEquals("DRAFT", String.valueOf(signedByOpwijk.getData().getStatus()), "one signature does not activate");
        String signedTag = etag(signedByOpwijk);
        assertNotEquals(createdTag, signedTag, "a command moves the ETag on");

        // ESN signs with the version it read before Opwijk signed: 412, nothing changes.
        Problem stale = problem(412, () -> sign(esn, draft.getId(), "Piet Proef", createdTag));
        assertTrue(String.valueOf(stale.getType()).endsWith("/stale-version"), "problem type: " + stale.getType());
        // Without If-Match at all: 428.
        Problem missing = problem(428, () -> sign(esn, draft.getId(), "Piet Proef", null));
        assertTrue(String.valueOf(missing.getType()).endsWith("/if-match-required"), "problem type: " + missing.getType());
        assertEquals(signedTag, etag(get(esn, draft.getId())), "the refused commands changed nothing");

        ApiResponse<AgreementView> signedByEsn = sign(esn, draft.getId(), "Piet Proef", signedTag);
        assertEquals(200, signedByEsn.getStatusCode());
        assertEquals("ACTIVE", String.valueOf(signedByEsn.getData().getStatus()));
        assertEquals(2, signedByEsn.getData().getSignatures().size());
    }

    @Test
    void a_create_replayed_with_the_same_idempotency_key_returns_the_first_agreement() throws Exception {
        AgreementsApi opwijk = agreementsAs(Keycloak.user("opwijk-dpo"));
        String key = newKey();

        ApiResponse<AgreementView> first = create(opwijk, key);
        ApiResponse<AgreementView> replay = create(opwijk, key);

        assertEquals(201, replay.getStatusCode());
        assertEquals(first.getData().getId(), replay.getData().getId());
        assertEquals(List.of("true"), replay.getHeaders().get("Idempotent-Replayed"));
        assertNull(first.getHeaders().get("Idempotent-Replayed"));
    }

    @Test
    void the_agreement_list_pages_with_limit_and_next_cursor_without_losing_an_agreement() throws Exception {
        AgreementsApi opwijk = agreementsAs(Keycloak.user("opwijk-dpo"));
        var one = create(opwijk, newKey()).getData().getId();
        var two = create(opwijk, newKey()).getData().getId();

        // The list is a read model fed through Kafka: wait until walking it page by page finds both drafts.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Object> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                var page = opwijk.listAgreements(APIListAgreementsRequest.newBuilder()
                        .party(ESN).cursor(cursor).limit(1).build());
                assertTrue(page.getItems().size() <= 1, "limit=1 answered " + page.getItems().size() + " items");
                page.getItems().forEach(item -> seen.add(item.getAgreementId()));
                cursor = page.getNextCursor();
                pages++;
            } while (cursor != null && pages < 1000);
            assertTrue(pages >= 2, "followed nextCursor at least once");
            assertTrue(seen.contains(one) && seen.contains(two), "every agreement on some page: " + seen);
            assertEquals(seen.size(), seen.stream().distinct().count(), "no agreement on two pages");
        });
    }

    /** A client of the generated API that sends the caller's bearer token on every request. */
    private static AgreementsApi agreementsAs(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(Stack.AGREEMENTS);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return new AgreementsApi(client);
    }

    /** Runs a call that must fail with {@code status}; its body must read as the contract's Problem. */
    private static Problem problem(int status, Executable call) throws Exception {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(status, e.getCode(), e.getMessage());
        assertTrue(e.getResponseHeaders().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        Problem problem = MAPPER.readValue(e.getResponseBody(), Problem.class);
        assertEquals(status, problem.getStatus());
        assertNotNull(problem.getTitle());
        return problem;
    }

    private static String etag(ApiResponse<?> response) {
        List<String> values = response.getHeaders().get("ETag");
        assertNotNull(values, "no ETag on a " + response.getStatusCode());
        return Objects.requireNonNull(values.get(0));
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private static ApiResponse<AgreementView> create(AgreementsApi api, String idempotencyKey) throws ApiException {
        return api.createAgreementWithHttpInfo(APICreateAgreementRequest.newBuilder()
                .agreementContent(seedContent()).idempotencyKey(idempotencyKey).build());
    }

    private static ApiResponse<AgreementView> get(AgreementsApi api, UUID id) throws ApiException {
        return api.getAgreementWithHttpInfo(APIGetAgreementRequest.newBuilder().id(id.toString()).build());
    }

    /** Signs as the caller's party; {@code ifMatch} null sends no If-Match. */
    private static ApiResponse<AgreementView> sign(AgreementsApi api, UUID id, String signer, String ifMatch) throws ApiException {
        return api.signAgreementWithHttpInfo(APISignAgreementRequest.newBuilder().id(id.toString())
                .signatureRequest(new SignatureRequest().signerName(signer).signerTitle("algemeen directeur").place("Opwijk"))
                .idempotencyKey(newKey()).ifMatch(ifMatch).build());
    }

    /** The seed agreement between Opwijk and ESN (AgreementResource.SEED_EXAMPLE), built with the generated models. */
    private static AgreementContent seedContent() {
        return new AgreementContent()
                .controller(new Party().name("Lokaal bestuur Opwijk").enterpriseNumber("BE0207.511.803")
                        .address("Ringlaan 20, 1745 Opwijk")
                        .representative(new Representative().name("Jan Voorbeeld").title("algemeen directeur")
                                .email("jan.voorbeeld@example.org"))
                        .dpo(new Dpo().name("Els Fictief").email("dpo.opwijk@example.org").phone("+32 000 00 00 01")))
                .processor(new Party().name("European Service Network").enterpriseNumber("0428.304.785")
                        .address("Kunstlaan 47, 1000 Brussel")
                        .representative(new Representative().name("Piet Proef").title("algemeen directeur")
                                .email("piet.proef@example.com"))
                        .dpo(new Dpo().name("DPO ESN").email("dpo.esn@example.com").phone("+32 000 00 00 02")))
                .assignment(new Assignment().description("Opbouw en hosting website + hosting Matomo")
                        .addContractsItem("Overeenkomst website"))
                .addPurposesItem("Build and host the municipal website")
                .addDataCategoriesItem(new DataCategory().code("3 00").description("Identiteitsgegevens")
                        .retention("AS_REQUIRED_BY_LAW").reason("Toegang tot de website"))
                .addApplicationsItem(new Application().name("Matomo").activity("Analytics").storage("Op site Matomo")
                        .transfer("Door Paddle gelegd").access("Via wachtwoord"))
                .addSecurityMeasuresItem(new SecurityMeasure().group("Fysieke beveiliging").measure("Badge access").applied(true))
                .addProcessingLocationsItem(new ProcessingLocation().country("BE"))
                .addSubprocessorsItem(new Subprocessor().name("Level 27").headOffice("Hasselt").country("BE"))
                .settings(new AgreementSettings().supervisoryAuthority(SupervisoryAuthority.VTC).timeZone("Europe/Brussels")
                        .subprocessorObjectionDays(30).destructionConfirmationDays(30));
    }
}
