package eu.dpaledger.audit.application;

import eu.dpaledger.audit.domain.audit.AuditRecord;
import eu.dpaledger.audit.infrastructure.OrganisationCalendars;
import eu.dpaledger.platform.agreements.AgreementDirectory;
import eu.dpaledger.platform.domain.AgreementFacts;
import eu.dpaledger.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Looks up an {@link AuditContext}: the agreement in the kernel's directory, then the processor's calendar
 * (this service's own setting) in the agreement's zone.
 */
@ApplicationScoped
public class AuditContexts {

    @Inject
    AgreementDirectory directory;

    @Inject
    OrganisationCalendars calendars;

    /** For a new audit under the agreement: 404 unless the caller's organisation is a party to it. */
    public Uni<AuditContext> forParty(Caller caller, String agreementId) {
        return directory.forParty(caller, agreementId).flatMap(this::withProcessorCalendar);
    }

    /** For a command on an existing audit (already found visible to the caller). */
    public Uni<AuditContext> of(Optional<AuditRecord> audit) {
        return directory.of(audit.orElseThrow().agreementId()).flatMap(this::withProcessorCalendar);
    }

    private Uni<AuditContext> withProcessorCalendar(AgreementFacts agreement) {
        return calendars.calendar(agreement.processorOrg(), agreement.zone())
                .map(calendar -> new AuditContext(agreement, calendar));
    }
}
