package eu.dpaledger.platform.personaldata;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the {@link Personal} values of an event record by walking its record components (nested records and
 * lists of records included), with the JSON pointer each has in the event's payload (Jackson writes a record's
 * components under their names).
 */
public final class PersonalFields {

    /** One personal value: where it is in the payload, its kind and the person it belongs to. */
    public record Field(String pointer, String value, String kind, String subject, boolean identifying) {
    }

    private record Component(RecordComponent component, Personal personal, boolean walk) {
    }

    private static final Map<Class<?>, List<Component>> SHAPES = new ConcurrentHashMap<>();

    private PersonalFields() {
    }

    /** The personal values of {@code event} (none for an event without {@link Personal} components). */
    public static List<Field> of(Object event) {
        List<Field> out = new ArrayList<>();
        walk(event, "", out);
        return out;
    }

    /** True when values of this record type (or of records nested in it) can be personal. */
    public static boolean mayHold(Class<?> type) {
        return !shape(type).isEmpty();
    }

    /** The form a subject or identifier is stored and looked up in: trimmed, single spaces, lower case. */
    public static String normalise(String value) {
        return value == null ? null : value.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static void walk(Object value, String pointer, List<Field> out) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, pointer + "/" + i++, out);
            }
            return;
        }
        List<Component> components = shape(value.getClass());
        for (Component c : components) {
            Object v = read(c.component(), value);
            String at = pointer + "/" + c.component().getName();
            if (c.personal() != null) {
                if (v != null) {
                    String subject = c.personal().subject().isEmpty() ? (String) v : subjectOf(value, c.personal().subject(), (String) v);
                    out.add(new Field(at, (String) v, c.personal().kind(), normalise(subject), c.personal().identifying()));
                }
            } else if (c.walk()) {
                walk(v, at, out);
            }
        }
    }

    private static String subjectOf(Object record, String component, String fallback) {
        for (RecordComponent rc : record.getClass().getRecordComponents()) {
            if (rc.getName().equals(component)) {
                Object v = read(rc, record);
                return v instanceof String s && !s.isBlank() ? s : fallback;
            }
        }
        throw new IllegalStateException(record.getClass().getName() + " has no component " + component + " named by @Personal(subject)");
    }

    private static Object read(RecordComponent rc, Object record) {
        try {
            rc.getAccessor().setAccessible(true);
            return rc.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + rc, e);
        }
    }

    /** The components of a record type that are personal or may lead to personal ones; empty for other types. */
    private static List<Component> shape(Class<?> type) {
        List<Component> known = SHAPES.get(type);
        if (known != null) {
            return known;
        }
        // Computed under one lock, with the types being computed kept apart: no thread ever sees a partial shape
        // (which would publish a personal value in clear).
        synchronized (SHAPES) {
            return shape(type, new java.util.HashSet<>());
        }
    }

    private static List<Component> shape(Class<?> type, java.util.Set<Class<?>> inProgress) {
        List<Component> known = SHAPES.get(type);
        if (known != null) {
            return known;
        }
        if (!type.isRecord() || !inProgress.add(type)) {
            return List.of(); // not a record, or a record nesting itself
        }
        List<Component> out = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            Personal personal = rc.getAnnotation(Personal.class);
            if (personal == null) {
                personal = rc.getAccessor().getAnnotation(Personal.class);
            }
            if (personal != null) {
                if (rc.getType() != String.class) {
                    throw new IllegalStateException("@Personal on " + type.getName() + "." + rc.getName() + ": only String components can be sealed");
                }
                out.add(new Component(rc, personal, false));
            } else if (leadsToPersonal(rc, inProgress)) {
                out.add(new Component(rc, null, true));
            } else if (hidesPersonal(rc, inProgress)) {
                // Fail closed: a personal value the walker cannot reach would be stored and published in clear.
                throw new IllegalStateException(type.getName() + "." + rc.getName() + " holds @Personal values in a "
                        + rc.getType().getSimpleName() + ", which PersonalFields does not walk: use a record or a List of records");
            }
        }
        inProgress.remove(type);
        List<Component> result = List.copyOf(out);
        SHAPES.put(type, result);
        return result;
    }

    /** A record with personal values inside an Optional, a Map, an array or a wildcard list: not walked. */
    private static boolean hidesPersonal(RecordComponent rc, java.util.Set<Class<?>> inProgress) {
        if (rc.getType().isArray()) {
            Class<?> element = rc.getType().getComponentType();
            return element.isRecord() && !shape(element, inProgress).isEmpty();
        }
        if (rc.getGenericType() instanceof java.lang.reflect.ParameterizedType p) {
            for (java.lang.reflect.Type argument : p.getActualTypeArguments()) {
                Class<?> raw = argument instanceof Class<?> c ? c
                        : argument instanceof java.lang.reflect.WildcardType w && w.getUpperBounds()[0] instanceof Class<?> c ? c : null;
                if (raw != null && raw.isRecord() && !shape(raw, inProgress).isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean leadsToPersonal(RecordComponent rc, java.util.Set<Class<?>> inProgress) {
        Class<?> type = rc.getType();
        if (type.isRecord()) {
            return !shape(type, inProgress).isEmpty();
        }
        if (Collection.class.isAssignableFrom(type) && rc.getGenericType() instanceof java.lang.reflect.ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
            return !shape(element, inProgress).isEmpty();
        }
        return false;
    }
}
