package eu.dpaledger.agreement.domain.agreement;

import eu.dpaledger.agreement.domain.Lists;
import eu.dpaledger.agreement.domain.content.AgreementContentChanges;
import eu.dpaledger.agreement.domain.content.PartyRole;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A written addendum to an active agreement (art. 12.3) and how far it got. */
public record Addendum(
        int number,
        String title,
        String reason,
        AgreementContentChanges changes,
        PartyRole proposedBy,
        Instant proposedAt,
        Status status,
        List<Signature> signatures,
        Instant inForceAt,
        String resultingContentSha256,
        Instant withdrawnAt,
        String withdrawalReason) {

    public enum Status { PROPOSED, IN_FORCE, WITHDRAWN }

    public Addendum {
        signatures = Lists.orEmpty(signatures);
    }

    static Addendum proposed(int number, String title, String reason, AgreementContentChanges changes,
                             PartyRole proposedBy, Instant at) {
        return new Addendum(number, title, reason, changes, proposedBy, at, Status.PROPOSED, List.of(),
                null, null, null, null);
    }

    /** What the signatures bind. */
    public AddendumTerms terms() {
        return new AddendumTerms(number, title, reason, changes);
    }

    public boolean awaitingSignatures() {
        return status == Status.PROPOSED;
    }

    public Optional<Signature> signatureBy(PartyRole party) {
        return signatures.stream().filter(s -> s.party() == party).findFirst();
    }

    Addendum signed(Signature signature) {
        List<Signature> all = new ArrayList<>(signatures);
        all.add(signature);
        return new Addendum(number, title, reason, changes, proposedBy, proposedAt, status, all,
                inForceAt, resultingContentSha256, withdrawnAt, withdrawalReason);
    }

    Addendum inForce(String contentSha256, Instant at) {
        return new Addendum(number, title, reason, changes, proposedBy, proposedAt, Status.IN_FORCE, signatures,
                at, contentSha256, null, null);
    }

    Addendum withdrawn(String why, Instant at) {
        return new Addendum(number, title, reason, changes, proposedBy, proposedAt, Status.WITHDRAWN, signatures,
                null, null, at, why);
    }
}
