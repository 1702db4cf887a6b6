package com.campaignstudio.importer;

import java.util.List;

/**
 * A field an import can fill.
 *
 * @param key      the field's name, which is also the column of the target table unless it is a reference
 * @param type     how cells are read
 * @param required whether a row without it is rejected
 * @param headers  header names that mean this field, in Chinese and English, as exports write them
 */
public record Field(String key, ValueType type, boolean required, List<String> headers) {

    static Field required(String key, ValueType type, String... headers) {
        return new Field(key, type, true, List.of(headers));
    }

    static Field optional(String key, ValueType type, String... headers) {
        return new Field(key, type, false, List.of(headers));
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
