package eu.dpaledger.platform.security;

import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import java.security.NoSuchAlgorithmException;

/**
 * The AES/GCM cipher of this thread, for the kernel's sealed values (personal data, webhook secrets). Looking one up
 * ({@code Cipher.getInstance}: the providers, their services, the transformation) cost more than the sealing itself, once
 * per personal value of every command (JFR, bench/RESULTS.md); a cipher is re-initialised with its key and a fresh nonce
 * for every use anyway, so each thread keeps one. Callers {@code init} it before every use and use it on this thread only.
 */
public final class AesGcm {

    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    });

    private AesGcm() {
    }

    /** This thread's AES/GCM cipher, to be initialised for the use at hand. */
    public static Cipher cipher() {
        return CIPHER.get();
    }
}
