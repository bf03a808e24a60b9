package eu.dpaledger.audit.domain.evidence;

import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.platform.domain.Parties;
import eu.dpaledger.platform.personaldata.Personal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One item of the processor's evidence register of an agreement: what the processor shows to prove it keeps DPA art.
 * 4 and 5 (and so helps the controller prove its own compliance, art. 7.1). The processor records an item and revises
 * it (a new policy version, a new DPO, a renewed certificate); the controller acknowledges it or disputes it with a
 * reason. The scheduler warns once per date when an item's review or validity date comes within the warning period
 * (configurable, default 30 days: renewing it is then the processor's obligation), and marks it expired once the date
 * has passed.
 */
public final class EvidenceItem implements Aggregate<Optional<EvidenceItem.Record>, EvidenceItem.Command, EvidenceItem.Event> {

    public static final String ONLY_PROCESSOR_RECORDS = "only-processor-records-evidence";
    public static final String ONLY_CONTROLLER_REVIEWS = "only-controller-reviews-evidence";
    public static final String INVALID_KIND = "invalid-evidence-kind";
    public static final String INVALID_SHA256 = "invalid-sha256";
    public static final String INVALID_DATES = "invalid-evidence-dates";
    public static final String ALREADY_REVIEWED = "evidence-already-reviewed";
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-fA-F]{64}$");

    /** What an item proves, with its article. */
    public enum Kind {
        /** An up-to-date security policy and plan (DPA art. 4.2): version, document digest, adopted on, next review due. */
        SECURITY_POLICY("DPA art. 4.2"),
        /** The processor's data protection officer (DPA art. 4.2): name and contact, from when. */
        DPO("DPA art. 4.2"),
        /** Every person with access is bound by confidentiality before access (DPA art. 5.2): the attestation and its date. */
        STAFF_CONFIDENTIALITY("DPA art. 5.2"),
        /** A certification or audit report (e.g. ISO/IEC 27001) as proof of guarantees (DPA art. 7.1; GDPR art. 28(5)). */
        CERTIFICATION("DPA art. 7.1; GDPR art. 28(5)"),
        /** One of annex 1's minimum measures with the processor's statement on it (DPA art. 4.1, annex 1). */
        MINIMUM_MEASURE("DPA art. 4.1");

        private final String article;

        Kind(String article) {
            this.article = article;
        }

        public String article() {
            return article;
        }

        static Kind parse(String value) {
            if (value == null) {
                throw CommonRejections.required("kind");
            }
            try {
                return Kind.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw DomainRejection.invalidField(INVALID_KIND, "Unknown kind of evidence", "kind",
                        "one of " + Arrays.toString(values()) + " (DPA art. 4.1, 4.2, 5.2, 7.1)");
            }
        }
    }

    /** Waiting for the controller's review (RECORDED), or reviewed. */
    public enum Review { RECORDED, ACKNOWLEDGED, DISPUTED }

    /**
     * What the item says; which fields a kind requires is checked by {@link #check}. Every field is kept in every event
     * (null where the kind has none), so one shape describes them all.
     *
     * @param title         a short name: the policy's name, the measure, the certification scheme
     * @param version       SECURITY_POLICY: the document's version
     * @param sha256        the SHA-256 of the document (required for SECURITY_POLICY, optional for CERTIFICATION)
     * @param effectiveOn   SECURITY_POLICY: adopted on; DPO: in office since; STAFF_CONFIDENTIALITY: attested on
     * @param reviewDue     SECURITY_POLICY: next review due (required); STAFF_CONFIDENTIALITY: next attestation due (optional)
     * @param validUntil    CERTIFICATION: the last day it is valid
     * @param name          DPO: the person's name (personal data, sealed with the person's key: docs/ARCHITECTURE.md "Personal data")
     * @param contact       DPO: how to reach them (personal data, as the name)
     * @param issuer        CERTIFICATION: who certified
     * @param scope         CERTIFICATION: what it covers
     * @param statement     STAFF_CONFIDENTIALITY, MINIMUM_MEASURE: the processor's statement
     */
    public record Content(String title, String version, String sha256, LocalDate effectiveOn, LocalDate reviewDue,
                          LocalDate validUntil, @Personal(kind = "dpo") String name,
                          @Personal(kind = "dpo", subject = "name", identifying = true) String contact,
                          String issuer, String scope, String statement) {

        /** The day after which the item no longer proves anything until revised: its review or validity date, if it has one. */
        public LocalDate expiresAfter() {
            return validUntil != null ? validUntil : reviewDue;
        }
    }

    public sealed interface Command {
    }

    public record RecordItem(String itemId, AgreementFacts agreement, String kind, Content content, Actor actor, Instant at)
            implements Command {
    }

    public record Revise(Content content, Actor actor, Instant at) implements Command {
    }

    public record Acknowledge(Actor actor, Instant at) implements Command {
    }

    public record Dispute(String reason, Actor actor, Instant at) implements Command {
    }

    /**
     * The scheduler's look at the clock: an item whose date is within {@code warning} of today is expiring, one past its
     * date is expired.
     */
    public record Tick(Instant now, java.time.Period warning) implements Command {
    }

    public sealed interface Event {
    }

    public record EvidenceRecorded(String itemId, String agreementId, String controllerOrg, String processorOrg, String timeZone,
                                   String kind, Content content, String recordedBy, Instant at) implements Event {
    }

    public record EvidenceRevised(Content content, String revisedBy, Instant at) implements Event {
    }

    public record EvidenceAcknowledged(String acknowledgedBy, Instant at) implements Event {
    }

    public record EvidenceDisputed(String reason, String disputedBy, Instant at) implements Event {
    }

    public record EvidenceExpiring(LocalDate expiresAfter, Instant at) implements Event {
    }

    public record EvidenceExpired(LocalDate expiredAfter, Instant at) implements Event {
    }

    /**
     * An item as known.
     *
     * @param revision    1 when recorded, one more with each revision
     * @param warnedFor   the date it was warned of as expiring soon, if it was
     * @param expiredFor  the date it was marked expired for, if it was (a revision with a later date lifts both)
     */
    public record Record(String itemId, String agreementId, Parties parties, ZoneId zone, Kind kind, Content content, int revision,
                         Review review, String disputeReason, LocalDate warnedFor, LocalDate expiredFor, String recordedBy,
                         Instant recordedAt, Instant updatedAt) {

        /** Past its review or validity date (the end of that day, in the agreement's zone), whether or not marked yet. */
        public boolean expired(Instant now) {
            LocalDate last = content.expiresAfter();
            return last != null && now.atZone(zone).toLocalDate().isAfter(last);
        }

        /** Within {@code warning} of its date (today included), not yet past it. */
        public boolean expiringWithin(java.time.Period warning, Instant now) {
            LocalDate last = content.expiresAfter();
            LocalDate today = now.atZone(zone).toLocalDate();
            return last != null && !today.isAfter(last) && !today.plus(warning).isBefore(last);
        }

        /** Warned of as expiring soon for its current date (or marked expired for it): renewing it is due. */
        public boolean markedExpiring() {
            LocalDate last = content.expiresAfter();
            return last != null && (last.equals(warnedFor) || last.equals(expiredFor));
        }

        /** Marked expired for its current date by the scheduler. */
        public boolean markedExpired() {
            return expiredFor != null && expiredFor.equals(content.expiresAfter());
        }
    }

    @Override
    public Optional<Record> initial() {
        return Optional.empty();
    }

    @Override
    public Class<Event> eventType() {
        return Event.class;
    }

    @Override
    public List<Event> decide(Command command, Optional<Record> state) {
        if (command instanceof RecordItem c) {
            if (!c.agreement().parties().processedBy(c.actor())) {
                throw CommonRejections.wrongParty(ONLY_PROCESSOR_RECORDS,
                        "Only the agreement's processor records its evidence (DPA art. 4, 5, 7.1)");
            }
            if (!c.agreement().wasSigned()) {
                throw CommonRejections.agreementNotInForce("Evidence is recorded on active, terminated or closed agreements",
                        c.agreement().status());
            }
            Kind kind = Kind.parse(c.kind());
            return List.of(new EvidenceRecorded(c.itemId(), c.agreement().agreementId(), c.agreement().controllerOrg(),
                    c.agreement().processorOrg(), c.agreement().zone().getId(), kind.name(), check(kind, c.content(), c.at(),
                    c.agreement().zone()), c.actor().subject(), c.at()));
        }
        if (command instanceof Tick t) {
            return state.<List<Event>>map(r -> {
                if (r.expired(t.now()) && !r.markedExpired()) {
                    return List.of(new EvidenceExpired(r.content().expiresAfter(), t.now()));
                }
                if (r.expiringWithin(t.warning(), t.now()) && !r.markedExpiring()) {
                    return List.of(new EvidenceExpiring(r.content().expiresAfter(), t.now()));
                }
                return List.of();
            }).orElse(List.of());
        }
        Record r = state.orElseThrow(() -> CommonRejections.notFound("The evidence item"));
        if (command instanceof Revise c) {
            if (!r.parties().processedBy(c.actor())) {
                throw CommonRejections.wrongParty(ONLY_PROCESSOR_RECORDS, "Only the agreement's processor revises its evidence (DPA art. 4, 5, 7.1)");
            }
            return List.of(new EvidenceRevised(check(r.kind(), c.content(), c.at(), r.zone()), c.actor().subject(), c.at()));
        }
        if (!r.parties().controlledBy(actorOf(command))) {
            throw CommonRejections.wrongParty(ONLY_CONTROLLER_REVIEWS,
                    "Only the agreement's controller acknowledges or disputes the processor's evidence (DPA art. 7.1)");
        }
        if (r.review() != Review.RECORDED) {
            throw DomainRejection.stateConflict(ALREADY_REVIEWED, "Already reviewed",
                    "This revision was " + r.review().name().toLowerCase(Locale.ROOT) + "; a new revision can be reviewed again");
        }
        if (command instanceof Acknowledge c) {
            return List.of(new EvidenceAcknowledged(c.actor().subject(), c.at()));
        }
        Dispute c = (Dispute) command;
        return List.of(new EvidenceDisputed(CommonRejections.requiredText(c.reason(), "reason"), c.actor().subject(), c.at()));
    }

    private static Actor actorOf(Command command) {
        return command instanceof Acknowledge a ? a.actor() : ((Dispute) command).actor();
    }

    /** The content a kind requires, trimmed; 400 naming the first missing or wrong field. */
    static Content check(Kind kind, Content c, Instant at, ZoneId zone) {
        if (c == null) {
            throw CommonRejections.required("content");
        }
        LocalDate today = at.atZone(zone).toLocalDate();
        String title = CommonRejections.requiredText(c.title(), "content.title");
        String sha256 = c.sha256() == null || c.sha256().isBlank() ? null : c.sha256().trim();
        if (sha256 != null && !SHA256.matcher(sha256).matches()) {
            throw DomainRejection.invalidField(INVALID_SHA256, "Digest is not a SHA-256", "content.sha256",
                    "must be 64 hexadecimal characters: the document must be provable (DPA art. 7.1)");
        }
        sha256 = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
        return switch (kind) {
            case SECURITY_POLICY -> {
                if (sha256 == null) {
                    throw CommonRejections.required("content.sha256");
                }
                LocalDate adopted = required(c.effectiveOn(), "content.effectiveOn");
                notAfter(adopted, today, "content.effectiveOn", "the policy is recorded once adopted");
                LocalDate review = required(c.reviewDue(), "content.reviewDue");
                after(review, adopted, "content.reviewDue", "after its adoption: an up-to-date policy is reviewed (DPA art. 4.2)");
                yield new Content(title, CommonRejections.requiredText(c.version(), "content.version"), sha256, adopted, review,
                        null, null, null, null, null, null);
            }
            case DPO -> {
                LocalDate since = required(c.effectiveOn(), "content.effectiveOn");
                yield new Content(title, null, null, since, null, null, CommonRejections.requiredText(c.name(), "content.name"),
                        CommonRejections.requiredText(c.contact(), "content.contact"), null, null, null);
            }
            case STAFF_CONFIDENTIALITY -> {
                LocalDate attested = required(c.effectiveOn(), "content.effectiveOn");
                notAfter(attested, today, "content.effectiveOn", "an attestation is recorded once made");
                if (c.reviewDue() != null) {
                    after(c.reviewDue(), attested, "content.reviewDue", "after the attestation");
                }
                yield new Content(title, null, null, attested, c.reviewDue(), null, null, null, null, null,
                        CommonRejections.requiredText(c.statement(), "content.statement"));
            }
            case CERTIFICATION -> {
                LocalDate until = required(c.validUntil(), "content.validUntil");
                if (c.effectiveOn() != null) {
                    after(until, c.effectiveOn(), "content.validUntil", "after it was issued");
                }
                yield new Content(title, null, sha256, c.effectiveOn(), null, until, null, null,
                        CommonRejections.requiredText(c.issuer(), "content.issuer"), CommonRejections.requiredText(c.scope(), "content.scope"),
                        null);
            }
            case MINIMUM_MEASURE -> new Content(title, null, null, null, c.reviewDue(), null, null, null, null, null,
                    CommonRejections.requiredText(c.statement(), "content.statement"));
        };
    }

    private static LocalDate required(LocalDate value, String field) {
        if (value == null) {
            throw CommonRejections.required(field);
        }
        return value;
    }

    private static void notAfter(LocalDate value, LocalDate today, String field, String why) {
        if (value.isAfter(today)) {
            throw DomainRejection.invalidField(INVALID_DATES, "Date in the future", field, "must be today or earlier: " + why);
        }
    }

    private static void after(LocalDate value, LocalDate other, String field, String why) {
        if (!value.isAfter(other)) {
            throw DomainRejection.invalidField(INVALID_DATES, "Dates out of order", field, "must be after " + other + ": " + why);
        }
    }

    @Override
    public Optional<Record> evolve(Optional<Record> state, Event event) {
        if (event instanceof EvidenceRecorded e) {
            return Optional.of(new Record(e.itemId(), e.agreementId(), new Parties(e.controllerOrg(), e.processorOrg()),
                    ZoneId.of(e.timeZone()), Kind.valueOf(e.kind()), e.content(), 1, Review.RECORDED, null, null, null, e.recordedBy(),
                    e.at(), e.at()));
        }
        Record r = state.orElseThrow();
        if (event instanceof EvidenceRevised e) {
            return Optional.of(new Record(r.itemId(), r.agreementId(), r.parties(), r.zone(), r.kind(), e.content(), r.revision() + 1,
                    Review.RECORDED, null, r.warnedFor(), r.expiredFor(), r.recordedBy(), r.recordedAt(), e.at()));
        }
        if (event instanceof EvidenceAcknowledged e) {
            return Optional.of(new Record(r.itemId(), r.agreementId(), r.parties(), r.zone(), r.kind(), r.content(), r.revision(),
                    Review.ACKNOWLEDGED, null, r.warnedFor(), r.expiredFor(), r.recordedBy(), r.recordedAt(), e.at()));
        }
        if (event instanceof EvidenceDisputed e) {
            return Optional.of(new Record(r.itemId(), r.agreementId(), r.parties(), r.zone(), r.kind(), r.content(), r.revision(),
                    Review.DISPUTED, e.reason(), r.warnedFor(), r.expiredFor(), r.recordedBy(), r.recordedAt(), e.at()));
        }
        if (event instanceof EvidenceExpiring e) {
            return Optional.of(new Record(r.itemId(), r.agreementId(), r.parties(), r.zone(), r.kind(), r.content(), r.revision(),
                    r.review(), r.disputeReason(), e.expiresAfter(), r.expiredFor(), r.recordedBy(), r.recordedAt(), e.at()));
        }
        EvidenceExpired e = (EvidenceExpired) event;
        return Optional.of(new Record(r.itemId(), r.agreementId(), r.parties(), r.zone(), r.kind(), r.content(), r.revision(),
                r.review(), r.disputeReason(), r.warnedFor(), e.expiredAfter(), r.recordedBy(), r.recordedAt(), e.at()));
    }
}
