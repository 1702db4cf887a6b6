package com.campaignstudio.ui.importer;

import com.campaignstudio.importer.EntityKind;
import com.campaignstudio.importer.Field;
import com.campaignstudio.importer.ImportPlan;
import com.campaignstudio.importer.ImportReport;
import com.campaignstudio.importer.Importer;
import com.campaignstudio.importer.MappingPreset;
import com.campaignstudio.importer.RejectionReport;
import com.campaignstudio.importer.RowRejection;
import com.campaignstudio.importer.SourceOptions;
import com.campaignstudio.importer.SourceRow;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.RunProgress;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import com.campaignstudio.work.BackgroundRunner;
import com.campaignstudio.work.TaskContext;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.function.Consumer;

/**
 * The import wizard: choose what the file holds (and its encoding) with a preview of its rows, map its
 * columns to fields with a live preview of how each will be read, then check or import and see the
 * rejected rows with their reasons.
 */
public final class ImportWizardController {

    private static final List<String> CHARSETS = List.of("UTF-8", "GB18030", "UTF-16");

    private final ImportWizardModel model;
    private final Importer importer;
    private final BackgroundRunner runner;
    private final UiText text;
    private final Consumer<ImportReport> onImported;
    private final RunProgress runProgress;
    private int step;
    private boolean lastRunWasCheck;

    @FXML
    private Label title;
    @FXML
    private Label step1;
    @FXML
    private Label step2;
    @FXML
    private Label step3;
    @FXML
    private VBox sourcePane;
    @FXML
    private VBox mappingPane;
    @FXML
    private VBox importPane;
    @FXML
    private ComboBox<EntityKind> kindChoice;
    @FXML
    private Label encodingLabel;
    @FXML
    private ComboBox<String> charsetChoice;
    @FXML
    private Label sheetLabel;
    @FXML
    private ComboBox<String> sheetChoice;
    @FXML
    private Label problemLabel;
    @FXML
    private TableView<SourceRow> previewTable;
    @FXML
    private ComboBox<MappingPreset> presetChoice;
    @FXML
    private Label presetNote;
    @FXML
    private TableView<Field> mappingTable;
    @FXML
    private Label missingLabel;
    @FXML
    private RadioButton skipRadio;
    @FXML
    private RadioButton nothingRadio;
    @FXML
    private Button checkButton;
    @FXML
    private Button importButton;
    @FXML
    private ProgressBar progress;
    @FXML
    private Label progressLabel;
    @FXML
    private Button cancelRunButton;
    @FXML
    private Label summaryLabel;
    @FXML
    private TableView<RowRejection> rejectionTable;
    @FXML
    private VBox platformPane;
    @FXML
    private TableView<ImportWizardModel.PlatformChoice> platformTable;
    @FXML
    private Button saveRejectionsButton;
    @FXML
    private Button backButton;
    @FXML
    private Button nextButton;

    public ImportWizardController(ImportWizardModel model, Importer importer, BackgroundRunner runner, UiText text,
                                  Consumer<ImportReport> onImported) {
        this.model = model;
        this.importer = importer;
        this.runner = runner;
        this.text = text;
        this.runProgress = new RunProgress(text.bundle());
        this.onImported = onImported;
    }

