package eu.dpaledger.agreement.domain.content;

/**
 * A party to the agreement as named in the preamble: legal name, registered address, KBO/BCE
 * enterprise number (stored as 10 digits), representative and data protection officer.
 */
public record Party(String name, String enterpriseNumber, String address, Representative representative, Dpo dpo) {

    public Party withEnterpriseNumber(String number) {
        return new Party(name, number, address, representative, dpo);
    }
}
