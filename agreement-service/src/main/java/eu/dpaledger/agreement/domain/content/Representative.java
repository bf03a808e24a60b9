package eu.dpaledger.agreement.domain.content;

import eu.dpaledger.platform.personaldata.Personal;

/**
 * The natural person who legally represents a party (e.g. the municipality's general director). Personal data:
 * stored and published sealed with the person's key (docs/ARCHITECTURE.md "Personal data").
 */
public record Representative(@Personal(kind = "representative") String name,
                             @Personal(kind = "representative", subject = "name") String title,
                             @Personal(kind = "representative", subject = "name", identifying = true) String email) {
}
