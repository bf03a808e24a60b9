package eu.dpaledger.platform.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A business rule refused a command. {@code rule} is a stable slug that becomes the RFC 9457 problem
 * type ({@code .../problems/<rule>}); {@code kind} says what sort of refusal it is, which the HTTP
 * layer maps to a status; {@code details} are extra members of the problem (e.g. the violated field,
 * a deadline); {@link #article()} is the rule's source from {@link RuleSources}. Carries no stack trace: it is an
 * answer, not a failure.
 */
public class DomainRejection extends RuntimeException {

    /** What sort of refusal; the HTTP layer maps it to a status code. */
    public enum Kind {
        /** The input breaks a rule of content (400). */
        INVALID,
        /** The caller may not do this, although it may see the resource (403). */
        FORBIDDEN,
        /** The resource does not exist for this caller (404). */
        NOT_FOUND,
        /** The resource's current state does not allow this command (409). */
        STATE_CONFLICT,
        /** Well-formed input that cannot be processed as asked (422). */
        UNPROCESSABLE
    }

    private final String rule;
    private final String title;
    private final Kind kind;
    private final Map<String, Object> details;

    public DomainRejection(Kind kind, String rule, String title, String detail) {
        this(kind, rule, title, detail, Map.of());
    }

    public DomainRejection(Kind kind, String rule, String title, String detail, Map<String, Object> details) {
        super(detail, null, false, false);
        this.kind = kind;
        this.rule = rule;
        this.title = title;
        this.details = new LinkedHashMap<>(details);
    }

    public static DomainRejection invalid(String rule, String title, String detail) {
        return new DomainRejection(Kind.INVALID, rule, title, detail);
    }

    public static DomainRejection stateConflict(String rule, String title, String detail) {
        return new DomainRejection(Kind.STATE_CONFLICT, rule, title, detail);
    }

    public static DomainRejection forbidden(String rule, String title, String detail) {
        return new DomainRejection(Kind.FORBIDDEN, rule, title, detail);
    }

    /** A field-level validation failure: the problem lists the field with its message. */
    public static DomainRejection invalidField(String rule, String title, String field, String message) {
        return new DomainRejection(Kind.INVALID, rule, title, field + ": " + message,
                Map.of("violations", java.util.List.of(Map.of("field", field, "message", message))));
    }

    public String rule() { return rule; }
    public String title() { return title; }
    public Kind kind() { return kind; }
    public String detail() { return getMessage(); }
    public Map<String, Object> details() { return details; }

    /**
     * Where the rule comes from ({@code DPA art. 6.2}, {@code GDPR art. 12(3)}, {@value RuleSources#OURS}), from the
     * one table of rule sources; empty only for a slug the table lacks, which {@code RuleSourcesTest} does not let pass.
     */
    public Optional<String> article() { return RuleSources.of(rule); }
}
