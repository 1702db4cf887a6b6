package com.campaignstudio.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which columns of a table the data view shows, and how each is read: a creator sees names, not the database's
 * internals. Row keys, the import a row came with, content hashes and stored JSON are left out; a reference to
 * another table shows what it points at (the platform's code, the follower's id, the product's name ...) instead
 * of a number that means nothing outside the database.
 */
final class ShownColumns {

    /** A shown column: its name (the key of its title), the SQL that reads it and the SQL that sorts by it. */
    record Column(String name, String select, String sort) {
    }

    /** Left out of every table: the row key (used, never shown) and the import that brought a row. */
    private static final Set<String> INTERNAL = Set.of("id", "import_id");
    private static final Map<String, Set<String>> INTERNAL_IN = Map.of(
            "platform", Set.of("code"),
            "import_batch", Set.of("content_hash", "mapping"),
            "scenario", Set.of("inputs", "results"));

    /** A reference shown as what it points at, under the name of the thing. */
    private record Lookup(String shownAs, String table, String value) {
    }

    private static final Map<String, Lookup> LOOKUPS = Map.of(
            "platform_id", new Lookup("platform", "platform", "code"),
            "follower_id", new Lookup("follower", "follower", "external_id"),
            "post_id", new Lookup("post", "post", "COALESCE(topic, external_id)"),
            "product_id", new Lookup("product", "product", "name"),
            "campaign_id", new Lookup("campaign", "campaign", "name"),
            "refund_of", new Lookup("refund_of", "customer_order", "order_ref"));

    private ShownColumns() {
    }

    /**
     * The shown columns of {@code table}, whose columns are {@code stored} (lower case, in table order). A
     * reference is sorted by its stored key, which keeps the rows of one platform (or follower) together without
     * a join over the whole table.
     */
    static List<Column> of(String table, List<String> stored) {
        List<Column> shown = new ArrayList<>();
        for (String column : stored) {
            if (INTERNAL.contains(column) || INTERNAL_IN.getOrDefault(table, Set.of()).contains(column)) {
                continue;
            }
            Lookup lookup = LOOKUPS.get(column);
            shown.add(lookup == null ? new Column(column, "t." + column, "t." + column)
                    : new Column(lookup.shownAs(), "(SELECT " + lookup.value() + " FROM " + lookup.table()
                    + " r WHERE r.id = t." + column + ")", "t." + column));
        }
        return List.copyOf(shown);
    }
}
