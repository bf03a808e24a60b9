package eu.dpaledger.agreement.domain.content;

/** A party's data protection officer: the processor must name one (DPA art. 4.2); the controller's is optional. */
public record Dpo(String name, String email, String phone) {
}
