package eu.dpaledger.testing.fuzz;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Requests and responses as text a person can read and re-send: control characters, non-UTF-8 bytes and
 * lone surrogates escaped, long runs of one character written once with their count, the rest cut at a
 * limit that says how much was left out.
 */
final class Printable {

    private static final int LIMIT = 600;

    private Printable() {
    }

    static String request(RawHttp.Request request) {
        StringBuilder out = new StringBuilder(request.method()).append(' ').append(text(request.target().getBytes(StandardCharsets.UTF_8)));
        request.headers().forEach((name, value) -> out.append("\n").append(name).append(": ")
                .append(name.equalsIgnoreCase("Authorization") ? "Bearer <token of the role>" : latin1(value)));
        if (request.body() != null) {
            out.append("\n\n").append(text(request.body())).append("\n(").append(request.body().length).append(" bytes)");
        }
        return out.toString();
    }

    static String response(RawHttp.Response response) {
        if (response.status() < 0) {
            return "(no response)";
        }
        String body = text(response.body());
        return response.status() + " " + response.header("Content-Type") + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }

    /** UTF-8 text with escapes; bytes that are not UTF-8 as {@code \xNN}. */
    static String text(byte[] bytes) {
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return abbreviate(hexEscaped(bytes));
        }
        StringBuilder out = new StringBuilder();
        decoded.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || cp >= 0xd800 && cp <= 0xdfff || cp == 0xfeff || cp == 0x202e || cp == 0x200f) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return abbreviate(out.toString());
    }

    private static String latin1(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            out.append(c < 0x20 || c >= 0x7f ? String.format("\\x%02x", c) : String.valueOf((char) c));
        }
        return abbreviate(out.toString());
    }

    private static String hexEscaped(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xff;
            out.append(c < 0x20 || c >= 0x7f ? String.format("\\x%02x", c) : String.valueOf((char) c));
        }
        return out.toString();
    }

    /** Runs of more than 20 equal characters as {@code {'a' × 65536}}; then cut at the limit. */
    static String abbreviate(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int j = i;
            while (j < text.length() && text.charAt(j) == c) {
                j++;
            }
            if (j - i > 20) {
                out.append("{'").append(c).append("' × ").append(j - i).append('}');
            } else {
                out.append(text, i, j);
            }
            i = j;
        }
        return out.length() > LIMIT ? out.substring(0, LIMIT) + "…(" + (out.length() - LIMIT) + " more chars)" : out.toString();
    }
}
