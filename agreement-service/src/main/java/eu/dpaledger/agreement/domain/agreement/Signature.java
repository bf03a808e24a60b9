package eu.dpaledger.agreement.domain.agreement;

import eu.dpaledger.agreement.domain.content.PartyRole;

import java.time.Instant;

/**
 * A party's signature on the agreement or on an addendum.
 *
 * @param signedSha256 digest of exactly what was signed: the content, or the addendum's {@link AddendumTerms}
 * @param voided       true once a later edit changed the content this signature binds
 */
public record Signature(PartyRole party, String signerName, String signerTitle, String place,
                        String signedSha256, Instant at, boolean voided) {

    Signature asVoided() {
        return new Signature(party, signerName, signerTitle, place, signedSha256, at, true);
    }
}
