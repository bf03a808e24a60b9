package eu.dpaledger.platform.domain;

import java.time.Instant;

/**
 * The refusals every aggregate needs, each with ONE problem type for the whole API (a client handles
 * {@code field-required} the same way whichever service answers): a missing field, an instant that
 * lies in the future, a country that is not an ISO 3166-1 alpha-2 code, a party acting outside its role.
 */
public final class CommonRejections {

    public static final String FIELD_REQUIRED = "field-required";
    public static final String INSTANT_IN_THE_FUTURE = "instant-in-the-future";
    public static final String INVALID_COUNTRY = "invalid-country";
    public static final String NOT_FOUND = "not-found";
    /** A command that needs a signed agreement (active, terminated or closed) on a draft. */
    public static final String AGREEMENT_NOT_IN_FORCE = "agreement-not-in-force";
    /** The title of every refusal of a party acting outside its role (the type names the rule that was broken). */
    public static final String WRONG_PARTY_TITLE = "Not allowed for your role in this agreement";

    private CommonRejections() {
    }

    /** 400 {@code field-required} naming the field. */
    public static DomainRejection required(String field) {
        return DomainRejection.invalidField(FIELD_REQUIRED, "A required field is missing", field, "is required");
    }

    /** The trimmed text, or 400 {@code field-required} when it is missing or blank. */
    public static String requiredText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw required(field);
        }
        return value.trim();
    }

    /** 400 {@code instant-in-the-future} naming the field: facts are recorded once they happened. */
    public static DomainRejection instantInTheFuture(String field) {
        return DomainRejection.invalidField(INSTANT_IN_THE_FUTURE, "Instant in the future", field, "must not be in the future");
    }

    /** The instant, or 400 when it is missing or later than {@code now}. */
    public static Instant notInTheFuture(Instant value, String field, Instant now) {
        if (value == null) {
            throw required(field);
        }
        if (value.isAfter(now)) {
            throw instantInTheFuture(field);
        }
        return value;
    }

    /** 400 {@code invalid-country} naming the field and the value. */
    public static DomainRejection invalidCountry(String field, String value) {
        return DomainRejection.invalidField(INVALID_COUNTRY, "Invalid country", field,
                "'" + value + "' is not an ISO 3166-1 alpha-2 country code such as BE");
    }

    /**
     * 404 {@code not-found}: the resource does not exist, or the caller's organisation may not see it; the two
     * are one answer, so an id leaks nothing.
     */
    public static DomainRejection notFound(String what) {
        return new DomainRejection(DomainRejection.Kind.NOT_FOUND, NOT_FOUND, "Not found",
                what + " does not exist or is not visible to your organisation");
    }

    /**
     * 403 for a party of the agreement acting outside its role (the processor objecting, the controller reporting
     * a breach). {@code rule} names which party may and what (e.g. {@code only-controller-objects}), {@code detail}
     * cites the article.
     */
    public static DomainRejection wrongParty(String rule, String detail) {
        return DomainRejection.forbidden(rule, WRONG_PARTY_TITLE, detail);
    }

    /**
     * 409 {@code agreement-not-in-force}: what the sentence names needs a signed agreement (active, or after a
     * termination it survives by DPA art. 3.2) and this one is still a draft; the problem carries the status.
     */
    public static DomainRejection agreementNotInForce(String sentence, String status) {
        return new DomainRejection(DomainRejection.Kind.STATE_CONFLICT, AGREEMENT_NOT_IN_FORCE, "The agreement is not in force",
                sentence + "; this one is " + status, java.util.Map.of("agreementStatus", status));
    }
}
