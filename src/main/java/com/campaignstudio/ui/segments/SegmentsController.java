package com.campaignstudio.ui.segments;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.segments.Algorithm;
import com.campaignstudio.segments.Clusterer;
import com.campaignstudio.segments.FactsReader;
import com.campaignstudio.segments.FeatureMatrix;
import com.campaignstudio.segments.KSuggestion;
import com.campaignstudio.segments.Population;
import com.campaignstudio.segments.Propensity;
import com.campaignstudio.segments.PropensityModel;
import com.campaignstudio.segments.SegmentProfile;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.segments.SegmentationException;
import com.campaignstudio.segments.SegmentationSettings;
import com.campaignstudio.segments.Segmenter;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.RunProgress;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import com.campaignstudio.ui.common.WholeText;
import com.campaignstudio.work.BackgroundRunner;
import com.campaignstudio.work.TaskContext;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The Segments view: choose population, features and algorithm, run in the background, and see profiles,
 * a map and purchase propensity; runs are saved in the project and can be opened, renamed, exported.
 */
public final class SegmentsController {

    private final ProjectDatabase database;
    private final BackgroundRunner runner;
    private final UiText text;
    private final SegmentStore store;
    private final SegmentCharts charts;
    private final FeatureChoices choices;
    private final RunProgress runProgress;
    private final SegmentsResults results;
    private final DefaultNames names;
    /** Held here so that the weak listener on the results lives as long as this view. */
    private final ChangeListener<SegmentsResults.Shown> resultsListener = (observable, old, now) -> render();

    @FXML
    private TextField nameField;
    @FXML
    private ComboBox<String> platformChoice;
    @FXML
    private CheckBox buyersOnly;
    @FXML
    private DatePicker fromDate;
    @FXML
    private DatePicker toDate;
    @FXML
    private GridPane featureGrid;
    @FXML
    private CheckBox standardise;
    @FXML
    private Label algorithmLabel;
    @FXML
    private ComboBox<Algorithm> algorithmChoice;
    @FXML
    private Label kLabel;
    @FXML
    private Spinner<Integer> kSpinner;
    @FXML
    private Button suggestButton;
    @FXML
    private Label suggestionLabel;
    @FXML
    private GridPane weightGrid;
    @FXML
    private Button runButton;
    @FXML
    private Button cancelButton;
    @FXML
    private ProgressBar progress;
    @FXML
    private ListView<SegmentStore.Summary> savedList;
    @FXML
    private Button openButton;
    @FXML
    private Button deleteButton;
    @FXML
    private Label resultTitle;
    @FXML
    private Button exportButton;
    @FXML
    private Label stateLabel;
    @FXML
    private TabPane tabs;
    @FXML
    private TableView<SegmentProfile> profileTable;
    @FXML
    private javafx.scene.chart.PieChart sizeChart;
    @FXML
    private javafx.scene.chart.BarChart<Number, String> profileChart;
    @FXML
    private Label mapNote;
    @FXML
    private javafx.scene.chart.ScatterChart<Number, Number> mapChart;
    @FXML
    private Spinner<Integer> horizonSpinner;
    @FXML
    private Button propensityButton;
    @FXML
    private Label propensityLabel;
    @FXML
    private javafx.scene.chart.LineChart<Number, Number> gainsChart;
    @FXML
    private javafx.scene.chart.BarChart<Number, String> importanceChart;
    @FXML
    private ComboBox<Integer> contentSegmentChoice;
    @FXML
    private Button contentButton;
    @FXML
    private TableView<com.campaignstudio.segments.ContentScores.PostScore> contentTable;

    public SegmentsController(ProjectDatabase database, BackgroundRunner runner, UiText text,
                              SegmentsResults results) {
        this.database = database;
        this.runner = runner;
        this.text = text;
        this.results = results;
        this.names = new DefaultNames(text);
        this.runProgress = new RunProgress(text.bundle());
        this.store = new SegmentStore(database);
        this.charts = new SegmentCharts(text);
        this.choices = new FeatureChoices(text);
    }

