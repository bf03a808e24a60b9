package eu.dpaledger.platform.personaldata;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** The key store as the service's own table {@code personal_data_keys} (kernel migration V5). */
@ApplicationScoped
@DefaultBean
public class PgPersonalDataKeys implements PersonalDataKeys {

    private static final String INFO_COLUMNS = "key_id, scope, kinds, subject, identifiers, streams, created_at";

    @Override
    public Uni<Map<String, Key>> keysFor(SqlClient tx, String scope, String streamId, Collection<Subject> subjects, Instant at) {
        List<Tuple> rows = new ArrayList<>();
        for (Subject s : subjects.stream().sorted(java.util.Comparator.comparing(Subject::subject)).toList()) {
            rows.add(Tuple.tuple(Arrays.asList(UUID.randomUUID(), scope, new TreeSet<>(s.kinds()).toArray(String[]::new), s.subject(),
                    new TreeSet<>(s.identifiers()).toArray(String[]::new), new String[]{streamId}, io.vertx.core.buffer.Buffer.buffer(SealedValue.newKey()),
                    at.atOffset(ZoneOffset.UTC))));
        }
        // Get or create, one statement per person; an existing key learns the new kind, identifiers and stream.
        return tx.preparedQuery("INSERT INTO personal_data_keys (key_id, scope, kinds, subject, identifiers, streams, key, created_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
                        + "ON CONFLICT (scope, subject) WHERE erased_at IS NULL DO UPDATE SET "
                        + "kinds = ARRAY(SELECT DISTINCT unnest(personal_data_keys.kinds || excluded.kinds) ORDER BY 1), "
                        + "identifiers = ARRAY(SELECT DISTINCT unnest(personal_data_keys.identifiers || excluded.identifiers) ORDER BY 1), "
                        + "streams = ARRAY(SELECT DISTINCT unnest(personal_data_keys.streams || excluded.streams) ORDER BY 1) "
                        + "RETURNING subject, key_id, key")
                .executeBatch(rows)
                .map(result -> {
                    Map<String, Key> out = new HashMap<>();
                    for (var rs = result; rs != null; rs = rs.next()) {
                        for (Row r : rs) {
                            out.put(r.getString("subject"), new Key(r.getUUID("key_id"), r.getBuffer("key").getBytes()));
                        }
                    }
                    return out;
                });
    }

    @Override
    public Uni<Map<UUID, KeyState>> find(SqlClient client, Set<UUID> keyIds) {
        if (keyIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery("SELECT key_id, key, erased_at FROM personal_data_keys WHERE key_id = ANY($1)")
                .execute(Tuple.of(keyIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, KeyState> out = new HashMap<>();
                    for (Row r : rows) {
                        var erased = r.getOffsetDateTime("erased_at");
                        out.put(r.getUUID("key_id"), new KeyState(r.getUUID("key_id"),
                                r.getBuffer("key") == null ? null : r.getBuffer("key").getBytes(),
                                erased == null ? null : erased.toInstant()));
                    }
                    return out;
                });
    }

    @Override
    public Uni<List<KeyInfo>> bySubject(SqlClient client, String identifier, String scope, boolean lock) {
        return client.preparedQuery("SELECT " + INFO_COLUMNS + " FROM personal_data_keys WHERE erased_at IS NULL "
                        + "AND (subject = $1 OR identifiers @> ARRAY[$1]) AND ($2::text IS NULL OR scope = $2) ORDER BY scope, subject"
                        + (lock ? " FOR UPDATE" : ""))
                .execute(Tuple.of(identifier, scope))
                .map(PgPersonalDataKeys::infos);
    }

    @Override
    public Uni<List<KeyInfo>> inScopes(SqlClient client, Collection<String> scopes) {
        if (scopes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return client.preparedQuery("SELECT " + INFO_COLUMNS + " FROM personal_data_keys WHERE erased_at IS NULL AND scope = ANY($1) "
                        + "ORDER BY scope, created_at")
                .execute(Tuple.of(scopes.toArray(String[]::new)))
                .map(PgPersonalDataKeys::infos);
    }

    @Override
    public Uni<Void> destroy(SqlClient tx, Collection<UUID> keyIds, UUID erasureId, Instant at, String reason, String legalGround) {
        return tx.preparedQuery("UPDATE personal_data_keys SET key = NULL, subject = NULL, identifiers = '{}', erased_at = $2, "
                        + "erasure_id = $3, erasure_reason = $4, erasure_ground = $5 WHERE key_id = ANY($1) AND erased_at IS NULL")
                .execute(Tuple.of(keyIds.toArray(UUID[]::new), at.atOffset(ZoneOffset.UTC), erasureId, reason, legalGround))
                .replaceWithVoid();
    }

    private static List<KeyInfo> infos(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<KeyInfo> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new KeyInfo(r.getUUID("key_id"), r.getString("scope"), List.of(r.getArrayOfStrings("kinds")),
                    r.getString("subject"), List.of(r.getArrayOfStrings("identifiers")), List.of(r.getArrayOfStrings("streams")),
                    r.getOffsetDateTime("created_at").toInstant()));
        }
        return out;
    }
}
