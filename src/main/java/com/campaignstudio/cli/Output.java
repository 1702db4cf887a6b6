package com.campaignstudio.cli;

import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints a command's result as an aligned text table, or as JSON with {@code --json}. */
final class Output {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Output() {
    }

    static void json(PrintWriter out, Object value) {
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
    }

    /** Prints rows (each a map with the same keys, in order) as a table with a header. */
    static void table(PrintWriter out, List<? extends Map<String, ?>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> headers = new ArrayList<>(rows.getFirst().keySet());
        int[] widths = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            widths[i] = displayWidth(headers.get(i));
            for (Map<String, ?> row : rows) {
                widths[i] = Math.max(widths[i], displayWidth(String.valueOf(row.get(headers.get(i)))));
            }
        }
        printRow(out, headers, widths);
        for (Map<String, ?> row : rows) {
            printRow(out, headers.stream().map(h -> String.valueOf(row.get(h))).toList(), widths);
        }
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell).append(" ".repeat(widths[i] - displayWidth(cell)));
            if (i < cells.size() - 1) {
                line.append("  ");
            }
        }
        out.println(line.toString().stripTrailing());
    }

    /** Columns a terminal uses for {@code text}: CJK characters take two. */
    static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || (cp >= 0xFF00 && cp <= 0xFFEF)
                    ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }
}
