package eu.dpaledger.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The hostile values the fuzzer puts into JSON fields, path segments, query parameters and headers.
 * JSON values are raw bytes as they go on the wire, so escapes a JSON library would never write (a lone
 * surrogate as {@code \ud800}) and bytes that are not UTF-8 can be sent.
 */
final class EdgeValues {

    /** A value with a short name for grouping failures; {@code bytes} is the exact text sent. */
    record Edge(String name, byte[] bytes) {
        static Edge of(String name, String text) {
            return new Edge(name, text.getBytes(StandardCharsets.UTF_8));
        }

        /** A header value: each char one byte on the wire (Latin-1), as HTTP/1.1 sends obs-text. */
        static Edge latin1(String name, String text) {
            return new Edge(name, text.getBytes(StandardCharsets.ISO_8859_1));
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static final int KB64 = 64 * 1024;
    static final int MB1 = 1024 * 1024;

    private EdgeValues() {
    }

    /** JSON string literals (quotes included). */
    static List<Edge> strings() {
        List<Edge> out = new ArrayList<>();
        out.add(Edge.of("empty", "\"\""));
        out.add(Edge.of("blank", "\"   \""));
        out.add(Edge.of("tab-newline", "\"\\t\\r\\n\""));
        out.add(Edge.of("nul", "\"\\u0000\""));
        out.add(Edge.of("nul-inside", "\"a\\u0000b\""));
        out.add(Edge.of("lone-high-surrogate", "\"x\\ud800\""));
        out.add(Edge.of("lone-low-surrogate", "\"\\udfffx\""));
        out.add(Edge.of("reversed-surrogates", "\"\\udfff\\ud800\""));
        out.add(Edge.of("c0-controls", "\"\\u0001\\u0007\\u001b[31m\\u001f\""));
        out.add(Edge.of("raw-control-byte", "\"a\u0001b\""));
        out.add(Edge.of("del-nel-separators", "\"\\u007f\\u0085\\u2028\\u2029\""));
        out.add(Edge.of("noncharacters", "\"\\uffff\\ufffe\""));
        out.add(Edge.of("bom", "\"\\ufeffname\""));
        out.add(Edge.of("rtl-override", "\"\\u202egnp.exe\\u202c\""));
        out.add(Edge.of("rtl-text", "\"\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627\u200f\""));
        out.add(Edge.of("emoji", "\"\ud83d\ude00 \ud83c\udde7\ud83c\uddea \ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67\""));
        out.add(Edge.of("emoji-escaped-pair", "\"\\ud83d\\ude00\""));
        out.add(Edge.of("combining-zalgo", "\"e" + "\u0301\u0316\u0337".repeat(100) + "\""));
        out.add(Edge.of("nfd", "\"Ope\u0301wijk A\u030a\""));
        out.add(Edge.of("nfc", "\"Op\u00e9wijk \u00c5\""));
        out.add(Edge.of("angstrom-sign", "\"\u212b\""));
        out.add(Edge.of("fullwidth-digits", "\"\uff10\uff12\uff10\uff17\uff15\uff11\uff11\uff18\uff10\uff13\""));
        out.add(Edge.of("arabic-indic-digits", "\"\u0660\u0662\u0660\u0667\u0665\u0661\u0661\u0668\u0660\u0663\""));
        out.add(Edge.of("injection", "\"' OR 1=1 --; <script>alert(1)</script> ${jndi:ldap://x} %s%n ../../etc/passwd\""));
        out.add(Edge.of("number-like", "\"1e309\""));
        out.add(Edge.of("escapes", "\"\\\\\\\"\\/\""));
        out.add(Edge.of("64kb", "\"" + "a".repeat(KB64) + "\""));
        out.add(Edge.of("64kb-multibyte", "\"" + "\u00e9".repeat(KB64 / 2) + "\""));
        out.add(Edge.of("emoji-80kb", "\"" + "\ud83d\ude00".repeat(20_000) + "\""));
        return out;
    }

    /** A 1 MB JSON string literal. */
    static Edge megabyteString() {
        return Edge.of("1mb", "\"" + "a".repeat(MB1) + "\"");
    }

    /** JSON number literals (and near-numbers that are not JSON). */
    static List<Edge> numbers() {
        return List.of(
                Edge.of("zero", "0"),
                Edge.of("negative", "-1"),
                Edge.of("int-overflow", "2147483648"),
                Edge.of("int-underflow", "-2147483649"),
                Edge.of("long-overflow", "9223372036854775808"),
                Edge.of("long-underflow", "-9223372036854775809"),
                Edge.of("huge-integer", "123456789012345678901234567890123456789"),
                Edge.of("fraction", "1.5"),
                Edge.of("negative-zero", "-0.0"),
                Edge.of("exponent", "1E+2"),
                Edge.of("double-max", "1.7976931348623157e308"),
                Edge.of("double-overflow", "1e309"),
                Edge.of("tiny", "4.9e-325"),
                Edge.of("nan-literal", "NaN"),
                Edge.of("infinity-literal", "-Infinity"),
                Edge.of("hex", "0x10"),
                Edge.of("leading-zero", "007"),
                Edge.of("2000-digits", "9".repeat(2000)));
    }

    /** JSON string literals for fields that hold an instant ({@code date-time}). */
    static List<Edge> instants() {
        return List.of(
                Edge.of("not-a-date", "\"yesterday\""),
                Edge.of("year-0", "\"0000-01-01T00:00:00Z\""),
                Edge.of("year-99999", "\"+99999-12-31T23:59:59Z\""),
                Edge.of("year-minus-1", "\"-0001-01-01T00:00:00Z\""),
                Edge.of("instant-max", "\"+1000000000-12-31T23:59:59.999999999Z\""),
                Edge.of("instant-min", "\"-1000000000-01-01T00:00:00Z\""),
                Edge.of("beyond-instant-max", "\"+1000000001-01-01T00:00:00Z\""),
                Edge.of("february-30", "\"2027-02-30T10:00:00Z\""),
                Edge.of("hour-24", "\"2027-01-10T24:00:00Z\""),
                Edge.of("offset-plus-14", "\"2027-01-10T10:00:00+14:00\""),
                Edge.of("offset-minus-18", "\"2027-01-10T10:00:00-18:00\""),
                Edge.of("offset-plus-25", "\"2027-01-10T10:00:00+25:00\""),
                Edge.of("no-offset", "\"2027-01-10T10:00:00\""),
                Edge.of("date-only", "\"2027-01-10\""),
                Edge.of("nanoseconds", "\"2027-01-10T10:00:00.123456789Z\""),
                Edge.of("epoch", "\"1970-01-01T00:00:00Z\""),
                Edge.of("epoch-number", "1767225600"),
                Edge.of("huge-epoch-number", "-9223372036854775808"));
    }

    /** JSON string literals for fields that hold a calendar date ({@code date}). */
    static List<Edge> dates() {
        return List.of(
                Edge.of("not-a-date", "\"soon\""),
                Edge.of("year-0", "\"0000-01-01\""),
                Edge.of("year-99999", "\"+99999-12-31\""),
                Edge.of("year-minus-1", "\"-0001-01-01\""),
                Edge.of("localdate-max", "\"+999999999-12-31\""),
                Edge.of("february-30", "\"2027-02-30\""),
                Edge.of("month-13", "\"2027-13-01\""),
                Edge.of("basic-format", "\"20270110\""),
                Edge.of("with-time", "\"2027-01-10T00:00:00Z\""),
                Edge.of("array-form", "[2027,1,10]"));
    }

    /** Percent-encoded path segments for an id. */
    static List<Edge> pathIds() {
        return List.of(
                Edge.of("nul", "%00"),
                Edge.of("nul-inside", "abc%00def"),
                Edge.of("lone-surrogate-bytes", "%ED%A0%80"),
                Edge.of("invalid-utf8", "%FF%FE"),
                Edge.of("overlong-nul", "%C0%80"),
                Edge.of("c0-controls", "%01%1B%7F"),
                Edge.of("dot-dot", ".."),
                Edge.of("encoded-dot-dot", "%2E%2E"),
                Edge.of("encoded-slash", "a%2Fb"),
                Edge.of("backslash", "%5C..%5C"),
                Edge.of("space", "%20"),
                Edge.of("spaces-around-uuid", "%20" + "00000000-0000-0000-0000-000000000000" + "%20"),
                Edge.of("unicode", "%C3%A9%F0%9F%98%80%E2%80%AE"),
                Edge.of("long-2000", "a".repeat(2000)),
                Edge.of("long-uuid-like", "00000000-0000-0000-0000-" + "0".repeat(1000)),
                Edge.of("nil-uuid", "00000000-0000-0000-0000-000000000000"),
                Edge.of("uppercase-uuid", "3FA85F64-5717-4562-B3FC-2C963F66AFA6"),
                Edge.of("negative", "-1"),
                Edge.of("huge-number", "99999999999999999999"),
                Edge.of("fraction", "1.5"),
                Edge.of("sql", "%27%20OR%201%3D1%20--"),
                Edge.of("percent", "%25"),
                Edge.of("braces", "%7Bid%7D"),
                Edge.of("null-word", "null"));
    }

    /** Percent-encoded query values (for any parameter; integers and enums get more below). */
    static List<Edge> queryValues() {
        List<Edge> out = new ArrayList<>(List.of(
                Edge.of("empty", ""),
                Edge.of("nul", "%00"),
                Edge.of("nul-inside", "a%00b"),
                Edge.of("lone-surrogate-bytes", "%ED%A0%80"),
                Edge.of("invalid-utf8", "%FF"),
                Edge.of("c0-controls", "%01%1B"),
                Edge.of("unicode", "%C3%A9%F0%9F%98%80%E2%80%AE"),
                Edge.of("long-2000", "a".repeat(2000)),
                Edge.of("sql", "%27%20OR%201%3D1%20--"),
                Edge.of("dot-dot", "..%2F..")));
        return out;
    }

    /** Extra query values for integer parameters (page sizes). */
    static List<Edge> integerQueryValues() {
        return List.of(
                Edge.of("negative", "-1"),
                Edge.of("zero", "0"),
                Edge.of("int-overflow", "2147483648"),
                Edge.of("int-max", "2147483647"),
                Edge.of("huge", "99999999999999999999"),
                Edge.of("fraction", "1.5"),
                Edge.of("exponent", "1e3"),
                Edge.of("hex", "0x10"),
                Edge.of("padded", "%2010%20"),
                Edge.of("fullwidth-digit", "%EF%BC%91"),
                Edge.of("word", "ten"));
    }

    /** Extra query values for boolean parameters. */
    static List<Edge> booleanQueryValues() {
        return List.of(Edge.of("yes", "yes"), Edge.of("upper-true", "TRUE"), Edge.of("one", "1"));
    }

    /** Values for If-Match (a header is Latin-1 on the wire; no CR/LF so the message stays well-formed). */
    static List<Edge> ifMatch() {
        return List.of(
                Edge.latin1("garbage", "garbage"),
                Edge.latin1("empty-quotes", "\"\""),
                Edge.latin1("star", "*"),
                Edge.latin1("weak", "W/\"1\""),
                Edge.latin1("negative", "\"-1\""),
                Edge.latin1("zero", "\"0\""),
                Edge.latin1("huge", "\"99999999999999999999\""),
                Edge.latin1("list", "\"1\", \"2\""),
                Edge.latin1("unclosed", "\"1"),
                Edge.latin1("latin1-bytes", "\"\u00e9\u00ff\""),
                Edge.latin1("7kb", "\"" + "9".repeat(7000) + "\""));
    }

    /** Values for Idempotency-Key. */
    static List<Edge> idempotencyKeys() {
        return List.of(
                Edge.latin1("blank", " "),
                Edge.latin1("latin1-bytes", "k\u00e9\u00ff\u0080y"),
                Edge.latin1("tab-inside", "a\tb"),
                Edge.latin1("unicode-as-utf8", "\u00c3\u00a9\u00f0\u009f\u0098\u0080"),
                Edge.latin1("7kb", "k".repeat(7000)));
    }

    /** Values for X-Correlation-Id. */
    static List<Edge> correlationIds() {
        return List.of(
                Edge.latin1("latin1-bytes", "c\u00e9\u00ff\u0080"),
                Edge.latin1("7kb", "c".repeat(7000)));
    }
}
