package eu.dpaledger.platform.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What any text a client sends must satisfy before it may reach a command, the event store or the
 * published events, wherever it comes from (JSON keys and strings, path and query parameters,
 * headers): no character PostgreSQL cannot store as sent — U+0000 (refused by {@code text} and
 * {@code jsonb}) and unpaired UTF-16 surrogates (which would be stored as {@code ?}, silently
 * altered) — and no JSON string longer than the field limit. A refusal is a 400 problem naming the field.
 */
public final class InputRules {

    private final int maxTextLength;

    public InputRules(int maxTextLength) {
        this.maxTextLength = maxTextLength;
    }

    /** Checks every key and string of a parsed body; {@code field} in the problem is its dotted path ({@code a.b[2].c}). */
    public void checkTree(JsonNode root) {
        checkNode("", root);
    }

    private void checkNode(String path, JsonNode node) {
        if (node.isTextual()) {
            String text = node.textValue();
            checkCharacters(path, text);
            int length = text.codePointCount(0, text.length());
            if (length > maxTextLength) {
                throw violation(400, "field-too-long", "Field too long", path,
                        "is " + length + " characters long; at most " + maxTextLength + " are accepted");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = join(path, field.getKey());
                checkCharacters(child, field.getKey());
                checkNode(child, field.getValue());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkNode(path + "[" + i + "]", node.get(i));
            }
        }
    }

    /** 400 {@code unstorable-character} naming {@code field} when {@code text} holds U+0000 or an unpaired surrogate. */
    public static void checkCharacters(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                throw violation(400, "unstorable-character", "Character not accepted", field,
                        "contains U+0000 (NUL) at position " + i + ", which cannot be stored");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw violation(400, "unstorable-character", "Character not accepted", field,
                        "contains an unpaired UTF-16 surrogate at position " + i + ", which is not a character");
            }
        }
    }

    /** A problem about one field, in the shape every bad-input problem has ({@code violations} with field and message). */
    public static HttpProblem violation(int status, String rule, String title, String field, String message) {
        String name = field == null || field.isEmpty() ? "(body)" : field;
        return new HttpProblem(status, rule, title, name + " " + message,
                Map.of("violations", List.of(Map.of("field", name, "message", message))));
    }

    static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }
}
