package eu.dpaledger.audit.domain.evidence;

import eu.dpaledger.audit.domain.evidence.EvidenceItem.Acknowledge;
import eu.dpaledger.audit.domain.evidence.EvidenceItem.Content;
import eu.dpaledger.audit.domain.evidence.EvidenceItem.Dispute;
import eu.dpaledger.audit.domain.evidence.EvidenceItem.EvidenceAcknowledged;
import eu.dpaledger.audit.domain.evidence.EvidenceItem.EvidenceDisputed;
import eu.dpaledger.audit.domain.evidence.EvidenceItem.EvidenceExpired;
import eu.dpaledger.audit.domain.evidence.EvidenceItem.EvidenceRecorded;
import eu.dpaledger.audit.domain.evidence.EvidenceItem.EvidenceRevised;
import eu.dpaledger.audit.domain.evidence.EvidenceItem.RecordItem;
import eu.dpaledger.audit.domain.evidence.EvidenceItem.Revise;
import eu.dpaledger.audit.domain.evidence.EvidenceItem.Tick;
import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.domain.Parties;
import eu.dpaledger.testing.AggregateSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The processor's evidence register (DPA art. 4.1, 4.2, 5.2, 7.1), given/when/then: record, revise, review, expire. */
class EvidenceItemTest {

    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final EvidenceItem AGGREGATE = new EvidenceItem();
    static final AggregateSpec<Optional<EvidenceItem.Record>, EvidenceItem.Command, EvidenceItem.Event, DomainRejection> SPEC =
            AggregateSpec.of(AGGREGATE::initial, AGGREGATE::evolve, AGGREGATE::decide, DomainRejection.class,
                    DomainRejection::rule, DomainRejection::kind);
    static final Actor CONTROLLER = new Actor("dpo@opwijk", "0207511803", Set.of(Actor.CONTROLLER));
    static final Actor PROCESSOR = new Actor("staff@esn", "0428304785", Set.of(Actor.PROCESSOR));
    static final Actor OTHER_PROCESSOR = new Actor("staff@hosting", "0876543270", Set.of(Actor.PROCESSOR));
    static final AgreementFacts AGREEMENT = new AgreementFacts("agr-1", AgreementFacts.ACTIVE, new Parties("0207511803", "0428304785"),
            "VTC", BRUSSELS, 30, 30);
    static final Instant NOW = LocalDateTime.parse("2026-12-01T10:00").atZone(BRUSSELS).toInstant();
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final LocalDate VALID_UNTIL = LocalDate.parse("2026-12-31");

    static Content certificate(LocalDate validUntil) {
        return new Content("ISO/IEC 27001", null, null, LocalDate.parse("2024-01-01"), null, validUntil, null, null,
                "BSI Group", "Hosting platform Brussels", null);
    }

    static final EvidenceRecorded RECORDED = new EvidenceRecorded("ev-1", "agr-1", "0207511803", "0428304785", "Europe/Brussels",
            "CERTIFICATION", certificate(VALID_UNTIL), "staff@esn", NOW);

