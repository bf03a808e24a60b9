package eu.dpaledger.agreement.domain;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The caller of a command, taken from the access token.
 *
 * @param subject      the token's subject
 * @param organisation the caller's enterprise number (claim {@code org}, 10 digits)
 * @param roles        among {@link #CONTROLLER}, {@link #PROCESSOR}, {@link #AUDITOR}, {@link #ADMIN}
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

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
