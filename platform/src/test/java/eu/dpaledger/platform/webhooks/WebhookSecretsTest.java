package eu.dpaledger.platform.webhooks;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSecretsTest {

    private static final String NEW = "k2:" + java.util.Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String OLD = "k1:" + java.util.Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    @Test
    void a_sealed_secret_is_not_the_secret_and_opens_only_for_its_subscription() {
        WebhookSecrets secrets = new WebhookSecrets(Optional.of(NEW));
        UUID subscription = UUID.randomUUID();
        WebhookSecrets.Sealed sealed = secrets.seal("whsec_c2VjcmV0", subscription);
        assertEquals("k2", sealed.keyId());
        assertFalse(sealed.value().contains("c2VjcmV0"));
        assertNotEquals(sealed.value(), secrets.seal("whsec_c2VjcmV0", subscription).value(), "a fresh nonce each time");
        assertEquals("whsec_c2VjcmV0", secrets.open(sealed, subscription));
        assertThrows(IllegalStateException.class, () -> secrets.open(sealed, UUID.randomUUID()), "bound to its row");
    }

    @Test
    void keys_rotate_the_first_seals_every_listed_one_opens_and_a_secret_from_before_opens_as_it_is() {
        UUID subscription = UUID.randomUUID();
        WebhookSecrets.Sealed byOld = new WebhookSecrets(Optional.of(OLD)).seal("whsec_b2xk", subscription);
        WebhookSecrets rotated = new WebhookSecrets(Optional.of(NEW + "," + OLD));
        assertEquals("k2", rotated.currentKeyId());
        assertEquals("whsec_b2xk", rotated.open(byOld, subscription));
        assertEquals("whsec_cGxhaW4", rotated.open(new WebhookSecrets.Sealed(null, "whsec_cGxhaW4"), subscription));
        WebhookSecrets withoutOld = new WebhookSecrets(Optional.of(NEW));
        assertTrue(assertThrows(IllegalStateException.class, () -> withoutOld.open(byOld, subscription)).getMessage()
                .contains("no longer lists"));
    }

    @Test
    void a_missing_or_malformed_key_is_refused_with_how_to_make_one() {
        assertTrue(assertThrows(IllegalStateException.class, () -> new WebhookSecrets(Optional.empty()).currentKeyId())
                .getMessage().contains("DPA_WEBHOOK_SECRET_KEYS"));
        for (String bad : new String[]{"k1", "k1:short", "bad id:" + NEW.substring(3), "k1:not base64!"}) {
            assertTrue(assertThrows(IllegalStateException.class, () -> new WebhookSecrets(Optional.of(bad))).getMessage()
                    .contains("openssl rand -base64 32"), bad);
        }
    }
}
