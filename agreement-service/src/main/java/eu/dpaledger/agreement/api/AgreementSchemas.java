package eu.dpaledger.agreement.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.Map;

/**
 * What the OpenAPI document says about the domain's records that they cannot say themselves (the domain is plain Java,
 * without annotations): the accepted spellings of a Belgian enterprise number. Runs at build time, like the kernel's {@code ContractFilter}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AgreementSchemas implements OASFilter {

    /**
     * The spellings {@code EnterpriseNumber.parse} accepts: an optional {@code BE}, then 10 digits starting with 0 or 1
     * or the old 9-digit form, with spaces, dots or dashes between them. The mod-97 check digits are verified besides.
     */
    public static final String ENTERPRISE_NUMBER_PATTERN = "^\\s*([Bb][Ee])?[\\s.-]*([01][\\s.-]*)?(\\d[\\s.-]*){8}\\d\\s*$";

    public static final String ENTERPRISE_NUMBER_SPELLINGS = "a Belgian enterprise number (KBO/BCE) in any usual spelling, "
            + "e.g. `BE0207.511.803`, `0207.511.803`, `0207511803`, `BE 0428 304 785`; its mod-97 check digits must be right";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Schema party = schemas.get("Party");
        if (party != null && party.getProperties() != null && party.getProperties().get("enterpriseNumber") != null) {
            party.getProperties().get("enterpriseNumber")
                    .pattern(ENTERPRISE_NUMBER_PATTERN)
                    .description(ENTERPRISE_NUMBER_SPELLINGS + ". Answers give the 10 digits.")
                    .example("BE0207.511.803");
        }
    }
}
