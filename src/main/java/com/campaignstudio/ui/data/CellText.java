package com.campaignstudio.ui.data;

import com.campaignstudio.importer.EntityKind;
import com.campaignstudio.ui.common.UiText;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Map;

/**
 * How the data view writes a stored value for a person: codes (gender, order status, kinds of interaction,
 * post and product) in words of the user's language, platforms by their names, yes and no for flags, times to
 * the minute. Only what is shown changes; sorting and everything else use the stored value. A code the bundles
 * do not know (one an import kept as the file wrote it) is shown as stored.
 */
final class CellText {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Columns holding codes, by table and column, with the prefix of their words' keys. */
    private static final Map<String, String> CODES = Map.of(
            "follower.gender", "value.gender.",
            "engagement.kind", "value.engagement.",
            "post.format", "value.format.",
            "product.kind", "value.product.",
            "customer_order.status", "value.status.",
            "scenario.kind", "value.scenario.");

    private final UiText text;

    CellText(UiText text) {
        this.text = text;
    }

    /** The title of a shown column: its own for the table where the name means something else, else the common one. */
    String title(String table, String column) {
        String own = "data.column." + table + "." + column;
        return text.bundle().containsKey(own) ? text.get(own) : text.get("data.column." + column);
    }

    String of(String table, String column, Object value) {
        return switch (value) {
            case null -> "";
            case Boolean flag -> text.get(flag ? "data.yes" : "data.no");
            case java.sql.Timestamp time -> DATE_TIME.format(time.toLocalDateTime());
            case BigDecimal number -> exact(number);
            case Long number -> text.integer(number);
            case Integer number -> text.integer(number);
            case String code when column.equals("platform") -> text.platform(code);
            case String code when column.equals("currency") -> currency(code);
            case String code when table.equals("import_batch") && column.equals("entity") ->
                    EntityKind.fromCliName(code).map(kind -> text.get("kind." + kind.name())).orElse(code);
            case String code when CODES.containsKey(table + "." + column) -> word(CODES.get(table + "." + column), code);
            default -> value.toString();
        };
    }

    /** Exact, as stored: every decimal kept, thousands grouped. */
    private String exact(BigDecimal number) {
        NumberFormat format = NumberFormat.getNumberInstance(text.locale());
        format.setGroupingUsed(true);
        format.setMinimumFractionDigits(Math.max(0, number.scale()));
        format.setMaximumFractionDigits(Math.max(0, number.scale()));
        return format.format(number);
    }

    private String word(String prefix, String code) {
        return text.bundle().containsKey(prefix + code) ? text.get(prefix + code) : code;
    }

    /** A currency by its name in Chinese (人民币, 美元); English keeps the code everyone reads (CNY, USD). */
    private String currency(String code) {
        if (!text.isChinese()) {
            return code;
        }
        try {
            return Currency.getInstance(code).getDisplayName(text.locale());
        } catch (IllegalArgumentException e) {
            return code;
        }
    }
}
