package eu.dpaledger.platform.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import eu.dpaledger.platform.http.HttpProblem;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Crypto-shredding of personal data in events (docs/ARCHITECTURE.md "Personal data"). {@link #seal} replaces
 * each {@link Personal} value of an event's payload by a token sealed with its person's key before the event
 * is stored and published, so the hash chain, the topics and every copy hold only tokens; {@link #revealer}
 * opens tokens with the keys that still exist, and an erased value reads as {@code erased on <date>}.
 */
@ApplicationScoped
public class PersonalData {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PersonalData.class);

    @Inject
    PersonalDataKeys keys;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    /**
     * The payload to store for {@code event}: its personal values sealed, each with the key of its person within
     * {@code scope} (created in {@code tx} when new). A text in the payload that looks like a token is refused:
     * it would read as somebody else's value.
     */
    public Uni<JsonNode> seal(SqlClient tx, String scope, String streamId, Object event, JsonNode payload, Instant at) {
        requireNoTokens(payload, "");
        List<PersonalFields.Field> fields = PersonalFields.of(event);
        if (fields.isEmpty()) {
            return Uni.createFrom().item(payload);
        }
        Map<String, PersonalDataKeys.Subject> subjects = new LinkedHashMap<>();
        for (PersonalFields.Field f : fields) {
            PersonalDataKeys.Subject s = subjects.computeIfAbsent(f.subject(),
                    k -> new PersonalDataKeys.Subject(k, new HashSet<>(), new HashSet<>(Set.of(k))));
            s.kinds().add(f.kind());
            if (f.identifying()) {
                s.identifiers().add(PersonalFields.normalise(f.value()));
            }
        }
        return keys.keysFor(tx, scope, streamId, subjects.values(), at).map(found -> {
            JsonNode sealed = payload.deepCopy();
            for (PersonalFields.Field f : fields) {
                PersonalDataKeys.Key key = found.get(f.subject());
                if (key == null) {
                    throw new IllegalStateException("no key for a subject of " + event.getClass().getSimpleName());
                }
                replace(sealed, f.pointer(), SealedValue.seal(key.keyId(), key.material(), f.value()).token());
            }
            return sealed;
        });
    }

    /** {@link #revealer(SqlClient, Collection)} on a connection of its own (a read outside any transaction). */
    public Uni<Revealer> revealer(Collection<JsonNode> payloads) {
        return pool.withConnection(c -> revealer(c, payloads));
    }

    /** Opens the tokens in these payloads: one look-up in the key store for all of them (none when there are none). */
    public Uni<Revealer> revealer(SqlClient client, Collection<JsonNode> payloads) {
        Set<UUID> ids = new HashSet<>();
        for (JsonNode p : payloads) {
            tokens(p, t -> ids.add(t.keyId()));
        }
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Revealer.NONE);
        }
        return keys.find(client, ids).map(Revealer::new);
    }

    /** Opens tokens with the keys looked up for them; what it is given without tokens it returns as is. */
    public static final class Revealer {

        static final Revealer NONE = new Revealer(Map.of());

        private final Map<UUID, PersonalDataKeys.KeyState> keys;

        Revealer(Map<UUID, PersonalDataKeys.KeyState> keys) {
            this.keys = keys;
        }

        /** {@code node} with every token opened (a copy when there is one). */
        public JsonNode reveal(JsonNode node) {
            if (this == NONE || !hasToken(node)) {
                return node;
            }
            JsonNode copy = node.deepCopy();
            return open(copy);
        }

        /** One text: opened when it is a token. */
        public String reveal(String text) {
            return SealedValue.parse(text).map(this::open).orElse(text);
        }

        private JsonNode open(JsonNode node) {
            if (node.isTextual()) {
                return SealedValue.parse(node.textValue()).map(t -> (JsonNode) TextNode.valueOf(open(t))).orElse(node);
            }
            if (node instanceof ObjectNode object) {
                Iterator<Map.Entry<String, JsonNode>> it = object.fields();
                List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
                it.forEachRemaining(entries::add);
                for (Map.Entry<String, JsonNode> e : entries) {
                    object.set(e.getKey(), open(e.getValue()));
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    array.set(i, open(array.get(i)));
                }
            }
            return node;
        }

        private String open(SealedValue token) {
            PersonalDataKeys.KeyState key = keys.get(token.keyId());
            if (key == null) {
                // A key store restored without it, or a token not of ours: the stream stays usable, the value unreadable.
                LOG.warnf("personal value under key %s, which the key store does not know", token.keyId());
                return SealedValue.UNAVAILABLE;
            }
            if (key.material() == null) {
                return SealedValue.erased(key.erasedAt().atOffset(ZoneOffset.UTC).toLocalDate());
            }
            try {
                return token.open(key.material());
            } catch (IllegalStateException e) {
                LOG.warnf("personal value under key %s does not open with it", token.keyId());
                return SealedValue.UNAVAILABLE;
            }
        }
    }

    /** Calls {@code each} for every token in {@code node}. */
    public static void tokens(JsonNode node, Consumer<SealedValue> each) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            SealedValue.parse(node.textValue()).ifPresent(each);
        } else if (node.isContainerNode()) {
            for (JsonNode child : node) {
                tokens(child, each);
            }
        }
    }

    /** The JSON pointer of every token sealed with {@code keyId} in {@code node}, with the token. */
    public static Map<String, SealedValue> tokensOf(JsonNode node, UUID keyId) {
        Map<String, SealedValue> out = new LinkedHashMap<>();
        collect(node, "", keyId, out);
        return out;
    }

    private static void collect(JsonNode node, String pointer, UUID keyId, Map<String, SealedValue> out) {
        if (node.isTextual()) {
            SealedValue.parse(node.textValue()).filter(t -> t.keyId().equals(keyId)).ifPresent(t -> out.put(pointer, t));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), pointer + "/" + escape(e.getKey()), keyId, out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, keyId, out);
            }
        }
    }

    private static boolean hasToken(JsonNode node) {
        boolean[] found = {false};
        tokens(node, t -> found[0] = true);
        return found[0];
    }

    private static void requireNoTokens(JsonNode node, String pointer) {
        if (node.isTextual() && node.textValue().startsWith(SealedValue.PREFIX)) {
            String field = pointer.isEmpty() ? "/" : pointer;
            throw new HttpProblem(400, "reserved-text", "Reserved text",
                    field + ": a text may not start with \"" + SealedValue.PREFIX + "\", the form of sealed personal data",
                    Map.of("field", field.substring(1).replace('/', '.')));
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> requireNoTokens(e.getValue(), pointer + "/" + escape(e.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireNoTokens(node.get(i), pointer + "/" + i);
            }
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static void replace(JsonNode root, String pointer, String value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object && object.has(last)) {
            object.put(last, value);
        } else if (parent instanceof ArrayNode array && Integer.parseInt(last) < array.size()) {
            array.set(Integer.parseInt(last), TextNode.valueOf(value));
        } else {
            // A component Jackson writes under another name: refuse rather than store the value in clear.
            throw new IllegalStateException("no " + pointer + " in the payload to seal");
        }
    }
}
