package eu.dpaledger.agreement.domain.content;

import eu.dpaledger.platform.personaldata.Personal;

/**
 * A party's data protection officer: the processor must name one (DPA art. 4.2); the controller's is optional.
 * Personal data: stored and published sealed with the person's key (docs/ARCHITECTURE.md "Personal data").
 */
public record Dpo(@Personal(kind = "dpo") String name,
                  @Personal(kind = "dpo", subject = "name", identifying = true) String email,
                  @Personal(kind = "dpo", subject = "name") String phone) {
}
