package eu.dpaledger.agreement.domain.content;

import eu.dpaledger.agreement.domain.Lists;
import eu.dpaledger.platform.domain.Actor;
import eu.dpaledger.platform.domain.Parties;

import java.util.List;
import java.util.Optional;

/**
 * What the parties sign: the preamble's parties and annex 1 (assignment, processing, applications,
 * measures, locations, sub-processors) plus the agreement's settings. Lists are never null; absent
 * settings become {@link AgreementSettings#defaults()}.
 */
public record AgreementContent(
        Party controller,
        Party processor,
        Assignment assignment,
        List<String> purposes,
        List<DataCategory> dataCategories,
        List<Application> applications,
        List<SecurityMeasure> securityMeasures,
        List<ProcessingLocation> processingLocations,
        List<Subprocessor> subprocessors,
        AgreementSettings settings) {

    public AgreementContent {
        purposes = Lists.orEmpty(purposes);
        dataCategories = Lists.orEmpty(dataCategories);
        applications = Lists.orEmpty(applications);
        securityMeasures = Lists.orEmpty(securityMeasures);
        processingLocations = Lists.orEmpty(processingLocations);
        subprocessors = Lists.orEmpty(subprocessors);
        settings = settings == null ? AgreementSettings.defaults() : settings.withDefaults();
    }

    public Party party(PartyRole role) {
        return role == PartyRole.CONTROLLER ? controller : processor;
    }

    /** The party whose enterprise number the organisation (any accepted spelling) is. */
    public Optional<PartyRole> partyRoleOf(String organisation) {
        Optional<String> number = EnterpriseNumber.tryParse(organisation).map(EnterpriseNumber::value);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        if (controller != null && number.get().equals(controller.enterpriseNumber())) {
            return Optional.of(PartyRole.CONTROLLER);
        }
        if (processor != null && number.get().equals(processor.enterpriseNumber())) {
            return Optional.of(PartyRole.PROCESSOR);
        }
        return Optional.empty();
    }

    /** The two parties by enterprise number (null for a party the content does not name). */
    public Parties parties() {
        return new Parties(controller == null ? null : controller.enterpriseNumber(),
                processor == null ? null : processor.enterpriseNumber());
    }

    /** The party the caller acts for: its organisation is that party AND it holds that party's role. */
    public Optional<PartyRole> partyOf(Actor actor) {
        Parties parties = parties();
        if (parties.controlledBy(actor)) {
            return Optional.of(PartyRole.CONTROLLER);
        }
        return parties.processedBy(actor) ? Optional.of(PartyRole.PROCESSOR) : Optional.empty();
    }

    /** The highest information class level among the data categories, or null when none has a code. */
    public Integer highestInformationClass() {
        return InformationClass.highestLevel(dataCategories);
    }
}
