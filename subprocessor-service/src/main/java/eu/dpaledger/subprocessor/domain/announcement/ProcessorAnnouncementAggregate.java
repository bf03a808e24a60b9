package eu.dpaledger.subprocessor.domain.announcement;

import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.Aggregate;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.domain.DomainRejection;
import eu.dpaledger.subprocessor.domain.SubprocessorDetails;
import eu.dpaledger.subprocessor.domain.announcement.AnnouncementCommand.Announce;
import eu.dpaledger.subprocessor.domain.announcement.AnnouncementCommand.RecordProgress;
import eu.dpaledger.subprocessor.domain.announcement.AnnouncementEvent.AnnouncementCompleted;
import eu.dpaledger.subprocessor.domain.announcement.AnnouncementEvent.AnnouncementMade;
import eu.dpaledger.subprocessor.domain.announcement.AnnouncementEvent.AnnouncementNoticesIssued;
import eu.dpaledger.subprocessor.domain.change.ChangeClocks;
import eu.dpaledger.subprocessor.domain.change.ChangeKind;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static eu.dpaledger.subprocessor.domain.ChangeRejections.*;

/**
 * A processor-wide sub-processor announcement as decide/evolve: the processor announces one change for all of its
 * ACTIVE agreements, or for a chosen set of them; each agreement then gets its own change notice (DPA art. 6.1) with its
 * own objection window, issued by the fan-out, whose progress this stream records. The announcement checks what holds
 * for every agreement alike (role, the change's content, the date against every agreement's window); what depends on
 * one agreement (its engaged sub-processors) is decided by that agreement's notice, which may be refused.
 */
