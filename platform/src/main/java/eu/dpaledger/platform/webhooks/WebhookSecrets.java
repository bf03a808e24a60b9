package eu.dpaledger.platform.webhooks;

import eu.dpaledger.platform.security.AesGcm;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhook signing secrets at rest: AES-256-GCM under a key from {@code dpa.webhooks.secret-keys}, a comma-separated
 * list of {@code <key id>:<base64 of 32 random bytes>}. The first key seals; every listed key opens, so keys rotate by
 * putting a new one first (a service re-seals what an older key sealed, then the old one can go). The key id is
 * stored with each sealed secret, and the subscription's id is the cipher's associated data: a sealed secret copied to
 * another row does not open. A secret stored before sealing (no key id) opens as it is, until it is re-sealed.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A sealed secret: the id of the key that sealed it (null: stored before sealing, in clear) and the value. */
    public record Sealed(String keyId, String value) {
    }

    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final String current;

    WebhookSecrets(@ConfigProperty(name = "dpa.webhooks.secret-keys") Optional<String> configured) {
        for (String entry : configured.orElse("").split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).trim();
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                key = new byte[0];
            }
            if (!id.matches("[A-Za-z0-9._-]{1,40}") || key.length != 32) {
                throw new IllegalStateException("dpa.webhooks.secret-keys: each entry is <key id>:<base64 of 32 random bytes> "
                        + "(e.g. k1:$(openssl rand -base64 32)); the entry for '" + id + "' is not");
            }
            keys.put(id, new SecretKeySpec(key, "AES"));
        }
        current = keys.isEmpty() ? null : keys.keySet().iterator().next();
    }

    /** The key that seals now; fails when none is configured. */
    public String currentKeyId() {
        if (current == null) {
            throw new IllegalStateException("dpa.webhooks.secret-keys is not set (DPA_WEBHOOK_SECRET_KEYS): webhook secrets "
                    + "are stored encrypted; give <key id>:<base64 of 32 random bytes>");
        }
        return current;
    }

    public Sealed seal(String secret, UUID subscription) {
        String keyId = currentKeyId();
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(keyId), nonce, subscription);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return new Sealed(keyId, Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a webhook secret", e);
        }
    }

    public String open(Sealed sealed, UUID subscription) {
        if (sealed.keyId() == null) {
            return sealed.value();
        }
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("webhook secret sealed with key '" + sealed.keyId()
                    + "', which dpa.webhooks.secret-keys no longer lists");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.value());
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(bytes, NONCE_BYTES), subscription);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("webhook secret of " + subscription + " does not open with key '" + sealed.keyId() + "'", e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, UUID subscription) throws GeneralSecurityException {
        Cipher cipher = AesGcm.cipher();
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(subscription.toString().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
