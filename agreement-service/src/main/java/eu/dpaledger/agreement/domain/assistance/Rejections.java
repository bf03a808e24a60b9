package eu.dpaledger.agreement.domain.assistance;

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
        return DomainRejection.invalidField("field-required", "A required field is missing", field, "is required");
    }

    static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw required(field);
        }
        return value.trim();
    }

    static String optional(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static Instant notInFuture(Instant value, String field, Instant now) {
        if (value == null) {
            throw required(field);
        }
        if (value.isAfter(now)) {
            throw DomainRejection.invalidField("instant-in-the-future", "Instant in the future", field, "must not be in the future");
        }
        return value;
    }

    static DomainRejection state(String rule, String title, String detail) {
        return DomainRejection.stateConflict(rule, title, detail);
    }
}
