package eu.dpaledger.testing.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately small HTTP/1.1 client over a plain socket, one connection per request. The fuzzer needs
 * to put bytes on the wire that ordinary clients refuse or "fix" (percent-encodings that decode to NUL,
 * header values with obs-text bytes, bodies that are not UTF-8), and to print exactly what it sent.
 */
final class RawHttp {

    /** One request as it goes on the wire; header values and the body are raw bytes. */
    record Request(String method, String target, Map<String, byte[]> headers, byte[] body) {

        byte[] bytes(String host) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes((method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(("Host: " + host + "\r\n").getBytes(StandardCharsets.US_ASCII));
            headers.forEach((name, value) -> {
                out.writeBytes((name + ": ").getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(value);
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            });
            if (body != null) {
                out.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                out.writeBytes(body);
            }
            return out.toByteArray();
        }
    }

    /** What came back; {@code status} is -1 when the server closed the connection without an answer. */
    record Response(int status, Map<String, String> headers, byte[] body, String error) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    Response send(Request request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(60_000);
            IOException writeFailure = null;
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request.bytes(host + ":" + port));
                out.flush();
            } catch (IOException e) {
                // A server may answer (413, 431) and close before it has read a large request: still read the answer.
                writeFailure = e;
            }
            try {
                return read(new BufferedInputStream(socket.getInputStream()));
            } catch (IOException e) {
                String reason = writeFailure != null ? "write failed (" + writeFailure.getMessage() + "), then " : "";
                return new Response(-1, Map.of(), new byte[0], reason + "no response: " + e);
            }
        } catch (IOException e) {
            return new Response(-1, Map.of(), new byte[0], "cannot connect: " + e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("no status line (got " + statusLine + ")");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                        (a, b) -> a + ", " + b);
            }
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                out.writeBytes(in.readNBytes(size));
                line(in);
            }
            body = out.toByteArray();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, body, null);
    }

    private static int chunkSize(String line) {
        if (line == null || line.isBlank()) {
            return 0;
        }
        int semicolon = line.indexOf(';');
        return Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                out.write(b);
            }
        }
        if (b == -1 && out.size() == 0) {
            return null;
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
