package eu.dpaledger.reporting.api;

import eu.dpaledger.platform.query.ListPage;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.jboss.resteasy.reactive.RestMulti;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The one CSV writer of the reporting exports (RFC 4180): a header row, every field quoted when it holds a comma,
 * quote, CR or LF (quotes doubled), CRLF line ends, UTF-8 with a byte order mark (so that a spreadsheet opens accents
 * right), and a guard against formula injection: a text cell starting with {@code = + - @}, tab or CR is prefixed
 * with an apostrophe, so a spreadsheet shows it as text instead of running it. Numbers and instants are written by
 * us and are never guarded.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";
    /** What the export methods produce: below JSON, so that a client accepting anything gets JSON. */
    public static final String PRODUCES = "text/csv;qs=0.5";
    private static final String BOM = "\uFEFF";

    private Csv() {
    }

    /** One record, CRLF-terminated. */
    public static String line(List<?> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        return out.append("\r\n").toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof CharSequence && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /**
     * The whole filtered list as a CSV download, read page by page from {@code page} (given a cursor, null first) and
     * streamed as it comes: no cap, no list held in memory.
     */
    public static <T> RestMulti<String> download(String name, Instant at, List<String> header, Function<String, Uni<ListPage<T>>> page,
                                                 Function<T, List<?>> row) {
        AtomicReference<String> cursor = new AtomicReference<>();
        Multi<String> body = Multi.createBy().repeating()
                .uni(() -> page.apply(cursor.get()).invoke(p -> cursor.set(p.nextCursor())))
                .whilst(p -> p.nextCursor() != null)
                .map(p -> {
                    StringBuilder chunk = new StringBuilder();
                    p.items().forEach(item -> chunk.append(line(row.apply(item))));
                    return chunk.toString();
                });
        Multi<String> all = Multi.createBy().concatenating().streams(Multi.createFrom().item(BOM + line(header)), body);
        return RestMulti.fromMultiData(all)
                .header("Content-Type", MEDIA_TYPE + "; charset=UTF-8; header=present")
                .header("Content-Disposition", "attachment; filename=\"" + name + "-" + at.toString().substring(0, 10) + ".csv\"")
                .build();
    }
}
