package eu.dpaledger.platform.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import eu.dpaledger.platform.domain.TransferMechanism;
import eu.dpaledger.platform.projection.IncomingEvent;

import java.util.List;

/**
 * agreement-service's published contract, one type for both sides: agreement-service writes it for every
 * event on {@code dpa.agreements} (the event's payload and a summary of the agreement after it), and every
 * service that keeps agreements reads it back with {@link #of}. The JSON Schemas in agreement-service's
 * {@code contracts/} describe the same shape; its contract test checks the two agree.
 *
 * @param event     the event's own payload (its schema per event type)
 * @param agreement the agreement after the event
 */
public record AgreementPublished(String agreementId, long streamVersion, JsonNode event, Summary agreement) implements EventPayload {

    public static final String TOPIC = "dpa.agreements";
    /** The prefix of agreement event types on the topic (the assistance aggregates publish there too). */
    public static final String TYPE_PREFIX = "eu.dpaledger.agreement.";

    /**
     * @param status                  DRAFT, SIGNING, ACTIVE, TERMINATED or CLOSED
     * @param assignment              the assignment's description (annex 1), when drafted
     * @param highestInformationClass the highest information class processed (1-4), when set
     * @param subprocessors           the annex-1 sub-processors, the baseline the controller accepted by signing (DPA art. 6.1)
     */
    public record Summary(String status, Party controller, Party processor, String assignment, Integer highestInformationClass,
                          Settings settings, List<AnnexSubprocessor> subprocessors, List<ProcessingLocation> processingLocations) {

        public Summary {
            subprocessors = subprocessors == null ? List.of() : List.copyOf(subprocessors);
            processingLocations = processingLocations == null ? List.of() : List.copyOf(processingLocations);
        }
    }

    public record Party(String name, String enterpriseNumber) {
    }

    /** The agreement's settings with their defaults applied (docs/DOMAIN.md "Settings"). */
    public record Settings(String supervisoryAuthority, String timeZone, Integer subprocessorObjectionDays,
                           Integer destructionConfirmationDays) {
    }

    public record AnnexSubprocessor(String name, String headOffice, String country, TransferMechanism transferMechanism) {
    }

    public record ProcessingLocation(String country, TransferMechanism transferMechanism) {
    }

    /** Reads an agreement event; a record without its id, version or summary is refused (dead-letter topic). */
    public static AgreementPublished of(IncomingEvent event) {
        AgreementPublished published = PublishedContracts.read(event, AgreementPublished.class);
        if (published.agreementId() == null || published.agreement() == null || published.agreement().controller() == null
                || published.agreement().processor() == null || published.agreement().status() == null
                || published.streamVersion() < 1) {
            throw new IllegalArgumentException("agreement event without agreementId, streamVersion or summary");
        }
        return published;
    }

    public String controllerOrg() {
        return agreement.controller().enterpriseNumber();
    }

    public String processorOrg() {
        return agreement.processor().enterpriseNumber();
    }

    /** The settings, each absent value as its documented default. */
    public Settings settingsOrDefaults() {
        Settings s = agreement.settings();
        return new Settings(s == null || s.supervisoryAuthority() == null ? "GBA" : s.supervisoryAuthority(),
                s == null || s.timeZone() == null ? "Europe/Brussels" : s.timeZone(),
                s == null || s.subprocessorObjectionDays() == null ? 30 : s.subprocessorObjectionDays(),
                s == null || s.destructionConfirmationDays() == null ? 30 : s.destructionConfirmationDays());
    }
}
