package eu.dpaledger.subprocessor.domain;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The caller of a command, taken from the access token, or the service's own scheduler.
 *
 * @param organisation the caller's enterprise number (claim {@code org}, 10 digits)
 */
public record Actor(String subject, String organisation, Set<String> roles) {

    public static final String CONTROLLER = "controller";
    public static final String PROCESSOR = "processor";
    /** The service's scheduler, which runs the clocks (no organisation). */
    public static final Actor SCHEDULER = new Actor("subprocessor-service/scheduler", null, Set.of());

    public Actor {
        roles = roles == null ? Set.of()
                : roles.stream().map(role -> role.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Acting as the agreement's controller: controller role AND the controller's organisation. */
    public boolean isControllerOf(AgreementFacts agreement) {
        return roles.contains(CONTROLLER) && agreement.controllerOrg().equals(organisation);
    }

    /** Acting as the agreement's processor: processor role AND the processor's organisation. */
    public boolean isProcessorOf(AgreementFacts agreement) {
        return roles.contains(PROCESSOR) && agreement.processorOrg().equals(organisation);
    }
}
