package eu.dpaledger.platform.domain;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who performs a command, as the domain sees it: the subject and organisation of the access token and
 * its roles, or the service itself ({@link #system}, e.g. a scheduler running a legal clock). Every rule
 * that depends on a party checks role AND organisation ({@link Parties#controlledBy}, {@link Parties#processedBy}).
 *
 * @param organisation the caller's enterprise number (claim {@code org}, 10 digits); null for the service itself
 * @param roles        among {@link #CONTROLLER}, {@link #PROCESSOR}, {@link #AUDITOR}, {@link #ADMIN}, lower case
 */
public record Actor(String subject, String organisation, Set<String> roles) {

    public static final String CONTROLLER = "controller";
    public static final String PROCESSOR = "processor";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    public Actor {
        roles = roles == null ? Set.of()
                : roles.stream().map(role -> role.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** The service itself (no organisation, no role), named so that its events say who acted. */
    public static Actor system(String name) {
        return new Actor(name, null, Set.of());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** In {@code role} AND of {@code organisation} (false when either is missing). */
    public boolean acts(String role, String organisation) {
        return organisation != null && roles.contains(role) && organisation.equals(this.organisation);
    }
}
