package com.campaignstudio.importer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's own mapping presets, kept in the application folder (so that they serve every project), and
 * the shipped ones. A saved preset remembers the headers of the file it was made for and is offered again
 * for the next file with the same headers.
 */
public final class PresetStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;

    public PresetStore(Path file) {
        this.file = file;
    }

    /** A preset the user saved, with the headers (normalised) of the file it was made for. */
    public record Saved(MappingPreset preset, List<String> headers) {
    }

    /** Shipped presets first, then the user's, for {@code kind}. */
    public List<MappingPreset> presetsFor(EntityKind kind) throws IOException {
        List<MappingPreset> presets = new ArrayList<>();
        MappingPreset.shipped().stream().filter(p -> p.kind().equals(kind.cliName())).forEach(presets::add);
        saved().stream().map(Saved::preset).filter(p -> p.kind().equals(kind.cliName())).forEach(presets::add);
        return presets;
    }

    /** A saved preset for {@code kind} made for a file with exactly these headers. */
    public Optional<MappingPreset> matching(EntityKind kind, List<String> headers) throws IOException {
        List<String> normalized = headers.stream().map(MappingSuggester::normalize).toList();
        return saved().stream().filter(s -> s.preset().kind().equals(kind.cliName()) && s.headers().equals(normalized))
                .map(Saved::preset).reduce((first, later) -> later);
    }

    public Optional<MappingPreset> named(String name) throws IOException {
        Optional<MappingPreset> shipped = MappingPreset.named(name);
        return shipped.isPresent() ? shipped
                : saved().stream().map(Saved::preset).filter(p -> p.name().equals(name)).findFirst();
    }

    /** Saves {@code mapping} under {@code name} (replacing a saved preset of that name). */
    public MappingPreset save(String name, EntityKind kind, ColumnMapping mapping, List<String> headers)
            throws IOException {
        if (MappingPreset.named(name).isPresent()) {
            throw new IllegalArgumentException("\"" + name + "\" is the name of a shipped preset; choose another");
        }
        Map<String, String> columns = new LinkedHashMap<>();
        mapping.columns().forEach((field, index) -> columns.put(field, headers.get(index)));
        MappingPreset preset = new MappingPreset(name, kind.cliName(), "", columns, mapping.constants());
        List<Saved> all = new ArrayList<>(saved());
        all.removeIf(s -> s.preset().name().equals(name));
        all.add(new Saved(preset, headers.stream().map(MappingSuggester::normalize).toList()));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return preset;
    }

    private List<Saved> saved() throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return JSON.readValue(Files.readString(file), new TypeReference<List<Saved>>() {
            });
        } catch (RuntimeException e) {
            throw new IOException(file.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
    }
}
