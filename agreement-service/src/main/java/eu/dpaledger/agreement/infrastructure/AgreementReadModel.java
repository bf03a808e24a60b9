package eu.dpaledger.agreement.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.dpaledger.platform.personaldata.PersonalData;
import eu.dpaledger.platform.query.ListPage;
import eu.dpaledger.platform.query.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Queries on agreement-service's read models. */
@ApplicationScoped
public class AgreementReadModel {

    /** One row of the agreement list. */
    @Schema(description = "One agreement in the list (read model; eventually consistent)")
    public record AgreementSummary(@Schema(required = true, format = "uuid") String agreementId,
                          @Schema(required = true) long version,
                          @Schema(required = true, enumeration = {"DRAFT", "ACTIVE", "TERMINATED", "CLOSED"}) String status,
                          @Schema(required = true, description = "The controller's enterprise number, 10 digits",
                                  pattern = "^[01]\\d{9}$", example = "0207511803") String controllerOrg,
                          @Schema(required = true) String controllerName,
                          @Schema(required = true, description = "The processor's enterprise number, 10 digits",
                                  pattern = "^[01]\\d{9}$", example = "0428304785") String processorOrg,
                          @Schema(required = true) String processorName,
                          String assignment, Integer highestInformationClass, String supervisoryAuthority,
                          @Schema(required = true) Instant createdAt, @Schema(required = true) Instant updatedAt,
                          @Schema(required = true, description = "Who signed the current content, per party (personal data: an erased signer reads \"erased on <date>\")")
                          List<Signer> signers) {
    }

    /** A party's signature of the current content: the signer's name and when. */
    @Schema(name = "AgreementListSigner")
    public record Signer(@Schema(required = true, enumeration = {"CONTROLLER", "PROCESSOR"}) String party,
                         @Schema(required = true) String name, @Schema(required = true) Instant signedAt) {
    }

    @Inject
    Pool pool;

    @Inject
    PersonalData personalData;

    @Inject
    ObjectMapper mapper;

    /**
     * Agreements where the caller's organisation is the controller (and it holds the controller role)
     * or the processor (and it holds the processor role), optionally by status and counterparty; newest first,
     * one page after the cursor's (created_at, agreement_id).
     */
    public Uni<ListPage<AgreementSummary>> list(String organisation, boolean asController, boolean asProcessor, String status,
                                       String counterparty, PageRequest page) {
        Instant after = page.instant(0);
        Tuple args = Tuple.tuple(Arrays.asList(organisation, asController, asProcessor, status, counterparty,
                after == null ? null : after.atOffset(ZoneOffset.UTC), page.text(1), page.fetch()));
        return pool.preparedQuery("SELECT * FROM agreement_list "
                        + "WHERE ((controller_org = $1 AND $2) OR (processor_org = $1 AND $3)) "
                        + "AND ($4::text IS NULL OR status = $4) "
                        + "AND ($5::text IS NULL OR controller_org = $5 OR processor_org = $5) "
                        + "AND ($6::timestamptz IS NULL OR (created_at, agreement_id) < ($6, $7::text)) "
                        + "ORDER BY created_at DESC, agreement_id DESC LIMIT $8")
                .execute(args).flatMap(rows -> {
                    List<Row> found = new ArrayList<>();
                    rows.forEach(found::add);
                    List<JsonNode> signers = found.stream().map(r -> json(r.getJsonObject("signers").encode())).toList();
                    return personalData.revealer(signers).map(revealer -> {
                        List<AgreementSummary> out = new ArrayList<>();
                        for (int i = 0; i < found.size(); i++) {
                            out.add(summary(found.get(i), revealer.reveal(signers.get(i))));
                        }
                        return page.page(out, s -> List.of(s.createdAt(), s.agreementId()),
                                PageRequest.filters("status", status, "party", counterparty));
                    });
                });
    }

    /**
     * Whether subprocessor-service granted the controller an art. 6.2 termination right for this agreement that
     * still stands: granted, and its ground (the objection to that change) has not lapsed.
     */
    public Uni<Boolean> terminationRightGranted(String agreementId) {
        return pool.preparedQuery("SELECT 1 FROM subprocessor_termination_rights r WHERE r.agreement_id = $1 "
                        + "AND NOT EXISTS (SELECT 1 FROM subprocessor_termination_right_lapses l "
                        + "WHERE l.agreement_id = r.agreement_id AND l.change_id = r.change_id) LIMIT 1")
                .execute(Tuple.of(agreementId)).map(rows -> rows.iterator().hasNext());
    }

    private JsonNode json(String text) {
        try {
            return mapper.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("agreement_list.signers unreadable", e);
        }
    }

    private static AgreementSummary summary(Row r, JsonNode signedBy) {
        List<Signer> signers = new ArrayList<>();
        for (String party : List.of("CONTROLLER", "PROCESSOR")) {
            JsonNode s = signedBy.path(party);
            if (s.isObject()) {
                signers.add(new Signer(party, s.path("name").asText(), Instant.parse(s.path("signedAt").asText())));
            }
        }
        return new AgreementSummary(r.getString("agreement_id"), r.getLong("stream_version"), r.getString("status"),
                r.getString("controller_org"), r.getString("controller_name"), r.getString("processor_org"),
                r.getString("processor_name"), r.getString("assignment"), r.getInteger("highest_class"),
                r.getString("supervisory_authority"), r.getOffsetDateTime("created_at").toInstant(),
                r.getOffsetDateTime("updated_at").toInstant(), signers);
    }
}
