package eu.dpaledger.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Points the {@code bearer} OpenID Connect scheme at the realm this instance really uses, read when the service starts
 * ({@code dpa.openapi.oidc-url}, from {@code DPA_OIDC_URL}): the document is built once, with the demo realm's URL, but
 * a packaged service runs against whichever Keycloak it is given, and Swagger UI logs in through the scheme's URL.
 * Without {@code DPA_OIDC_URL} (tests) the document stays the committed contract.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class RealmUrlFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSecuritySchemes() == null) {
            return;
        }
        SecurityScheme bearer = openAPI.getComponents().getSecuritySchemes().get("bearer");
        if (bearer != null && bearer.getType() == SecurityScheme.Type.OPENIDCONNECT) {
            ConfigProvider.getConfig().getOptionalValue("dpa.openapi.oidc-url", String.class)
                    .ifPresent(bearer::setOpenIdConnectUrl);
        }
    }
}
