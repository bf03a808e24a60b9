package eu.dpaledger.agreement.domain;

import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.domain.DomainRejection;

import java.time.Instant;

/** Shared refusals of the assistance aggregates (instructions, disclosure requests, data subject requests). */
public final class AssistanceRejections {

    private AssistanceRejections() {
    }

    public static DomainRejection forbidden(String rule, String detail) {
        return CommonRejections.wrongParty(rule, detail);
    }

    public static DomainRejection required(String field) {
        return CommonRejections.required(field);
    }

    public static String text(String value, String field) {
        return CommonRejections.requiredText(value, field);
    }

    public static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public static Instant notInFuture(Instant value, String field, Instant now) {
        return CommonRejections.notInTheFuture(value, field, now);
    }

    public static DomainRejection state(String rule, String title, String detail) {
        return DomainRejection.stateConflict(rule, title, detail);
    }
}
