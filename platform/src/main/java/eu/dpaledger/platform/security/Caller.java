package eu.dpaledger.platform.security;

import java.util.Set;

/**
 * Who is asking: token subject, organisation (claim {@code org}: 10-digit enterprise number) and
 * realm roles. Every read and command checks role AND organisation against the resource.
 * A {@linkplain #system system caller} is the service itself (a scheduler running a legal clock): it
 * has no organisation and no role, and the kernel lets it act on any stream of its own service.
 *
 * @param system true only for {@link #system(String)}; never set from a token
 */
public record Caller(String subject, String organisation, Set<String> roles, boolean system) {

    public static final String CONTROLLER = "controller";
    public static final String PROCESSOR = "processor";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** A caller from an access token. */
    public Caller(String subject, String organisation, Set<String> roles) {
        this(subject, organisation, roles, false);
    }

    /** The service itself, named (e.g. {@code audit-service/scheduler}) so that its events say who acted. */
    public static Caller system(String name) {
        return new Caller(name, null, Set.of(), true);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
