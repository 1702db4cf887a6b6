package com.campaignstudio.cli;

import com.campaignstudio.importer.EntityKind;
import com.campaignstudio.text.Reason;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Prints a command's result as an aligned text table, or as JSON with {@code --json}.
 *
 * <p>The JSON of every command follows one convention, so that scripts need no per-command parsing: numbers are
 * JSON numbers (never formatted text), shares and rates are fractions (0.121, not "12.1%"), money is a plain
 * number in the project's currency (named by a {@code currency} field), times are ISO-8601 strings, names are
 * snake_case, a value that could not be computed is {@code null} (JSON has no NaN), and messages are English text.
 */
final class Output {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new SimpleModule("campaign-studio-cli")
                    .addSerializer(Double.class, new FiniteOrNull<>())
                    .addSerializer(Double.TYPE, new FiniteOrNull<>())
                    .addSerializer(Float.class, new FiniteOrNull<>())
                    .addSerializer(Float.TYPE, new FiniteOrNull<>())
                    .addSerializer(Reason.class, new AsText<>(Reason::english))
                    .addSerializer(EntityKind.class, new AsText<>(EntityKind::cliName)))
            .build();

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

    /**
     * The rows as a table shows them: the columns named in {@code formats} written by their format (the JSON keeps
     * the numbers), the others as they are.
     */
    static List<Map<String, Object>> formatted(List<? extends Map<String, ?>> rows,
                                               Map<String, Function<Object, String>> formats) {
        return rows.stream().map(row -> {
            Map<String, Object> shown = new LinkedHashMap<>();
            row.forEach((key, value) -> shown.put(key, value == null ? ""
                    : formats.getOrDefault(key, String::valueOf).apply(value)));
            return shown;
        }).toList();
    }

    /** A number with {@code digits} decimals, as tables show money (2), scores (3) and means (1). */
    static Function<Object, String> decimals(int digits) {
        return value -> {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? String.format(Locale.ROOT, "%." + digits + "f", number) : "";
        };
    }

    /** A share (a fraction) as a percentage with one decimal. */
    static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", share * 100) : "";
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

    /** JSON has no NaN or infinity; Jackson would write the text "NaN", which a script cannot take as a number. */
    private static final class FiniteOrNull<T extends Number> extends ValueSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator generator, SerializationContext context) {
            double number = value.doubleValue();
            if (!Double.isFinite(number)) {
                generator.writeNull();
            } else if (value instanceof Float single) {
                generator.writeNumber(single);
            } else {
                generator.writeNumber(number);
            }
        }
    }

    private static final class AsText<T> extends ValueSerializer<T> {
        private final Function<T, String> text;

        AsText(Function<T, String> text) {
            this.text = text;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(text.apply(value));
        }
    }
}
