package com.campaignstudio.ui.portrait;

import com.campaignstudio.portrait.AudienceTable;
import com.campaignstudio.portrait.Audiences;
import com.campaignstudio.portrait.Groups;
import com.campaignstudio.portrait.IndexRow;
import com.campaignstudio.portrait.Portrait;
import com.campaignstudio.portrait.PortraitGroup;
import com.campaignstudio.portrait.PortraitResult;
import com.campaignstudio.portrait.PortraitRun;
import com.campaignstudio.portrait.Trait;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.segments.SegmentProfile;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.RunProgress;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.schedule.SlotHeatMap;
import com.campaignstudio.ui.segments.DefaultNames;
import com.campaignstudio.work.BackgroundRunner;
import com.campaignstudio.work.CancelledException;
import com.campaignstudio.work.TaskContext;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * The Portrait view (粉丝画像): choose a group (everyone, the buyers, a platform's followers or a saved segment) and
 * optionally a second one beside it; the audience is read once in the background, and each choice shows the
 * group's gender, age, platforms, regions, spending level, tenure, products and active hours, and the values that
 * make it differ from everyone (TGI).
 */
public final class PortraitController {

    private final ProjectDatabase database;
    private final BackgroundRunner runner;
    private final UiText text;
    private final Audiences audiences;
    private final Runnable importData;
    private final Glossary glossary;
    private final RunProgress runProgress;
    private final TraitText names;
    private final PortraitCharts charts;
    private final PortraitTables tables;

    @FXML
    private ComboBox<GroupOption> groupChoice;
    @FXML
    private ComboBox<GroupOption> compareChoice;
    @FXML
    private Button runButton;
    @FXML
    private Button cancelButton;
    @FXML
    private ProgressBar progress;
    @FXML
    private Label resultTitle;
    @FXML
    private Label stateLabel;
    @FXML
    private Button importButton;
    @FXML
    private ScrollPane results;
    @FXML
    private HBox legendBox;
    @FXML
    private BarChart<String, Number> genderChart;
    @FXML
    private BarChart<Number, String> ageChart;
    @FXML
    private BarChart<Number, String> platformChart;
    @FXML
    private BarChart<Number, String> regionChart;
    @FXML
    private BarChart<Number, String> priceChart;
    @FXML
    private BarChart<Number, String> tenureChart;
    @FXML
    private BarChart<Number, String> productChart;
    @FXML
    private SlotHeatMap hoursMap;
    @FXML
    private SlotHeatMap compareHoursMap;
    @FXML
    private Label tgiTitle;
    @FXML
    private Label tgiNote;
    @FXML
    private TableView<IndexRow> tgiTable;
    @FXML
    private Label compareTitle;
    @FXML
    private TableView<IndexRow> compareTable;

    /** {@code importData} opens the import of a file (the next step when the project has no followers). */
    public PortraitController(ProjectDatabase database, BackgroundRunner runner, UiText text, Audiences audiences,
                              Runnable importData) {
        this.database = database;
        this.runner = runner;
        this.text = text;
        this.audiences = audiences;
        this.importData = importData;
        this.glossary = new Glossary(text);
        this.runProgress = new RunProgress(text.bundle());
        this.names = new TraitText(text);
        this.charts = new PortraitCharts(text, names);
        this.tables = new PortraitTables(text, names, glossary);
    }

    @FXML
    private void initialize() {
        progress.progressProperty().bind(runProgress.fractionProperty());
        resultTitle.managedProperty().bind(resultTitle.textProperty().isNotEmpty());
        hoursMap.nameCells("portraitHours");
        compareHoursMap.nameCells("portraitCompareHours");
        compareHoursMap.managedProperty().bind(compareHoursMap.visibleProperty());
        compareTitle.managedProperty().bind(compareTitle.visibleProperty());
        compareTable.managedProperty().bind(compareTable.visibleProperty());
        tables.build(tgiTable, "portrait.tgi");
        tables.build(compareTable, "portrait.compare");
        glossary.attach(tgiTitle, Term.TGI);
        ExportMenu exports = new ExportMenu(text, runner);
        exports.install(genderChart, text.get("portrait.chart.gender"));
        exports.install(ageChart, text.get("portrait.chart.age"));
        exports.install(platformChart, text.get("portrait.chart.platform"));
        exports.install(regionChart, text.get("portrait.chart.region"));
        exports.install(priceChart, text.get("portrait.chart.price"));
        exports.install(tenureChart, text.get("portrait.chart.tenure"));
        exports.install(productChart, text.get("portrait.chart.product"));
        exports.install(hoursMap, text.get("portrait.hours.export"));
        exports.install(compareHoursMap, text.get("portrait.hours.export"));
        exports.install(tgiTable, text.get("portrait.tgi.title"));
        exports.install(compareTable, text.get("portrait.compare.export"));
        runButton.sceneProperty().addListener((observable, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::run);
            }
        });
        showResults(false);
        stateLabel.setText(text.get("portrait.reading"));
        loadGroups();
    }

    /** Reads the audience and offers its groups; then shows the buyers beside everyone, or says there is no one. */
    private void loadGroups() {
        setRunning(true);
        runner.run(text.get("portrait.reading"), context -> {
            AudienceTable table = audiences.of(database, runProgress.around(context));
            return table.followers() == 0 ? List.<GroupOption>of() : options(table);
        }, options -> {
            setRunning(false);
            if (options.isEmpty()) {
                runButton.setDisable(true);
                groupChoice.setDisable(true);
                compareChoice.setDisable(true);
                importButton.setVisible(true);
                importButton.setManaged(true);
                stateLabel.setText(text.get("portrait.noFollowers"));
                return;
            }
            groupChoice.getItems().setAll(options);
            GroupOption none = new GroupOption(text.get("portrait.compare.none"), null);
            List<GroupOption> second = new ArrayList<>(List.of(none));
            second.addAll(options);
            compareChoice.getItems().setAll(second);
            groupChoice.setValue(options.get(1));
            compareChoice.setValue(options.getFirst());
            run();
        }, this::failed, () -> setRunning(false));
    }

    private List<GroupOption> options(AudienceTable table) throws SQLException {
        List<GroupOption> options = new ArrayList<>();
        options.add(new GroupOption(text.get("portrait.group.everyone"), PortraitGroup.everyone()));
        options.add(new GroupOption(text.get("portrait.group.buyers"), PortraitGroup.buyers()));
        for (String code : table.platforms().keySet().stream().sorted().toList()) {
            if (!Groups.onPlatform(table, code).isEmpty()) {
                options.add(new GroupOption(text.get("portrait.group.platform", text.platform(code)),
                        PortraitGroup.onPlatform(code)));
            }
        }
        SegmentStore store = new SegmentStore(database);
        DefaultNames shownNames = new DefaultNames(text);
        for (SegmentStore.Summary summary : store.list()) {
            for (SegmentProfile profile : store.profiles(summary.id())) {
                String segment = shownNames.segment(profile.name());
                options.add(new GroupOption(text.get("portrait.group.segment",
                        shownNames.segmentation(summary.name()), segment),
                        PortraitGroup.inSegment(new PortraitGroup.Segment(summary.id(), profile.number(), segment))));
            }
        }
        return options;
    }

    @FXML
    private void run() {
        if (runButton.isDisabled() || groupChoice.getValue() == null) {
            return;
        }
        GroupOption first = groupChoice.getValue();
        GroupOption second = compareChoice.getValue() == null || compareChoice.getValue().group() == null
                ? null : compareChoice.getValue();
        List<PortraitGroup> groups = second == null ? List.of(first.group()) : List.of(first.group(), second.group());
        setRunning(true);
        runner.run(text.get("portrait.running"), context -> {
            TaskContext inner = runProgress.around(context);
            return new PortraitRun(database, audiences).run(groups, inner);
        }, result -> {
            setRunning(false);
            show(result, first, second);
        }, this::failed, () -> setRunning(false));
    }

    @FXML
    private void cancel() {
        runProgress.cancel();
        cancelButton.setDisable(true);
    }

    @FXML
    private void importData() {
        importData.run();
    }

    private void show(PortraitResult result, GroupOption first, GroupOption second) {
        Portrait group = result.groups().getFirst().portrait();
        if (group.followers() == 0) {
            showResults(false);
            resultTitle.setText("");
            stateLabel.setText(text.get("portrait.emptyGroup", first.label()));
            return;
        }
        showResults(true);
        resultTitle.setText(text.get("portrait.result", first.label(), text.integer(group.followers()),
                text.integer(group.buyers()), text.percent((double) group.followers() / result.audience().followers())));
        stateLabel.setText(notes(result));
        legendBox.getChildren().setAll(PortraitCharts.legend(second == null ? List.of(first.label())
                : List.of(first.label(), second.label())));
        List<PortraitCharts.Named> perTrait = new ArrayList<>();
        for (Trait trait : Trait.values()) {
            perTrait.clear();
            for (int g = 0; g < result.groups().size(); g++) {
                String label = g == 0 ? first.label() : second.label();
                perTrait.add(new PortraitCharts.Named(label, result.groups().get(g).portrait().trait(trait)));
            }
            switch (trait) {
                case GENDER -> charts.columns(genderChart, trait, perTrait);
                case AGE -> charts.ranked(ageChart, trait, perTrait);
                case PLATFORM -> charts.ranked(platformChart, trait, perTrait);
                case REGION -> charts.ranked(regionChart, trait, perTrait);
                case PRICE_BAND -> charts.ranked(priceChart, trait, perTrait);
                case TENURE -> charts.ranked(tenureChart, trait, perTrait);
                case PRODUCT -> charts.ranked(productChart, trait, perTrait);
            }
        }
        charts.hours(hoursMap, first.label(), group.activeHours());
        compareHoursMap.setVisible(second != null);
        if (second != null) {
            charts.hours(compareHoursMap, second.label(), result.groups().get(1).portrait().activeHours());
        }
        tgiTitle.setText(text.get("portrait.tgi.titleOf", first.label()));
        tgiNote.setText(text.get("portrait.tgi.note", text.integer(result.minCount())));
        tgiTable.getItems().setAll(result.groups().getFirst().tgi());
        boolean comparing = second != null && !second.group().isEveryone();
        compareTitle.setVisible(comparing);
        compareTable.setVisible(comparing);
        compareTitle.setText(comparing ? text.get("portrait.compare.title", first.label(), second.label()) : "");
        compareTable.getItems().setAll(comparing ? result.comparison() : List.of());
    }

    /** What the figures leave out or rest on: the last day tenure is counted to, buyers linked to no follower. */
    private String notes(PortraitResult result) {
        List<String> notes = new ArrayList<>();
        result.lastDayOfData().ifPresent(day -> notes.add(text.get("portrait.note.lastDay",
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(text.locale()).format(day))));
        if (result.unlinkedBuyers() > 0) {
            notes.add(text.get("portrait.note.unlinked", text.integer(result.unlinkedBuyers())));
        }
        notes.add(text.get("portrait.note.buyersOnly"));
        return String.join(" ", notes);
    }

    private void showResults(boolean shown) {
        results.setVisible(shown);
        results.setManaged(shown);
    }

    private void failed(Throwable failure) {
        setRunning(false);
        if (failure instanceof CancelledException) {
            return;
        }
        new Dialogs(text, window()).unexpected(failure);
    }

    private void setRunning(boolean running) {
        runButton.setDisable(running);
        cancelButton.setDisable(!running);
        progress.setVisible(running);
    }

    private Window window() {
        return runButton.getScene() == null ? null : runButton.getScene().getWindow();
    }
}
