package eu.dpaledger.audit.domain;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The caller of a command (from the access token), or the service's scheduler. */
public record Actor(String subject, String organisation, Set<String> roles) {

    public static final String CONTROLLER = "controller";
    public static final String PROCESSOR = "processor";
    public static final String AUDITOR = "auditor";
    public static final Actor SCHEDULER = new Actor("audit-service/scheduler", null, Set.of());

    public Actor {
        roles = roles == null ? Set.of()
                : roles.stream().map(role -> role.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isController(String controllerOrg) {
        return roles.contains(CONTROLLER) && controllerOrg.equals(organisation);
    }

    public boolean isProcessor(String processorOrg) {
        return roles.contains(PROCESSOR) && processorOrg.equals(organisation);
    }

    /** An auditor of the audit firm the controller appointed for this audit. */
    public boolean isAppointedAuditor(String auditorOrg) {
        return auditorOrg != null && roles.contains(AUDITOR) && auditorOrg.equals(organisation);
    }
}
