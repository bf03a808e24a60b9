package eu.dpaledger.platform.security;

import java.util.Set;

/**
 * Who is asking: token subject, organisation (claim {@code org}: 10-digit enterprise number) and
 * realm roles. Every read and command checks role AND organisation against the resource.
 */
public record Caller(String subject, String organisation, Set<String> roles) {

    public static final String CONTROLLER = "controller";
    public static final String PROCESSOR = "processor";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