public final class ProcessorAnnouncementAggregate
        implements Aggregate<Optional<AnnouncementRecord>, AnnouncementCommand, AnnouncementEvent> {

    /** The most agreements one chosen set may name (a request stays small; ALL_ACTIVE has no such bound). */
    public static final int MAX_CHOSEN = 10_000;

    @Override
    public Optional<AnnouncementRecord> initial() {
        return Optional.empty();
    }

    @Override
    public Class<AnnouncementEvent> eventType() {
        return AnnouncementEvent.class;
    }

    @Override
    public List<AnnouncementEvent> decide(AnnouncementCommand command, Optional<AnnouncementRecord> state) {
        if (command instanceof Announce c) {
            if (state.isPresent()) {
                throw DomainRejection.stateConflict("already-exists", "Already exists", "An announcement with this id exists");
            }
            return List.of(announce(c));
        }
        AnnouncementRecord record = state.orElseThrow(() -> new DomainRejection(DomainRejection.Kind.NOT_FOUND, "not-found",
                "Not found", "The announcement does not exist"));
        RecordProgress c = (RecordProgress) command;
        if (record.completedAt() != null) {
            return List.of();
        }
        if (c.remaining() == 0) {
            return List.of(new AnnouncementCompleted(c.created(), c.refused(), c.at()));
        }
        if (c.created() == record.created() && c.refused() == record.refused()) {
            return List.of();
        }
        return List.of(new AnnouncementNoticesIssued(c.created(), c.refused(), c.remaining(), c.at()));
    }

    private static AnnouncementMade announce(Announce c) {
        Actor actor = c.actor();
        // DPA art. 6.1: the processor informs the controller, here every controller of the chosen agreements at once.
        if (!actor.hasRole(Actor.PROCESSOR) || actor.organisation() == null) {
            throw forbidden(ONLY_PROCESSOR_ANNOUNCES, "Only a processor announces sub-processor changes (DPA art. 6.1)");
        }
        requireNotice(c.kind(), c.reason(), c.intendedFrom(), c.subprocessor());
        SubprocessorDetails subprocessor = c.subprocessor();
        if (c.kind() != ChangeKind.REMOVE) {
            requireLocation(subprocessor);
        }
        if (c.kind() == ChangeKind.REPLACE && (c.replaces() == null || c.replaces().isBlank())) {
            throw required("replaces");
        }
        List<AgreementFacts> targets = c.selection() == Selection.CHOSEN ? chosen(c) : c.targets();
        if (targets.isEmpty()) {
            throw new DomainRejection(DomainRejection.Kind.UNPROCESSABLE, NO_ACTIVE_AGREEMENTS, "No ACTIVE agreement",
                    "The processor has no ACTIVE agreement to announce a sub-processor change to (DPA art. 6.1 applies per agreement)");
        }
        for (AgreementFacts target : targets) {
            if (!target.isActive() || !actor.organisation().equals(target.processorOrg())) {
                throw new IllegalArgumentException("not an ACTIVE agreement of " + actor.organisation() + ": " + target.agreementId());
            }
        }
        requireDateFitsEveryWindow(c, targets);
        return new AnnouncementMade(c.announcementId(), actor.organisation(), c.selection(), targets.size(), digest(targets),
                c.kind(), subprocessor, c.replaces() == null ? null : c.replaces().trim(), c.intendedFrom(), c.reason().trim(),
                actor.subject(), c.at());
    }

    /** The chosen set: each id once, each an ACTIVE agreement of the processor (an unknown or foreign id alike). */
    private static List<AgreementFacts> chosen(Announce c) {
        List<String> ids = c.chosen();
        if (ids == null || ids.isEmpty()) {
            throw required("agreementIds");
        }
        if (ids.size() > MAX_CHOSEN) {
            throw DomainRejection.invalidField(TOO_MANY_AGREEMENTS, "Too many agreements", "agreementIds",
                    "at most " + MAX_CHOSEN + " agreements; announce to ALL_ACTIVE for more");
        }
        Map<String, AgreementFacts> known = c.targets().stream()
                .collect(Collectors.toMap(AgreementFacts::agreementId, f -> f, (a, b) -> a));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String field = "agreementIds[" + i + "]";
            if (id == null || id.isBlank()) {
                throw required(field);
            }
            if (!seen.add(id)) {
                throw DomainRejection.invalidField(DUPLICATE_AGREEMENT, "Agreement named twice", field, "already named earlier in the list");
            }
            AgreementFacts facts = known.get(id);
            if (facts == null || !c.actor().organisation().equals(facts.processorOrg())) {
                throw new DomainRejection(DomainRejection.Kind.UNPROCESSABLE, UNKNOWN_AGREEMENT, "Not an agreement of yours",
                        "No agreement with id " + id + " has your organisation as its processor",
                        Map.of("violations", List.of(Map.of("field", field, "message", "no agreement of yours"))));
            }
            if (!facts.isActive()) {
                throw new DomainRejection(DomainRejection.Kind.STATE_CONFLICT, AGREEMENT_NOT_ACTIVE, "The agreement is not active",
                        "Sub-processor changes are announced under an ACTIVE agreement; " + id + " is " + facts.status(),
                        Map.of("agreementStatus", facts.status(),
                                "violations", List.of(Map.of("field", field, "message", "not ACTIVE but " + facts.status()))));
            }
        }
        return ids.stream().map(known::get).toList();
    }

    /**
     * DPA art. 6.1: each controller may object before the change takes effect, so the intended date may not fall before
     * any agreement's window ends (counted from now; a notice the fan-out issues later counts from then and is refused
     * on its own if its window then ends after the date). A removal needs no window but cannot lie in the past.
     */
    private static void requireDateFitsEveryWindow(Announce c, List<AgreementFacts> targets) {
        if (c.kind() == ChangeKind.REMOVE) {
            for (AgreementFacts target : targets) {
                LocalDate today = ChangeClocks.dateOf(c.at(), target.zone());
                if (c.intendedFrom().isBefore(today)) {
                    throw DomainRejection.invalidField(INTENDED_IN_THE_PAST, "Intended date in the past", "intendedFrom",
                            "must be today (" + today + ") or later");
                }
            }
            return;
        }
        LocalDate earliest = null;
        Instant latestWindowEnd = null;
        for (AgreementFacts target : targets) {
            Instant windowEndsAt = ChangeClocks.objectionWindowEndsAt(c.at(), target.subprocessorObjectionDays(), target.zone());
            LocalDate date = ChangeClocks.dateOf(windowEndsAt, target.zone());
            if (earliest == null || date.isAfter(earliest)) {
                earliest = date;
                latestWindowEnd = windowEndsAt;
            }
        }
        if (c.intendedFrom().isBefore(earliest)) {
            throw new DomainRejection(DomainRejection.Kind.UNPROCESSABLE, INTENDED_BEFORE_WINDOW_ENDS,
                    "Intended date before an objection window ends",
                    "Some controller may object until " + latestWindowEnd + " (its agreement's window, DPA art. 6.1); "
                            + "the change can take effect on " + earliest + " at the earliest for all of them",
                    Map.of("objectionWindowEndsAt", latestWindowEnd.toString(), "earliestIntendedFrom", earliest.toString()));
        }
    }

    /** SHA-256 (hex) of the agreements' ids, sorted and joined by line feeds. */
    public static String digest(List<AgreementFacts> targets) {
        String joined = targets.stream().map(AgreementFacts::agreementId).sorted().collect(Collectors.joining("\n"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<AnnouncementRecord> evolve(Optional<AnnouncementRecord> state, AnnouncementEvent event) {
        if (event instanceof AnnouncementMade e) {
            return Optional.of(new AnnouncementRecord(e.announcementId(), e.processorOrg(), e.selection(), e.agreementCount(),
                    e.agreementsSha256(), e.kind(), e.subprocessor(), e.replaces(), e.intendedFrom(), e.reason(), e.announcedBy(),
                    e.at(), 0, 0, e.agreementCount(), null));
        }
        AnnouncementRecord record = state.orElseThrow(() -> new IllegalStateException(
                event.getClass().getSimpleName() + " on a stream without AnnouncementMade"));
        if (event instanceof AnnouncementNoticesIssued e) {
            return Optional.of(record.progressed(e.created(), e.refused(), e.remaining(), null));
        }
        AnnouncementCompleted e = (AnnouncementCompleted) event;
        return Optional.of(record.progressed(e.created(), e.refused(), 0, e.at()));
    }
}