    @Test
    void the_processor_records_each_kind_with_what_it_requires() {
        SPEC.when(new RecordItem("ev-1", AGREEMENT, "CERTIFICATION", certificate(VALID_UNTIL), PROCESSOR, NOW)).then(RECORDED);
        Content policy = new Content(" Information security policy ", "3.1", SHA.toUpperCase(), LocalDate.parse("2026-03-01"),
                LocalDate.parse("2027-03-01"), null, null, null, null, null, null);
        EvidenceRecorded recorded = (EvidenceRecorded) SPEC.when(new RecordItem("ev-2", AGREEMENT, "SECURITY_POLICY", policy, PROCESSOR, NOW))
                .thenAccepted().get(0);
        assertEquals("Information security policy", recorded.content().title());
        assertEquals(SHA, recorded.content().sha256());
        assertEquals(LocalDate.parse("2027-03-01"), recorded.content().expiresAfter());

        Content noDigest = new Content("Policy", "3.1", null, LocalDate.parse("2026-03-01"), LocalDate.parse("2027-03-01"),
                null, null, null, null, null, null);
        SPEC.when(new RecordItem("ev-2", AGREEMENT, "SECURITY_POLICY", noDigest, PROCESSOR, NOW)).thenRejected("field-required");
        Content badDigest = new Content("Policy", "3.1", "abc", LocalDate.parse("2026-03-01"), LocalDate.parse("2027-03-01"),
                null, null, null, null, null, null);
        SPEC.when(new RecordItem("ev-2", AGREEMENT, "SECURITY_POLICY", badDigest, PROCESSOR, NOW)).thenRejected(EvidenceItem.INVALID_SHA256);
        Content reviewBeforeAdoption = new Content("Policy", "3.1", SHA, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-02-01"),
                null, null, null, null, null, null);
        SPEC.when(new RecordItem("ev-2", AGREEMENT, "SECURITY_POLICY", reviewBeforeAdoption, PROCESSOR, NOW))
                .thenRejected(EvidenceItem.INVALID_DATES);
        SPEC.when(new RecordItem("ev-3", AGREEMENT, "DPO", new Content("DPO", null, null, LocalDate.parse("2025-01-01"), null, null,
                "An Peeters", "dpo@esn.example", null, null, null), PROCESSOR, NOW)).thenAccepted();
        SPEC.when(new RecordItem("ev-3", AGREEMENT, "DPO", new Content("DPO", null, null, LocalDate.parse("2025-01-01"), null, null,
                "An Peeters", null, null, null, null), PROCESSOR, NOW)).thenRejected("field-required");
        SPEC.when(new RecordItem("ev-4", AGREEMENT, "STAFF_CONFIDENTIALITY", new Content("Confidentiality", null, null,
                LocalDate.parse("2026-11-01"), null, null, null, null, null, null, "Every person with access signed the clause"),
                PROCESSOR, NOW)).thenAccepted();
        SPEC.when(new RecordItem("ev-5", AGREEMENT, "MINIMUM_MEASURE", new Content("Multi-factor authentication", null, null, null,
                null, null, null, null, null, null, "Enforced for every administrator since March"), PROCESSOR, NOW)).thenAccepted();
        SPEC.when(new RecordItem("ev-6", AGREEMENT, "BADGE", certificate(VALID_UNTIL), PROCESSOR, NOW)).thenRejected(EvidenceItem.INVALID_KIND);
    }

    @Test
    void only_the_agreements_processor_records_and_only_its_controller_reviews() {
        SPEC.when(new RecordItem("ev-1", AGREEMENT, "CERTIFICATION", certificate(VALID_UNTIL), CONTROLLER, NOW))
                .thenRejected(EvidenceItem.ONLY_PROCESSOR_RECORDS);
        SPEC.when(new RecordItem("ev-1", AGREEMENT, "CERTIFICATION", certificate(VALID_UNTIL), OTHER_PROCESSOR, NOW))
                .thenRejected(EvidenceItem.ONLY_PROCESSOR_RECORDS);
        SPEC.given(RECORDED).when(new Acknowledge(PROCESSOR, NOW)).thenRejected(EvidenceItem.ONLY_CONTROLLER_REVIEWS);
        SPEC.given(RECORDED).when(new Revise(certificate(VALID_UNTIL), CONTROLLER, NOW)).thenRejected(EvidenceItem.ONLY_PROCESSOR_RECORDS);
        AgreementFacts draft = new AgreementFacts("agr-1", "DRAFT", AGREEMENT.parties(), "VTC", BRUSSELS, 30, 30);
        SPEC.when(new RecordItem("ev-1", draft, "CERTIFICATION", certificate(VALID_UNTIL), PROCESSOR, NOW))
                .thenRejected("agreement-not-in-force");
    }

