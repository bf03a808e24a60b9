package eu.dpaledger.agreement.domain.content;

import eu.dpaledger.agreement.domain.Lists;

import java.util.List;
import java.util.stream.Stream;

/**
 * What an addendum changes (art. 12.3). Same sections as {@link AgreementContent}; a null section
 * stays as it is, a non-null section replaces that section as a whole (an empty list clears it).
 * A party section may change the party's name, address and contacts, never its enterprise number.
 */
public record AgreementContentChanges(
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

    public AgreementContentChanges {
        purposes = Lists.orNull(purposes);
        dataCategories = Lists.orNull(dataCategories);
        applications = Lists.orNull(applications);
        securityMeasures = Lists.orNull(securityMeasures);
        processingLocations = Lists.orNull(processingLocations);
        subprocessors = Lists.orNull(subprocessors);
    }

    /** True when no section changes. */
    public boolean changesNothing() {
        return Stream.of(controller, processor, assignment, purposes, dataCategories, applications,
                securityMeasures, processingLocations, subprocessors, settings).allMatch(section -> section == null);
    }

    /** The content with these changes applied. */
    public AgreementContent applyTo(AgreementContent content) {
        return new AgreementContent(
                or(controller, content.controller()),
                or(processor, content.processor()),
                or(assignment, content.assignment()),
                or(purposes, content.purposes()),
                or(dataCategories, content.dataCategories()),
                or(applications, content.applications()),
                or(securityMeasures, content.securityMeasures()),
                or(processingLocations, content.processingLocations()),
                or(subprocessors, content.subprocessors()),
                or(settings, content.settings()));
    }

    private static <T> T or(T change, T current) {
        return change != null ? change : current;
    }
}
