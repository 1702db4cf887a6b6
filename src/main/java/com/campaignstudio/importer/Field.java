package com.campaignstudio.importer;

import java.util.List;

/**
 * A field an import can fill.
 *
 * @param key          the field's name, which is also the column of the target table unless it is a reference
 * @param type         how cells are read
 * @param required     whether a row without it is rejected
 * @param alternatives fields that make a required field optional when they are mapped (an order's amount is
 *                     the sum of its lines when the file has unit prices or line amounts instead)
 * @param headers      header names that mean this field, in Chinese and English, as exports write them
 */
public record Field(String key, ValueType type, boolean required, List<String> alternatives, List<String> headers) {

    static Field required(String key, ValueType type, String... headers) {
        return new Field(key, type, true, List.of(), List.of(headers));
    }

    static Field requiredUnless(List<String> alternatives, String key, ValueType type, String... headers) {
        return new Field(key, type, true, alternatives, List.of(headers));
    }

    static Field optional(String key, ValueType type, String... headers) {
        return new Field(key, type, false, List.of(), List.of(headers));
    }

    /** Whether a file mapped as {@code mapping} must have this field. */
    public boolean requiredIn(ColumnMapping mapping) {
        return required && alternatives.stream().noneMatch(mapping::maps);
    }

    /** The column of the target table this field is written to. */
    public String column() {
        return switch (type) {
            case PLATFORM -> "platform_id";
            case PRODUCT -> "product_id";
            case CAMPAIGN -> "campaign_id";
            default -> key;
        };
    }
}
