package eu.dpaledger.agreement.domain.assistance;

import eu.dpaledger.platform.domain.CommonRejections;
import eu.dpaledger.platform.domain.DomainRejection;

import java.time.Instant;

/** Shared refusals of the assistance aggregates. */
final class Rejections {

    private Rejections() {
    }

    static DomainRejection forbidden(String rule, String detail) {
        return DomainRejection.forbidden(rule, "Not allowed for your role in this agreement", detail);
    }

    static DomainRejection required(String field) {
        return CommonRejections.required(field);
    }

    static String text(String value, String field) {
        return CommonRejections.requiredText(value, field);
    }

    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static Instant notInFuture(Instant value, String field, Instant now) {
        return CommonRejections.notInTheFuture(value, field, now);
    }

    static DomainRejection state(String rule, String title, String detail) {
        return DomainRejection.stateConflict(rule, title, detail);
    }
}
