package com.campaignstudio.importer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which column of the file fills which field, plus values given for the whole file (the platform of a
 * platform's own export, which usually has no platform column).
 *
 * @param columns  field key to column index
 * @param constants field key to a value used for every row
 */
public record ColumnMapping(Map<String, Integer> columns, Map<String, String> constants) {

    public ColumnMapping {
        columns = Map.copyOf(columns);
        constants = Map.copyOf(constants);
    }

    public Optional<Integer> column(String field) {
        return Optional.ofNullable(columns.get(field));
    }

    public ColumnMapping withColumn(String field, int column) {
        Map<String, Integer> changed = new LinkedHashMap<>(columns);
        changed.put(field, column);
        return new ColumnMapping(changed, constants);
    }

    public ColumnMapping withConstant(String field, String value) {
        Map<String, String> changed = new LinkedHashMap<>(constants);
        changed.put(field, value);
        return new ColumnMapping(columns, changed);
    }

    /** Whether {@code field} has a column or a constant. */
    public boolean maps(String field) {
        return columns.containsKey(field) || constants.containsKey(field);
    }

    /** Fields {@code kind} requires (given the other fields mapped) with neither a column nor a constant. */
    public List<Field> missing(EntityKind kind) {
        return kind.fields().stream().filter(f -> f.requiredIn(this) && !maps(f.key())).toList();
    }
}