    @FXML
    private void initialize() {
        progress.progressProperty().bind(runProgress.fractionProperty());
        nameField.setText(defaultName());
        platformChoice.getItems().add(text.get("segments.allPlatforms"));
        platformChoice.getItems().addAll(text.platformCodes());
        platformChoice.setConverter(Views.converter(text::platform));
        platformChoice.getSelectionModel().selectFirst();
        choices.fillFeatureGrid(featureGrid);
        choices.fillWeightGrid(weightGrid);
        WholeText.keep(featureGrid);
        WholeText.keep(weightGrid);
        algorithmChoice.getItems().setAll(Algorithm.values());
        algorithmChoice.setConverter(Views.converter(a -> text.get("segments.algorithm." + a.key())));
        algorithmChoice.getSelectionModel().selectFirst();
        kSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(2, 10, 4));
        horizonSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(7, 180, 30, 7));
        savedList.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(SegmentStore.Summary item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.get("segments.savedItem",
                        names.segmentation(item.name()), item.k(), text.integer(item.followers())));
            }
        });
        openButton.disableProperty().bind(savedList.getSelectionModel().selectedItemProperty().isNull());
        deleteButton.disableProperty().bind(savedList.getSelectionModel().selectedItemProperty().isNull());
        savedList.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2) {
                openSaved();
            }
        });
        charts.buildProfileTable(profileTable, this::rename);
        charts.buildContentTable(contentTable);
        contentSegmentChoice.setConverter(Views.converter(number -> number < 0 || results.shown().isEmpty()
                ? text.get("ltv.allSegments")
                : names.segment(results.shown().get().segmentation().profiles().get(number).name())));
        runButton.sceneProperty().addListener((observable, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::run);
            }
        });
        explainAndOfferExports();
        results.shownProperty().addListener(new WeakChangeListener<>(resultsListener));
        render();
        loadSaved(null);
    }

    private void explainAndOfferExports() {
        Glossary glossary = new Glossary(text);
        glossary.attach(standardise, Term.Z_SCORE);
        glossary.attach(algorithmLabel, Term.K_MEANS, Term.GAUSSIAN_MIXTURE);
        glossary.attach(kLabel, Term.K, Term.SILHOUETTE);
        glossary.attach(profileChart, Term.Z_SCORE);
        glossary.attach(mapNote, Term.PRINCIPAL_COMPONENTS);
        glossary.attach(propensityLabel, Term.PROPENSITY, Term.AUC, Term.HOLD_OUT, Term.RANDOM_FOREST,
                Term.LOGISTIC_REGRESSION);
        glossary.attach(gainsChart, Term.CUMULATIVE_GAINS);
        glossary.attach(importanceChart, Term.FEATURE_IMPORTANCE);
        ExportMenu exports = new ExportMenu(text, runner);
        exports.install(profileTable, text.get("segments.tab.profile"));
        exports.install(profileChart, text.get("segments.chart.profile"));
        exports.install(sizeChart, text.get("segments.chart.size"));
        exports.install(mapChart, text.get("segments.tab.map"));
        exports.install(gainsChart, text.get("segments.propensity.gains"));
        exports.install(importanceChart, text.get("segments.propensity.importance"));
        exports.install(contentTable, text.get("segments.tab.content"));
    }

    private SegmentationSettings settings() {
        String platform = platformChoice.getSelectionModel().getSelectedIndex() <= 0 ? null : platformChoice.getValue();
        Population population = new Population(platform, buyersOnly.isSelected(), fromDate.getValue(), toDate.getValue());
        String name = nameField.getText().isBlank() ? defaultName() : nameField.getText().strip();
        return new SegmentationSettings(name, population, choices.features(),
                new FeatureMatrix.Transform(choices.logTransformed(), standardise.isSelected()),
                new Clusterer.Settings(algorithmChoice.getValue(), kSpinner.getValue(), 3, 100, 20_261_123L),
                choices.weights());
    }

    @FXML
    private void run() {
        if (runButton.isDisabled()) {
            return;
        }
        if (fromDate.getValue() != null && toDate.getValue() != null && fromDate.getValue().isAfter(toDate.getValue())) {
            new Dialogs(text, window()).error(text.get("segments.title"), text.get("segments.cannotRun"),
                    text.get("segments.error.dateRange", fromDate.getValue().toString(), toDate.getValue().toString()));
            return;
        }
        SegmentationSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            new Dialogs(text, window()).error(text.get("segments.title"), text.get("segments.cannotRun"), e.getMessage());
            return;
        }
        setRunning(true);
        runner.run(text.get("segments.running"), context -> {
            Segmentation segmentation = new Segmenter(database).run(settings, runProgress.around(context));
            return store.save(localisedNames(segmentation));
        }, segmentation -> {
            setRunning(false);
            nameField.setText(defaultName());
            results.show(segmentation, null);
            loadSaved(segmentation.id());
        }, this::failed, () -> setRunning(false));
    }

    @FXML
    private void cancel() {
        runProgress.cancel();
        cancelButton.setDisable(true);
    }

    @FXML
    private void suggestK() {
        SegmentationSettings settings = settings();
        setRunning(true);
        runner.run(text.get("segments.suggesting"), context -> {
            TaskContext inner = runProgress.around(context);
            var facts = new FactsReader(database).read(settings.population(), TaskContext.silent());
            return KSuggestion.suggest(FeatureMatrix.build(facts, settings.features(), settings.transform()).values(),
                    2, 10, settings.clustering().seed(), inner);
        }, result -> {
            setRunning(false);
            kSpinner.getValueFactory().setValue(result.bestK());
            suggestionLabel.setText(text.get("segments.suggested", result.bestK(), String.join(" \u00b7 ",
                    result.scores().stream().map(s -> "k=" + s.k() + ": " + String.format("%.2f", s.silhouette()))
                            .toList())));
        }, this::failed, () -> setRunning(false));
    }

    @FXML
    private void openSaved() {
        SegmentStore.Summary summary = savedList.getSelectionModel().getSelectedItem();
        if (summary == null) {
            return;
        }
        runner.run(text.get("segments.opening", summary.name()),
                context -> new Loaded(store.load(summary.id()), store.propensity(summary.id()).orElse(null)),
                loaded -> results.show(loaded.segmentation(), loaded.propensity()), this::failed);
    }

    private record Loaded(Segmentation segmentation, Propensity propensity) {
    }

    @FXML
    private void deleteSaved() {
        SegmentStore.Summary summary = savedList.getSelectionModel().getSelectedItem();
        if (summary == null || !new Dialogs(text, window()).confirm(text.get("segments.delete"),
                text.get("segments.deleteConfirm", summary.name()))) {
            return;
        }
        runner.run(text.get("segments.delete"), context -> {
            store.delete(summary.id());
            return summary.id();
        }, id -> {
            if (results.shown().filter(now -> now.segmentation().id() == id).isPresent()) {
                results.clear();
            }
            loadSaved(null);
        }, this::failed);
    }

    @FXML
    private void runPropensity() {
        Segmentation segmentation = results.shown().orElseThrow().segmentation();
        int horizon = horizonSpinner.getValue();
        setRunning(true);
        runner.run(text.get("segments.propensity.running"), context -> {
            Propensity propensity = new PropensityModel(database).train(segmentation, horizon, runProgress.around(context));
            store.savePropensity(segmentation.id(), propensity);
            return propensity;
        }, propensity -> {
            setRunning(false);
            results.showPropensity(segmentation.id(), propensity);
        }, this::failed, () -> setRunning(false));
    }

    @FXML
    private void export() {
        Segmentation segmentation = results.shown().orElseThrow().segmentation();
        Propensity propensity = results.shown().orElseThrow().propensity();
        new ExportDialog(text, window()).ask(names.shown(segmentation), propensity != null).ifPresent(choice -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(segmentation.settings().name().replaceAll("[\\\\/:*?\"<>|]", "_") + ".csv");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File target = chooser.showSaveDialog(window());
            if (target == null) {
                return;
            }
            float[] scores = propensity == null ? null : propensity.scores();
            runner.run(text.get("segments.exporting"), context -> com.campaignstudio.segments.AudienceExport.write(
                    database, segmentation, scores, choice.segments(), choice.columns(), target.toPath()),
                    rows -> new Dialogs(text, window()).info(text.get("segments.export"),
                            text.get("segments.exported", text.integer(rows)), target.toString()), this::failed);
        });
    }

    @FXML
    private void rankContent() {
        Segmentation segmentation = results.shown().orElseThrow().segmentation();
        int segment = contentSegmentChoice.getValue() == null ? -1 : contentSegmentChoice.getValue();
        runner.run(text.get("segments.content.running"), context -> com.campaignstudio.segments.ContentScores.rank(
                database, segmentation, segment, com.campaignstudio.segments.ContentScores.Weights.defaults(), 100),
                posts -> results.showContent(segmentation.id(), segment, posts), this::failed);
    }

    private void rename(SegmentProfile profile, String name) {
        if (results.shown().isEmpty() || name.isBlank()) {
            return;
        }
        Segmentation segmentation = results.shown().get().segmentation();
        List<SegmentProfile> profiles = new ArrayList<>(segmentation.profiles());
        profiles.set(profile.number(), profile.renamed(name.strip()));
        Segmentation renamed = segmentation.withProfiles(List.copyOf(profiles));
        runner.run(text.get("segments.renaming"), context -> {
            store.rename(segmentation.id(), profile.number(), name.strip());
            return null;
        }, ignored -> results.update(renamed), this::failed);
    }

    /** Shows what the results hold (nothing: the empty view). */
    private void render() {
        results.shown().ifPresentOrElse(this::show, this::clear);
    }

    private void show(SegmentsResults.Shown on) {
        Segmentation segmentation = names.shown(on.segmentation());
        Propensity propensity = on.propensity();
        resultTitle.setText(text.get("segments.result", names.segmentation(segmentation.settings().name()),
                text.integer(segmentation.followerIds().length), segmentation.k(),
                segmentation.asOf().toLocalDate().toString()));
        List<String> notes = segmentation.notes().stream().map(note -> note.in(text.bundle())).toList();
        stateLabel.setText(String.join("\n", notes.isEmpty() ? List.of(text.get("segments.howToRead")) : notes));
        charts.show(segmentation, propensity, profileTable, sizeChart, profileChart, mapChart);
        mapNote.setText(segmentation.scatter() == null ? text.get("segments.map.none")
                : text.get("segments.map.note", text.integer(segmentation.scatter().x().length),
                text.percent(segmentation.scatter().explainedShare())));
        exportButton.setDisable(false);
        propensityButton.setDisable(false);
        contentButton.setDisable(false);
        List<Integer> segmentNumbers = new ArrayList<>(List.of(-1));
        segmentation.profiles().forEach(p -> segmentNumbers.add(p.number()));
        contentSegmentChoice.getItems().setAll(segmentNumbers);
        contentSegmentChoice.setValue(on.contentSegment());
        contentTable.getItems().setAll(on.content());
        if (propensity != null) {
            showPropensity(segmentation, propensity);
        } else {
            propensityLabel.setText(text.get("segments.propensity.none"));
            gainsChart.getData().clear();
            importanceChart.getData().clear();
        }
    }

    private void showPropensity(Segmentation segmentation, Propensity propensity) {
        Propensity.Summary summary = propensity.summary();
        propensityLabel.setText(text.get("segments.propensity.summary", summary.horizonDays(),
                String.format("%.3f", summary.forestAuc()), String.format("%.3f", summary.logisticAuc()),
                text.get("segments.propensity.model." + summary.model()), text.integer(summary.trainingRows()),
                text.integer(summary.holdOutRows()), text.percent(summary.positiveShare()), summary.cutoff().toString()));
        charts.showPropensity(summary, gainsChart, importanceChart);
        charts.show(segmentation, propensity, profileTable, sizeChart, profileChart, mapChart);
    }

    private void clear() {
        resultTitle.setText("");
        stateLabel.setText(text.get("segments.empty"));
        profileTable.getItems().clear();
        sizeChart.getData().clear();
        profileChart.getData().clear();
        mapChart.getData().clear();
        mapNote.setText("");
        exportButton.setDisable(true);
        propensityButton.setDisable(true);
        contentButton.setDisable(true);
        contentSegmentChoice.getItems().clear();
        contentTable.getItems().clear();
        propensityLabel.setText("");
        gainsChart.getData().clear();
        importanceChart.getData().clear();
    }

    private void loadSaved(Long select) {
        runner.run(text.get("segments.loadingSaved"), context -> store.list(), summaries -> {
            savedList.getItems().setAll(summaries);
            if (select != null) {
                summaries.stream().filter(s -> s.id() == select).findFirst()
                        .ifPresent(s -> savedList.getSelectionModel().select(s));
            }
        }, this::failed);
    }

    private Segmentation localisedNames(Segmentation segmentation) {
        List<SegmentProfile> profiles = new ArrayList<>();
        for (SegmentProfile profile : segmentation.profiles()) {
            profiles.add(profile.renamed(Segmenter.defaultName(profile.number(), segmentation.k(),
                    potential -> text.get("segments.potential." + potential.key()))));
        }
        return segmentation.withProfiles(List.copyOf(profiles));
    }

    private void failed(Throwable failure) {
        setRunning(false);
        Dialogs dialogs = new Dialogs(text, window());
        if (failure instanceof SegmentationException problem) {
            dialogs.error(text.get("segments.title"), text.get("segments.cannotRun"), problem.reason().in(text.bundle()));
        } else {
            dialogs.unexpected(failure);
        }
    }

    private void setRunning(boolean running) {
        runButton.setDisable(running);
        suggestButton.setDisable(running);
        cancelButton.setDisable(!running);
        propensityButton.setDisable(running || results.shown().isEmpty());
        progress.setVisible(running);
    }

    private String defaultName() {
        return text.get("segments.defaultName", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
    }

    private Window window() {
        return runButton.getScene() == null ? null : runButton.getScene().getWindow();
    }
}
