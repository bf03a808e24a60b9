package eu.dpaledger.platform.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Holds path parameters, query parameters and headers to {@link InputRules} before any endpoint
 * runs: a percent-encoding that is not UTF-8 (which would be decoded into U+FFFD, silently altered),
 * U+0000 or an unpaired surrogate is a 400 problem naming the parameter or header. Bodies take the
 * same rules in {@link JsonBodyReader}.
 */
public class RequestTextFilter {

    @ServerRequestFilter
    public Response check(ContainerRequestContext request, UriInfo uri) {
        try {
            checkPath(uri.getRequestUri().getRawPath(), uri.getPathParameters());
            checkQuery(uri.getRequestUri().getRawQuery());
            for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
                for (String value : header.getValue()) {
                    InputRules.checkCharacters("header " + header.getKey(), value);
                }
            }
            return null;
        } catch (HttpProblem problem) {
            return Problems.response(problem.status(), problem.rule(), problem.title(), problem.getMessage(), problem.details());
        }
    }

    private static void checkPath(String rawPath, MultivaluedMap<String, String> parameters) {
        for (String segment : rawPath == null ? new String[0] : rawPath.split("/")) {
            String decoded;
            try {
                decoded = decode(segment);
            } catch (CharacterCodingException e) {
                // Decoded leniently by the framework: the parameter holding U+FFFD is the one sent with these bytes.
                String name = parameters.entrySet().stream()
                        .filter(p -> p.getValue().stream().anyMatch(v -> v.indexOf('\uFFFD') >= 0))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                throw InputRules.violation(400, "invalid-encoding", "Invalid encoding",
                        name == null ? "path" : "path parameter " + name, "is percent-encoded with bytes that are not UTF-8");
            }
            if (decoded.indexOf('\u0000') >= 0) {
                String name = parameters.entrySet().stream()
                        .filter(p -> p.getValue().stream().anyMatch(v -> v.indexOf('\u0000') >= 0))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                InputRules.checkCharacters(name == null ? "path" : "path parameter " + name, decoded);
            }
        }
    }

    private static void checkQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String field = "query parameter " + lenient(rawName);
            try {
                String name = decode(rawName.replace('+', ' '));
                InputRules.checkCharacters(field, name);
                if (eq >= 0) {
                    InputRules.checkCharacters(field, decode(pair.substring(eq + 1).replace('+', ' ')));
                }
            } catch (CharacterCodingException e) {
                throw InputRules.violation(400, "invalid-encoding", "Invalid encoding", field,
                        "is percent-encoded with bytes that are not UTF-8");
            }
        }
    }

    /** The name as the framework would decode it (bad bytes become U+FFFD, NUL stays), for naming it in a problem. */
    private static String lenient(String raw) {
        try {
            return java.net.URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    /** Percent-decodes strictly: bytes that are not UTF-8 are refused, not replaced. */
    private static String decode(String encoded) throws CharacterCodingException {
        if (encoded.indexOf('%') < 0) {
            return encoded;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); ) {
            if (encoded.charAt(i) == '%' && i + 2 < encoded.length() && isHex(encoded.charAt(i + 1)) && isHex(encoded.charAt(i + 2))) {
                bytes.write(Integer.parseInt(encoded, i + 1, i + 3, 16));
                i += 3;
            } else {
                int codePoint = encoded.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
