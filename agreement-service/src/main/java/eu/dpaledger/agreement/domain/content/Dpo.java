package eu.dpaledger.agreement.domain.content;

/** A party's data protection officer, the contact for everything under the agreement (art. 4.2). */
public record Dpo(String name, String email, String phone) {
}