    @Test
    void the_controller_acknowledges_or_disputes_each_revision_once() {
        assertEquals(EvidenceItem.Review.ACKNOWLEDGED, SPEC.given(RECORDED).when(new Acknowledge(CONTROLLER, NOW))
                .then(new EvidenceAcknowledged("dpo@opwijk", NOW)).orElseThrow().review());
        EvidenceDisputed disputed = new EvidenceDisputed("The scope leaves out the Ghent site", "dpo@opwijk", NOW);
        EvidenceItem.Record after = SPEC.given(RECORDED).when(new Dispute(" The scope leaves out the Ghent site ", CONTROLLER, NOW))
                .then(disputed).orElseThrow();
        assertEquals("The scope leaves out the Ghent site", after.disputeReason());
        SPEC.given(RECORDED).when(new Dispute(" ", CONTROLLER, NOW)).thenRejected("field-required");
        SPEC.given(RECORDED, disputed).when(new Acknowledge(CONTROLLER, NOW)).thenRejected(EvidenceItem.ALREADY_REVIEWED);

        // A revision is reviewed anew.
        EvidenceRevised revised = new EvidenceRevised(certificate(LocalDate.parse("2029-12-31")), "staff@esn", NOW);
        EvidenceItem.Record again = SPEC.given(RECORDED, disputed).when(new Revise(certificate(LocalDate.parse("2029-12-31")), PROCESSOR, NOW))
                .then(revised).orElseThrow();
        assertEquals(2, again.revision());
        assertEquals(EvidenceItem.Review.RECORDED, again.review());
        assertNull(again.disputeReason());
        SPEC.given(RECORDED, disputed, revised).when(new Acknowledge(CONTROLLER, NOW)).then(new EvidenceAcknowledged("dpo@opwijk", NOW));
    }

    static final java.time.Period WARNING = java.time.Period.ofDays(30);

    @Test
    void an_item_is_warned_of_within_the_warning_period_once_then_expired_once_and_a_renewal_lifts_both() {
        Instant november = LocalDateTime.parse("2026-11-30T23:59").atZone(BRUSSELS).toInstant();
        Instant december = LocalDateTime.parse("2026-12-01T00:01").atZone(BRUSSELS).toInstant();
        SPEC.given(RECORDED).when(new Tick(november, WARNING)).then(); // 31 days before: not yet
        EvidenceItem.EvidenceExpiring expiring = new EvidenceItem.EvidenceExpiring(VALID_UNTIL, december);
        assertEquals(true, SPEC.given(RECORDED).when(new Tick(december, WARNING)).then(expiring).orElseThrow().markedExpiring());
        SPEC.given(RECORDED, expiring).when(new Tick(december.plusSeconds(3600), WARNING)).then();

        Instant lastMinute = LocalDateTime.parse("2026-12-31T23:59").atZone(BRUSSELS).toInstant();
        Instant nextDay = LocalDateTime.parse("2027-01-01T00:01").atZone(BRUSSELS).toInstant();
        SPEC.given(RECORDED, expiring).when(new Tick(lastMinute, WARNING)).then();
        EvidenceExpired expired = new EvidenceExpired(VALID_UNTIL, nextDay);
        EvidenceItem.Record marked = SPEC.given(RECORDED, expiring).when(new Tick(nextDay, WARNING)).then(expired).orElseThrow();
        assertEquals(true, marked.markedExpired());
        // An item already past its date when first looked at is expired straight away.
        SPEC.given(RECORDED).when(new Tick(nextDay, WARNING)).then(expired);
        SPEC.given(RECORDED, expiring, expired).when(new Tick(nextDay.plusSeconds(3600), WARNING)).then();

        EvidenceRevised renewed = new EvidenceRevised(certificate(LocalDate.parse("2029-12-31")), "staff@esn", nextDay);
        EvidenceItem.Record renewedRecord = SPEC.given(RECORDED, expiring, expired, renewed).when(new Tick(nextDay.plusSeconds(7200), WARNING))
                .then().orElseThrow();
        assertEquals(false, renewedRecord.markedExpired());
        assertEquals(false, renewedRecord.markedExpiring());
        // A measure without a date never expires.
        EvidenceRecorded measure = new EvidenceRecorded("ev-5", "agr-1", "0207511803", "0428304785", "Europe/Brussels", "MINIMUM_MEASURE",
                new Content("MFA", null, null, null, null, null, null, null, null, null, "Enforced"), "staff@esn", NOW);
        SPEC.given(measure).when(new Tick(nextDay.plusSeconds(86_400L * 3650), WARNING)).then();
    }
}
