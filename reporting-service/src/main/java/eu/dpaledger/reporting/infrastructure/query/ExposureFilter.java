package eu.dpaledger.reporting.infrastructure.query;

import eu.dpaledger.platform.query.PageRequest;

import java.util.Map;

/**
 * The filters of {@code GET /subprocessor-exposure}; every one optional.
 *
 * @param country      only sub-processors processing in this country (ISO 3166-1 alpha-2)
 * @param thirdCountry true: only those outside the EEA (GDPR chapter V); false: only those inside
 * @param mechanism    only those transferring on this basis ({@code platform.domain.TransferMechanism})
 */
public record ExposureFilter(String country, Boolean thirdCountry, String mechanism) {

    public static ExposureFilter none() {
        return new ExposureFilter(null, null, null);
    }

    public Map<String, String> applied() {
        return PageRequest.filters("country", country, "thirdCountry", thirdCountry, "mechanism", mechanism);
    }
}
