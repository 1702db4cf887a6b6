package com.campaignstudio.ui.importer;

import com.campaignstudio.importer.ColumnMapping;
import com.campaignstudio.importer.EntityKind;
import com.campaignstudio.importer.Field;
import com.campaignstudio.importer.FieldPreview;
import com.campaignstudio.importer.ImportException;
import com.campaignstudio.importer.ImportPlan;
import com.campaignstudio.importer.ImportReport;
import com.campaignstudio.importer.MappingPreset;
import com.campaignstudio.importer.PlatformChoices;
import com.campaignstudio.importer.MappingSuggester;
import com.campaignstudio.importer.PresetStore;
import com.campaignstudio.importer.SourceException;
import com.campaignstudio.importer.SourceOptions;
import com.campaignstudio.importer.SourceRow;
import com.campaignstudio.importer.TabularSource;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The state of the import wizard: the file, what it holds, its encoding, its first rows, the column
 * mapping and the latest check or import report. Uses {@code javafx.beans} only.
 */
public final class ImportWizardModel {

    static final int PREVIEW_ROWS = 20;

    private final Path file;
    private final FieldPreview preview;
    private final ResourceBundle bundle;
    private final ObjectProperty<EntityKind> kind = new SimpleObjectProperty<>(EntityKind.ORDERS);
    private final ObjectProperty<Charset> charset = new SimpleObjectProperty<>();
    private final ObjectProperty<String> sheet = new SimpleObjectProperty<>();
    private final ObservableList<String> sheets = FXCollections.observableArrayList();
    private final ObjectProperty<ImportPlan.Duplicates> duplicates = new SimpleObjectProperty<>(ImportPlan.Duplicates.UPDATE);
    private final ObjectProperty<ImportPlan.RejectionPolicy> policy =
            new SimpleObjectProperty<>(ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS);
    private final ReadOnlyObjectWrapper<ColumnMapping> mapping = new ReadOnlyObjectWrapper<>(
            new ColumnMapping(java.util.Map.of(), java.util.Map.of()));
    private final ReadOnlyObjectWrapper<ImportReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ObservableList<String> headers = FXCollections.observableArrayList();
    private final ObservableList<SourceRow> rows = FXCollections.observableArrayList();

    private final PresetStore presets;
    private final ObservableList<PlatformChoice> platformChoices = FXCollections.observableArrayList();
    private boolean kindJudged;
    private final ReadOnlyStringWrapper appliedPreset = new ReadOnlyStringWrapper();

    public ImportWizardModel(Path file, ZoneId zone, ResourceBundle bundle, PresetStore presets) {
        this.bundle = bundle;
        this.file = file;
        this.presets = presets;
        this.preview = new FieldPreview(zone, bundle);
        kind.addListener((observable, old, now) -> suggest());
    }

    // Properties

    public Path file() {
        return file;
    }

    public ObjectProperty<EntityKind> kindProperty() {
        return kind;
    }

    /** The encoding the user chose; null means "detect". */
    public ObjectProperty<Charset> charsetProperty() {
        return charset;
    }

    /** The workbook sheet to read; null means the first. */
    public ObjectProperty<String> sheetProperty() {
        return sheet;
    }

    /** The sheets of a workbook; empty for text files. */
    public ObservableList<String> sheets() {
        return sheets;
    }

    public ObjectProperty<ImportPlan.Duplicates> duplicatesProperty() {
        return duplicates;
    }

    public ObjectProperty<ImportPlan.RejectionPolicy> policyProperty() {
        return policy;
    }

