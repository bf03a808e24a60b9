package eu.dpaledger.platform.webhooks;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * At start, seals with the current key every webhook secret (and a rotation's previous secret) that is stored in clear
 * (from before sealing) or sealed with an older key (after a key rotation), so that the older key can be taken out of the configuration. Each row is
 * re-sealed only if it still holds what was read (several instances may start together). Starting also fails here,
 * early, when no key is configured.
 */
@ApplicationScoped
@IfBuildProperty(name = "dpa.webhooks.enabled", stringValue = "true")
public class WebhookSecretSealer {

    private static final Logger LOG = Logger.getLogger(WebhookSecretSealer.class);

    @Inject
    Pool pool;

    @Inject
    WebhookSecrets secrets;

    void onStart(@Observes StartupEvent event) {
        int sealed = sealAll().await().atMost(Duration.ofMinutes(2));
        if (sealed > 0) {
            LOG.infof("webhook secrets: %d re-sealed with key '%s'", sealed, secrets.currentKeyId());
        }
    }

    /** Re-seals what is not sealed with the current key (the secret and a rotation's previous one); how many rows it changed. */
    public Uni<Integer> sealAll() {
        String current = secrets.currentKeyId();
        return pool.preparedQuery("SELECT subscription_id, secret, secret_key_id, previous_secret, previous_secret_key_id "
                        + "FROM webhook_subscriptions WHERE secret_key_id IS DISTINCT FROM $1 "
                        + "OR (previous_secret IS NOT NULL AND previous_secret_key_id IS DISTINCT FROM $1)")
                .execute(Tuple.of(current))
                .flatMap(rows -> {
                    List<Uni<Integer>> updates = new ArrayList<>();
                    for (Row r : rows) {
                        UUID id = r.getUUID("subscription_id");
                        WebhookSecrets.Sealed secret = resealed(r.getString("secret_key_id"), r.getString("secret"), id);
                        WebhookSecrets.Sealed previous = r.getString("previous_secret") == null ? new WebhookSecrets.Sealed(null, null)
                                : resealed(r.getString("previous_secret_key_id"), r.getString("previous_secret"), id);
                        updates.add(pool.preparedQuery("UPDATE webhook_subscriptions SET secret = $2, secret_key_id = $3, "
                                        + "previous_secret = $4, previous_secret_key_id = $5 WHERE subscription_id = $1 AND secret = $6 "
                                        + "AND previous_secret IS NOT DISTINCT FROM $7")
                                .execute(Tuple.tuple(Arrays.asList(id, secret.value(), secret.keyId(), previous.value(), previous.keyId(),
                                        r.getString("secret"), r.getString("previous_secret"))))
                                .map(RowSet::rowCount));
                    }
                    return updates.isEmpty() ? Uni.createFrom().item(0)
                            : Uni.join().all(updates).andFailFast().map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
                });
    }

    private WebhookSecrets.Sealed resealed(String keyId, String value, UUID subscription) {
        return secrets.seal(secrets.open(new WebhookSecrets.Sealed(keyId, value), subscription), subscription);
    }
}
