package eu.dpaledger.platform.personaldata;

import eu.dpaledger.platform.security.AesGcm;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A personal value as stored and published: {@code pd:1:<key id>:<base64url(nonce ‖ AES-256-GCM ciphertext)>}.
 * The key id is the reference to the subject's key in the key store; it is also the cipher's associated data,
 * so a token cannot be moved to another key. Once the key is destroyed the token reads as {@link #erased}.
 */
public record SealedValue(UUID keyId, byte[] sealed) {

    public static final String PREFIX = "pd:1:";
    /** What a sealed value reads as when its key is unknown to the key store (never erased by us: restored, or foreign). */
    public static final String UNAVAILABLE = "personal data unavailable";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new random AES-256 key. */
    public static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    public static SealedValue seal(UUID keyId, byte[] key, String value) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = AesGcm.cipher();
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] ciphertext = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + ciphertext.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(ciphertext, 0, out, NONCE_BYTES, ciphertext.length);
            return new SealedValue(keyId, out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    public String open(byte[] key) {
        try {
            Cipher cipher = AesGcm.cipher();
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(keyId.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("personal value under key " + keyId + " does not open with its key", e);
        }
    }

    public String token() {
        return PREFIX + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /** The sealed value a stored string is, if it is one. */
    public static Optional<SealedValue> parse(String text) {
        if (text == null || !text.startsWith(PREFIX) || text.length() < PREFIX.length() + 37) {
            return Optional.empty();
        }
        try {
            UUID keyId = UUID.fromString(text.substring(PREFIX.length(), PREFIX.length() + 36));
            if (text.charAt(PREFIX.length() + 36) != ':') {
                return Optional.empty();
            }
            return Optional.of(new SealedValue(keyId, Base64.getUrlDecoder().decode(text.substring(PREFIX.length() + 37))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** What an erased value reads as, everywhere. */
    public static String erased(LocalDate on) {
        return ERASED_PREFIX + on;
    }

    /** True for a value that reads as erased (or unavailable): content rules do not apply to it. */
    public static boolean isErased(String value) {
        return value != null && (value.startsWith(ERASED_PREFIX) || value.equals(UNAVAILABLE));
    }

    private static final String ERASED_PREFIX = "erased on ";
}
