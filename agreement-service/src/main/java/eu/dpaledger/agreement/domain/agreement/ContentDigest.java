package eu.dpaledger.agreement.domain.agreement;

/**
 * Computes the SHA-256 (lower-case hex) of a value's canonical form. Signatures bind these digests,
 * so the form must be stable across versions; the application layer supplies a canonical-JSON
 * implementation because the domain has no JSON library.
 */
@FunctionalInterface
public interface ContentDigest {

    String sha256Hex(Object value);
}