    @FXML
    private void initialize() {
        title.setText(text.get("import.title", model.file().getFileName()));
        kindChoice.getItems().setAll(EntityKind.values());
        kindChoice.setConverter(Views.converter(kind -> text.get("kind." + kind.name())));
        kindChoice.valueProperty().bindBidirectional(model.kindProperty());
        new Glossary(text).attach(encodingLabel, Term.TEXT_ENCODING);
        charsetChoice.getItems().add(text.get("import.encoding.auto"));
        charsetChoice.getItems().addAll(CHARSETS);
        charsetChoice.getSelectionModel().selectFirst();
        charsetChoice.valueProperty().addListener((observable, old, choice) -> {
            model.charsetProperty().set(CHARSETS.contains(choice) ? Charset.forName(choice) : null);
            loadPreview();
        });
        problemLabel.textProperty().bind(model.problemProperty());
        sheetChoice.setItems(model.sheets());
        sheetChoice.valueProperty().addListener((observable, old, chosen) -> {
            if (chosen != null && !chosen.equals(model.sheetProperty().get())) {
                model.sheetProperty().set(chosen);
                loadPreview();
            }
        });
        model.sheets().addListener((javafx.collections.ListChangeListener<String>) change -> showSheetChoice());
        ImportTables tables = new ImportTables(model, text);
        model.headers().addListener((javafx.collections.ListChangeListener<String>) change ->
                tables.fillPreviewColumns(previewTable));
        previewTable.setItems(model.rows());
        tables.buildMappingTable(mappingTable);
        tables.buildRejectionTable(rejectionTable);
        tables.buildPlatformTable(platformTable);
        tables.fitColumns(previewTable, mappingTable, rejectionTable, platformTable);
        platformPane.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.platformChoices()));
        platformPane.managedProperty().bind(platformPane.visibleProperty());
        model.mappingProperty().addListener((observable, old, mapping) -> {
            mappingTable.refresh();
            updateMissing();
        });
        skipRadio.selectedProperty().addListener((observable, old, skip) -> model.duplicatesProperty()
                .set(skip ? ImportPlan.Duplicates.SKIP : ImportPlan.Duplicates.UPDATE));
        nothingRadio.selectedProperty().addListener((observable, old, nothing) -> model.policyProperty()
                .set(nothing ? ImportPlan.RejectionPolicy.ALL_OR_NOTHING : ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS));
        model.reportProperty().addListener((observable, old, report) -> showReport(report));
        presetChoice.setConverter(Views.converter(preset -> presetName(preset.name())));
        presetNote.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.appliedPresetProperty().get() == null ? ""
                        : text.get("import.preset.using", presetName(model.appliedPresetProperty().get())),
                model.appliedPresetProperty()));
        progress.progressProperty().bind(runProgress.fractionProperty());
        progressLabel.textProperty().bind(runProgress.messageProperty());
        showStep(0);
        loadPreview();
    }

    private void loadPreview() {
        nextButton.setDisable(true);
        SourceOptions options = model.sourceOptions();
        runner.run(text.get("import.reading", model.file().getFileName()),
                context -> ImportWizardModel.read(model.file(), options), preview -> {
            model.show(preview);
            showSheetChoice();
            showStep(step);
        }, error -> {
            model.showProblem(error);
            showStep(step);
        });
    }

    private void showSheetChoice() {
        boolean workbook = !model.sheets().isEmpty();
        for (javafx.scene.Node node : List.of(sheetLabel, sheetChoice)) {
            node.setVisible(workbook);
            node.setManaged(workbook);
        }
        charsetChoice.setDisable(workbook);
        if (workbook && sheetChoice.getValue() == null) {
            sheetChoice.setValue(model.sheetProperty().get() != null ? model.sheetProperty().get()
                    : model.sheets().getFirst());
        }
    }

    private void updateMissing() {
        List<Field> missing = model.missingFields();
        missingLabel.setText(missing.isEmpty() ? "" : text.get("import.mapping.missing",
                String.join(", ", missing.stream().map(f -> text.get("field." + f.key())).toList())));
        importButton.setDisable(!missing.isEmpty());
        checkButton.setDisable(!missing.isEmpty());
        if (step == 1) {
            nextButton.setDisable(!missing.isEmpty());
        }
    }

    private void showStep(int index) {
        step = index;
        sourcePane.setVisible(index == 0);
        mappingPane.setVisible(index == 1);
        importPane.setVisible(index == 2);
        List<Label> labels = List.of(step1, step2, step3);
        for (int i = 0; i < labels.size(); i++) {
            labels.get(i).getStyleClass().remove("current");
            if (i == index) {
                labels.get(i).getStyleClass().add("current");
            }
        }
        backButton.setDisable(index == 0);
        nextButton.setDisable(index == 2 || (index == 0 && model.problemProperty().get() != null));
        updateMissing();
    }

    @FXML
    private void next() {
        showStep(Math.min(2, step + 1));
        if (step == 1) {
            offerPresets();
        }
    }

    /** Lists the presets for the chosen kind; choosing one applies it. */
    private void offerPresets() {
        presetChoice.setOnAction(null);
        presetChoice.getItems().setAll(model.presets());
        presetChoice.setOnAction(event -> {
            if (presetChoice.getValue() != null) {
                model.applyPreset(presetChoice.getValue());
            }
        });
    }

    /** A shipped preset by its name in the user's language; one the user saved by the name they gave it. */
    private String presetName(String name) {
        String key = "preset." + name;
        return text.bundle().containsKey(key) ? text.get(key) : name;
    }

    @FXML
    private void savePreset() {
        javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog(
                model.appliedPresetProperty().get() == null ? "" : model.appliedPresetProperty().get());
        dialog.initOwner(stage());
        dialog.setTitle(text.get("import.preset.save"));
        dialog.setHeaderText(text.get("import.preset.name"));
        Dialogs.localise(dialog, text);
        dialog.showAndWait().map(String::strip).filter(name -> !name.isEmpty()).ifPresent(name -> {
            try {
                model.savePreset(name);
            } catch (IOException | IllegalArgumentException e) {
                new Dialogs(text, stage()).error(text.get("import.preset.save"), text.get("import.preset.save"),
                        e.getMessage());
            }
        });
    }

    @FXML
    private void back() {
        showStep(Math.max(0, step - 1));
    }

    @FXML
    private void check() {
        start(true);
    }

    @FXML
    private void runImport() {
        start(false);
    }

    private void start(boolean dryRun) {
        ImportPlan plan = model.plan();
        lastRunWasCheck = dryRun;
        setRunning(true);
        runner.run(text.get(dryRun ? "import.checking" : "import.importing", plan.file().getFileName()),
                outer -> {
                    TaskContext context = runProgress.around(outer);
                    return dryRun ? importer.check(plan, context) : importer.run(plan, context);
                }, report -> {
                    setRunning(false);
                    model.showReport(report);
                    if (!dryRun && report.committed()) {
                        onImported.accept(report);
                    }
                }, failure -> {
                    setRunning(false);
                    new Dialogs(text, stage()).error(text.get("import.failed"), text.get("import.failed"),
                            model.said(failure));
                }, () -> {
                    setRunning(false);
                    summaryLabel.setText(text.get("import.cancelled"));
                });
    }

    @FXML
    private void cancelRun() {
        runProgress.cancel();
        cancelRunButton.setDisable(true);
    }

    private void setRunning(boolean running) {
        progress.setVisible(running);
        progressLabel.setVisible(running);
        cancelRunButton.setVisible(running);
        cancelRunButton.setDisable(!running);
        importButton.setDisable(running);
        checkButton.setDisable(running);
        backButton.setDisable(running);
    }

    private void showReport(ImportReport report) {
        if (report == null) {
            summaryLabel.setText("");
            rejectionTable.getItems().clear();
            saveRejectionsButton.setDisable(true);
            return;
        }
        String counts = text.get("import.summary", text.integer(report.rowsRead()), text.integer(report.accepted()),
                text.integer(report.updated()), text.integer(report.skipped()), text.integer(report.rejected()));
        String state = lastRunWasCheck ? text.get("import.summary.checked")
                : report.committed() ? text.get("import.summary.done") : text.get("import.summary.nothing");
        String linked = report.kind() == EntityKind.ORDERS && report.importId() > 0
                ? " " + text.get("import.summary.linked", text.integer(report.linkedToFollowers())) : "";
        String again = report.sameFileImportedBefore() ? " " + text.get("import.summary.again") : "";
        summaryLabel.setText(state + " " + counts + linked + again + ImportNotes.describe(report, text));
        rejectionTable.getItems().setAll(report.rejections());
        saveRejectionsButton.setDisable(report.rejections().isEmpty());
    }

    @FXML
    private void saveRejections() {
        ImportReport report = model.reportProperty().get();
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(model.file().getFileName() + ".rejected.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File target = chooser.showSaveDialog(stage());
        if (target != null && report != null) {
            try {
                RejectionReport.write(target.toPath(), report.file(), report.rejections(), text.bundle());
            } catch (IOException e) {
                new Dialogs(text, stage()).unexpected(e);
            }
        }
    }

    @FXML
    private void close() {
        stage().close();
    }

    private Stage stage() {
        return (Stage) title.getScene().getWindow();
    }
}
