package eu.dpaledger.agreement.domain.content;

import eu.dpaledger.agreement.domain.Lists;

import java.util.List;

/** The assignment (opdracht) the agreement belongs to: what the processor does and under which contracts (annex 1). */
public record Assignment(String description, List<String> contracts) {

    public Assignment {
        contracts = Lists.orEmpty(contracts);
    }
}
