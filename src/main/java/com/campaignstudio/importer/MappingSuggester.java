package com.campaignstudio.importer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Suggests which column fills which field from the header names: an exact match of a known header
 * (ignoring case, spaces, underscores and punctuation) first, then a header that contains a known name.
 * Each column fills at most one field; earlier fields (the required ones come first) choose first.
 */
public final class MappingSuggester {

    private MappingSuggester() {
    }

    /**
     * What a file holds, judged from its headers: of the kinds whose required fields the headers all name (a
     * platform aside, which a platform's own export leaves out), the one whose fields they name most of; empty
     * when no kind fits.
     */
    public static java.util.Optional<EntityKind> detectKind(List<String> headers) {
        EntityKind best = null;
        int bestScore = 0;
        for (EntityKind kind : EntityKind.values()) {
            ColumnMapping mapping = suggest(kind, headers);
            boolean complete = mapping.missing(kind).stream().allMatch(f -> f.type() == ValueType.PLATFORM);
            int score = 0;
            for (Field field : kind.fields()) {
                if (mapping.maps(field.key())) {
                    score += field.required() ? 2 : 1;
                }
            }
            if (complete && score > bestScore) {
                best = kind;
                bestScore = score;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    public static ColumnMapping suggest(EntityKind kind, List<String> headers) {
        List<String> normalized = headers.stream().map(MappingSuggester::normalize).toList();
        Map<String, Integer> columns = new HashMap<>();
        Set<Integer> taken = new HashSet<>();
        for (boolean exact : new boolean[]{true, false}) {
            for (Field field : kind.fields()) {
                if (columns.containsKey(field.key())) {
                    continue;
                }
                int column = find(field, normalized, taken, exact);
                if (column >= 0) {
                    columns.put(field.key(), column);
                    taken.add(column);
                }
            }
        }
        return new ColumnMapping(columns, Map.of());
    }

    private static int find(Field field, List<String> headers, Set<Integer> taken, boolean exact) {
        for (String known : field.headers()) {
            String wanted = normalize(known);
            for (int i = 0; i < headers.size(); i++) {
                String header = headers.get(i);
                if (taken.contains(i) || header.isEmpty()) {
                    continue;
                }
                boolean matches = exact ? header.equals(wanted) : wanted.length() >= 2 && header.contains(wanted);
                if (matches) {
                    return i;
                }
            }
        }
        return -1;
    }

    static String normalize(String header) {
        return Text.normalize(header).toLowerCase(Locale.ROOT)
                .replaceAll("[\\s_\\-:：()（）\\[\\]【】/.*#]", "");
    }
}
