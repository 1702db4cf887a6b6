package com.campaignstudio.importer;

import com.campaignstudio.text.Reason;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A named mapping for a common shape of export: which header fills which field, and fixed values such as
 * the platform. The shipped presets are starting points; fields they do not name are suggested as usual.
 *
 * @param name        what the user types ({@code --preset douyin-followers})
 * @param kind        the entity kind, as on the command line
 * @param description the export it fits
 * @param columns     field key to header name
 * @param constants   field key to a value for every row
 */
public record MappingPreset(String name, String kind, String description, Map<String, String> columns,
                            Map<String, String> constants) {

    private static final List<MappingPreset> SHIPPED = load();

    public static List<MappingPreset> shipped() {
        return SHIPPED;
    }

    public static Optional<MappingPreset> named(String name) {
        return SHIPPED.stream().filter(p -> p.name.equals(name)).findFirst();
    }

    /**
     * The mapping for a file with {@code headers}: the preset's columns, then suggestions for fields it does
     * not name (from columns it does not use). Fails naming the required headers the file lacks.
     */
    public ColumnMapping apply(EntityKind entity, List<String> headers) throws ImportException {
        List<String> normalized = headers.stream().map(MappingSuggester::normalize).toList();
        Map<String, Integer> mapped = new HashMap<>();
        List<String> absent = new ArrayList<>();
        for (Map.Entry<String, String> entry : columns.entrySet()) {
            int index = normalized.indexOf(MappingSuggester.normalize(entry.getValue()));
            if (index >= 0) {
                mapped.put(entry.getKey(), index);
            } else if (entity.field(entry.getKey()).map(Field::required).orElse(false)) {
                absent.add(entry.getValue());
            }
        }
        if (!absent.isEmpty()) {
            throw new ImportException(Reason.of("import.problem.presetColumns", name, String.join(", ", absent),
                    String.join(", ", headers)));
        }
        MappingSuggester.suggest(entity, headers).columns().forEach((field, index) -> {
            if (!mapped.containsKey(field) && !constants.containsKey(field) && !mapped.containsValue(index)) {
                mapped.put(field, index);
            }
        });
        return new ColumnMapping(mapped, constants);
    }

    private static List<MappingPreset> load() {
        try (InputStream in = MappingPreset.class.getResourceAsStream("presets.json")) {
            return List.copyOf(JsonMapper.builder().build().readValue(in, new TypeReference<List<MappingPreset>>() {
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped presets are missing from the build", e);
        }
    }
}
