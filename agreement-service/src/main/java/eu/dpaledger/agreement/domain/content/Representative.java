package eu.dpaledger.agreement.domain.content;

/** The natural person who legally represents a party (e.g. the municipality's general director). */
public record Representative(String name, String title, String email) {
}