    public ReadOnlyObjectProperty<ColumnMapping> mappingProperty() {
        return mapping.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** Why the file cannot be read, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObservableList<String> headers() {
        return headers;
    }

    /** The first rows of the file, for the preview. */
    public ObservableList<SourceRow> rows() {
        return rows;
    }

    // Commands

    /** What the wizard shows of a file: its sheets (for workbooks), header and first rows. */
    public record Preview(List<String> sheets, List<String> headers, List<SourceRow> rows) {
    }

    /**
     * Reads the preview with the chosen encoding and sheet. Opening a workbook inflates all of it once (the
     * ZIP-bomb guard), so the caller runs this off the FX thread and hands the result to {@link #show}.
     */
    public static Preview read(Path file, SourceOptions options) throws IOException, ImportException {
        try (TabularSource source = TabularSource.open(file, options)) {
            List<SourceRow> first = new ArrayList<>();
            Iterator<SourceRow> iterator = source.iterator();
            while (first.size() < PREVIEW_ROWS && iterator.hasNext()) {
                first.add(iterator.next());
            }
            return new Preview(source.sheets(), source.headers(), first);
        }
    }

    /**
     * Shows the file's first rows. The first time a file shows, what it holds is judged from its headers (a
     * follower list is not taken for orders because the previous file was orders); later previews (another
     * encoding or sheet) keep the user's choice.
     */
    public void show(Preview preview) {
        problem.set(null);
        if (sheets.isEmpty()) {
            sheets.setAll(preview.sheets());
        }
        boolean first = !kindJudged;
        headers.setAll(preview.headers());
        rows.setAll(preview.rows());
        if (first && !preview.headers().isEmpty()) {
            kindJudged = true;
            Optional<EntityKind> detected = MappingSuggester.detectKind(preview.headers());
            if (detected.isPresent() && detected.get() != kind.get()) {
                kind.set(detected.get());
                return;
            }
        }
        suggest();
    }

    /** Shows why the file cannot be read, with an empty preview. */
    public void showProblem(Throwable error) {
        headers.clear();
        rows.clear();
        problem.set(said(error));
        suggest();
    }

    /** Reads and shows the preview on the calling thread. */
    public void load() {
        try {
            show(read(file, sourceOptions()));
        } catch (IOException | ImportException | RuntimeException e) {
            showProblem(e);
        }
    }

    /** Uses the user's preset made for these headers if there is one, else suggests from the header names. */
    public void suggest() {
        report.set(null);
        try {
            Optional<MappingPreset> saved = presets.matching(kind.get(), headers);
            if (saved.isPresent()) {
                applyPreset(saved.get());
                return;
            }
        } catch (IOException e) {
            problem.set(e.getMessage());
        }
        appliedPreset.set(null);
        mapping.set(MappingSuggester.suggest(kind.get(), headers));
    }

    public void applyPreset(MappingPreset preset) {
        try {
            mapping.set(preset.apply(kind.get(), headers));
            appliedPreset.set(preset.name());
            problem.set(null);
        } catch (ImportException e) {
            problem.set(said(e));
        }
        report.set(null);
    }

    /** What went wrong, in the user's language where the importer said why. */
    public String said(Throwable error) {
        return switch (error) {
            case ImportException problem -> problem.reason().in(bundle);
            case SourceException problem -> problem.reason().in(bundle);
            default -> error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        };
    }

    public List<MappingPreset> presets() {
        try {
            return presets.presetsFor(kind.get());
        } catch (IOException e) {
            problem.set(e.getMessage());
            return List.of();
        }
    }

    /** Saves the current mapping as a preset, offered again for files with the same headers. */
    public void savePreset(String name) throws IOException {
        presets.save(name, kind.get(), mapping.get(), headers);
        appliedPreset.set(name);
    }

    /** The name of the preset in use, or null. */
    public ReadOnlyStringProperty appliedPresetProperty() {
        return appliedPreset.getReadOnlyProperty();
    }

    public void mapColumn(Field field, Optional<Integer> column) {
        ColumnMapping current = mapping.get();
        java.util.Map<String, Integer> columns = new java.util.HashMap<>(current.columns());
        column.ifPresentOrElse(index -> columns.put(field.key(), index), () -> columns.remove(field.key()));
        mapping.set(new ColumnMapping(columns, current.constants()));
        report.set(null);
    }

    public void setConstant(Field field, String value) {
        ColumnMapping current = mapping.get();
        java.util.Map<String, String> constants = new java.util.HashMap<>(current.constants());
        if (value == null || value.isBlank()) {
            constants.remove(field.key());
        } else {
            constants.put(field.key(), value);
        }
        mapping.set(new ColumnMapping(current.columns(), constants));
        report.set(null);
    }

    /** The first filled cell of {@code field}'s column, as the file writes it; empty when no column fills it. */
    public Optional<String> firstValue(Field field) {
        return mapping.get().column(field.key()).flatMap(column -> rows.stream().map(row -> row.cell(column))
                .filter(cell -> cell != null && !cell.isBlank()).findFirst());
    }

    /**
     * How that first value will be stored (or why it will be rejected); for a field filled with one value for every
     * row, that value; empty when nothing fills the field.
     */
    public String storedAs(Field field) {
        if (mapping.get().column(field.key()).isEmpty()) {
            return Optional.ofNullable(mapping.get().constants().get(field.key())).orElse("");
        }
        return firstValue(field).map(cell -> preview.preview(field, cell)).orElse("");
    }

    public List<Field> missingFields() {
        return mapping.get().missing(kind.get());
    }

    public ImportPlan plan() {
        PlatformChoices choices = PlatformChoices.ADD_NEW;
        for (PlatformChoice choice : platformChoices) {
            if (choice.target().get() != null) {
                choices = choices.withAlias(choice.name(), choice.target().get());
            }
        }
        return new ImportPlan(file, kind.get(), mapping.get(), duplicates.get(), policy.get(), sourceOptions(), choices);
    }

    /**
     * A platform name of the file that the project does not know: imported as a new platform ({@code target}
     * null) or as the platform the user chose ({@code target} its code).
     */
    public record PlatformChoice(String name, long rows, ObjectProperty<String> target) {
    }

    /** The file's unknown platform names, found by the last check or import, each with the user's choice. */
    public ObservableList<PlatformChoice> platformChoices() {
        return platformChoices;
    }

    /** The encoding and sheet chosen now, to read with on another thread. */
    public SourceOptions sourceOptions() {
        return new SourceOptions(charset.get(), sheet.get());
    }

    public void showReport(ImportReport result) {
        report.set(result);
        if (result == null || result.committed()) {
            platformChoices.clear();
            return;
        }
        java.util.Map<String, String> chosen = new java.util.HashMap<>();
        platformChoices.forEach(choice -> chosen.put(choice.name(), choice.target().get()));
        platformChoices.setAll(result.newPlatforms().stream().filter(platform -> !platform.known())
                .map(platform -> new PlatformChoice(platform.name(), platform.rows(),
                        new SimpleObjectProperty<>(chosen.get(platform.name()))))
                .toList());
    }
}
