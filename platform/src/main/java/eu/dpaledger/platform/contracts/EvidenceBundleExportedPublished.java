package eu.dpaledger.platform.contracts;

import java.time.Instant;

/**
 * The kernel's published record of an evidence bundle's export (docs/EVIDENCE.md "Evidence bundle"): who exported which
 * stream, at which head, when. {@code contracts/eu.dpaledger.evidenceexport.EvidenceBundleExported.v1.schema.json}
 * describes the same shape.
 */
public record EvidenceBundleExportedPublished(String exportId, String service, long streamVersion, Export event) {

    public static final String TYPE = "eu.dpaledger.evidenceexport.EvidenceBundleExported.v1";

    /**
     * @param streamId   the stream the bundle is of (an agreement, breach, audit or sub-processor change)
     * @param version    its head version at the export
     * @param hash       its head hash at the export
     * @param exportedBy the caller's token subject
     * @param organisation the caller's organisation (enterprise number)
     */
    public record Export(String exportId, String streamId, String streamType, long version, String hash, String exportedBy,
                         String organisation, Instant exportedAt) {
    }
}
