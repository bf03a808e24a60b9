package eu.dpaledger.platform.personaldata;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The key store of the data subjects' keys: by default the service's own table {@code personal_data_keys}
 * ({@link PgPersonalDataKeys}); an operator may supply another bean (an external KMS) with the same contract.
 * Keys never leave it except to seal or open a value in this service.
 */
public interface PersonalDataKeys {

    /** A person the next event names: who (normalised), as what, and the values they can be found by. */
    record Subject(String subject, Set<String> kinds, Set<String> identifiers) {
    }

    /** A live key: its id and material. */
    record Key(UUID keyId, byte[] material) {
    }

    /** A key as the store knows it: live ({@code material} set) or erased ({@code erasedAt} set). */
    record KeyState(UUID keyId, byte[] material, Instant erasedAt) {
    }

    /** What the store holds about one live key, for access requests, erasure and retention. */
    record KeyInfo(UUID keyId, String scope, List<String> kinds, String subject, List<String> identifiers,
                   List<String> streams, Instant createdAt) {
    }

    /**
     * The key of each subject within {@code scope} (the agreement), created when the person is new there, in {@code tx};
     * the subjects in their natural order, so two commands lock the same keys in the same order.
     */
    Uni<Map<String, Key>> keysFor(SqlClient tx, String scope, String streamId, Collection<Subject> subjects, Instant at);

    /** The state of each known key among {@code keyIds}. */
    Uni<Map<UUID, KeyState>> find(SqlClient client, Set<UUID> keyIds);

    /**
     * The live keys of a person, found by a normalised name or e-mail address; within one scope when not null. With
     * {@code lock}, in a transaction about to destroy them: a command sealing with one of them waits until it is done.
     */
    Uni<List<KeyInfo>> bySubject(SqlClient client, String identifier, String scope, boolean lock);

    /** The live keys within these scopes. */
    Uni<List<KeyInfo>> inScopes(SqlClient client, Collection<String> scopes);

    /** Destroys the keys (and the subject and identifiers stored with them), recording when, why and on what ground. */
    Uni<Void> destroy(SqlClient tx, Collection<UUID> keyIds, UUID erasureId, Instant at, String reason, String legalGround);
}
