package com.campaignstudio.ui.schedule;

import com.campaignstudio.project.PlatformTable;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.project.ProjectSettings;
import com.campaignstudio.schedule.PostHistory;
import com.campaignstudio.schedule.ReachDecay;
import com.campaignstudio.schedule.ScheduleSettings;
import com.campaignstudio.schedule.ScheduleSettingsStore;
import com.campaignstudio.schedule.SlotQuery;
import com.campaignstudio.schedule.SlotRates;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.RunProgress;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import com.campaignstudio.work.BackgroundRunner;
import com.campaignstudio.work.TaskContext;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableView;
import javafx.stage.Window;

import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The Best time tab of Schedule: per platform (and format) a weekday x hour heat map of engagement rates shrunk toward
 * the platform's mean ({@link SlotRates}), the top slots with their lift, and the reach decay of the platform's posts
 * ({@link ReachDecay}) with a half-life the user can set. Any change of a choice recomputes in the background; the
 * posts are read once per data version. The prior posts, each platform's zone and half-life are kept in the project
 * ({@link ScheduleSettingsStore}) for the planner.
 */
public final class BestTimeController {

    /** Zones offered besides the project's own: where the platforms' audiences of a Chinese creator mostly live. */
    static final List<String> ZONES = List.of("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Tokyo", "Asia/Singapore",
            "Europe/London", "America/Los_Angeles", "America/New_York", "UTC");
    static final List<String> FORMATS = List.of("all", "video", "article", "image", "live");
    static final int TOP_SLOTS = 10;

    private final ProjectDatabase database;
    private final BackgroundRunner runner;
    private final UiText text;
    private final Glossary glossary;
    private final ExportMenu exports;
    private final BestTimeFormats formats;
    private final BestTimeTables tables;
    private final RunProgress runProgress;
    private final ScheduleSettingsStore store;
    private final Object historyLock = new Object();
    private final Object saveLock = new Object();
    private PostHistory history;
    private long historyVersion = -1;
    private long savedSequence;
    private long settingsSequence;
    private ScheduleSettings settings = ScheduleSettings.defaults();
    private ZoneId projectZone = ProjectSettings.DEFAULT_ZONE;
    private boolean ready;
    private boolean choosing;
    private long ratesRun;
    private long decayRun;
    private int running;

    @FXML
    private ComboBox<String> bestTimePlatformChoice;
    @FXML
    private ComboBox<String> bestTimeFormatChoice;
    @FXML
    private Label bestTimePriorLabel;
    @FXML
    private Spinner<Integer> bestTimePriorSpinner;
    @FXML
    private ComboBox<ZoneId> bestTimeZoneChoice;
    @FXML
    private ProgressBar bestTimeProgress;
    @FXML
    private Button bestTimeCancelButton;
    @FXML
    private Label bestTimeNoHistoryLabel;
    @FXML
    private Label bestTimeStateLabel;
    @FXML
    private SlotHeatMap bestTimeHeatMap;
    @FXML
    private TableView<BestTimeTables.SlotRow> bestTimeTopTable;
    @FXML
    private TableView<BestTimeTables.SlotRow> bestTimeSlotTable;
    @FXML
    private Label bestTimeDecayTitle;
    @FXML
    private LineChart<Number, Number> bestTimeDecayChart;
    @FXML
    private NumberAxis bestTimeDecayAgeAxis;
    @FXML
    private NumberAxis bestTimeDecayShareAxis;
    @FXML
    private Label bestTimeDecaySource;
    @FXML
    private Label bestTimeDecayFigures;

    @FXML
    private Spinner<Double> bestTimeHalfLifeSpinner;
    @FXML
    private Button bestTimeHalfLifeApply;
    @FXML
    private Button bestTimeUseFittedButton;

    public BestTimeController(ProjectDatabase database, BackgroundRunner runner, UiText text, Glossary glossary,
                              ExportMenu exports) {
        this.database = database;
        this.runner = runner;
        this.text = text;
        this.glossary = glossary;
        this.exports = exports;
        this.formats = new BestTimeFormats(text);
        this.tables = new BestTimeTables(text, formats);
        this.runProgress = new RunProgress(text.bundle());
        this.store = new ScheduleSettingsStore(database);
    }

    @FXML
    private void initialize() {
        bestTimeProgress.progressProperty().bind(runProgress.fractionProperty());
        bestTimeProgress.managedProperty().bind(bestTimeProgress.visibleProperty());
        bestTimeNoHistoryLabel.managedProperty().bind(bestTimeNoHistoryLabel.visibleProperty());
        bestTimeNoHistoryLabel.setVisible(false);
        bestTimePlatformChoice.setConverter(Views.converter(text::platform));
        bestTimeFormatChoice.getItems().setAll(FORMATS);
        bestTimeFormatChoice.setConverter(Views.converter(format -> format.equals("all")
                ? text.get("bestTime.format.all") : text.get("value.format." + format)));
        bestTimeFormatChoice.setValue("all");
        bestTimePriorSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 50,
                (int) SlotQuery.DEFAULT_PRIOR_POSTS));
        bestTimeZoneChoice.setConverter(Views.converter(formats::zone));
        bestTimeHalfLifeSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.1,
                ReachDecay.LONGEST_HALF_LIFE, 24, 1));
        bestTimeDecayShareAxis.setTickLabelFormatter(Views.converter(share -> formats.wholePercent(share.doubleValue())));
        bestTimeDecayAgeAxis.setTickLabelFormatter(Views.converter(logHours
                -> formats.hours(Math.pow(10, logHours.doubleValue()))));
        bestTimeDecayChart.setAxisSortingPolicy(LineChart.SortingPolicy.NONE);
        tables.buildTop(bestTimeTopTable, glossary);
        tables.buildAll(bestTimeSlotTable);
        glossary.attach(bestTimePriorLabel, Term.SHRINKAGE);
        glossary.attach(bestTimeDecayTitle, Term.HALF_LIFE);
        exports.install(bestTimeHeatMap, text.get("bestTime.export.heatMap"));
        exports.install(bestTimeDecayChart, text.get("bestTime.export.decay"));
        exports.install(bestTimeTopTable, text.get("bestTime.export.top"));
        exports.install(bestTimeSlotTable, text.get("bestTime.export.slots"));
        setChoicesDisabled(true);
        bestTimeStateLabel.setText(text.get("bestTime.loading"));
        bestTimePlatformChoice.valueProperty().addListener((observable, old, platform) -> platformChosen());
        bestTimeFormatChoice.valueProperty().addListener((observable, old, format) -> refresh());
        bestTimePriorSpinner.valueProperty().addListener((observable, old, posts) -> {
            changeSettings(settings.withPriorPosts(posts));
            refreshRates();
        });
        bestTimeZoneChoice.valueProperty().addListener((observable, old, zone) -> {
            if (!choosing && zone != null) {
                changeSettings(settings.withZone(bestTimePlatformChoice.getValue(), zone.getId()));
                refreshRates();
            }
        });
        load();
    }

    private record Start(List<PlatformTable.Platform> platforms, ZoneId zone, ScheduleSettings settings) {
    }

    /** Reads the project's platforms, zone and stored settings, then shows the first platform. */
    private void load() {
        started();
        runner.run(text.get("bestTime.loading"), context -> {
            runProgress.around(context);
            ProjectSettings project = ProjectSettings.read(database);
            return new Start(PlatformTable.list(database), project.zone(), store.load());
        }, start -> {
            finished();
            projectZone = start.zone();
            settings = start.settings();
            choosing = true;
            bestTimePriorSpinner.getValueFactory().setValue((int) Math.round(Math.min(50, settings.priorPosts())));
            choosing = false;
            ready = true;
            setChoicesDisabled(false);
            bestTimePlatformChoice.getItems().setAll(start.platforms().stream().map(PlatformTable.Platform::code)
                    .toList());
            if (!bestTimePlatformChoice.getItems().isEmpty()) {
                bestTimePlatformChoice.setValue(bestTimePlatformChoice.getItems().getFirst());
            }
        }, this::failed, this::finished);
    }

    private void platformChosen() {
        String platform = bestTimePlatformChoice.getValue();
        if (!ready || platform == null) {
            return;
        }
        ZoneId zone = Optional.ofNullable(settings.platformZones().get(platform)).map(ZoneId::of).orElse(projectZone);
        Set<ZoneId> zones = new LinkedHashSet<>();
        zones.add(projectZone);
        ZONES.stream().map(ZoneId::of).forEach(zones::add);
        zones.add(zone);
        choosing = true;
        bestTimeZoneChoice.getItems().setAll(zones);
        bestTimeZoneChoice.setValue(zone);
        choosing = false;
        refresh();
    }

    /**
     * Shows the choices on show again from the project as it is now: for the section to call when the tab is shown
     * after the data changed (an import, an undo). The posts are read again only if the data version moved.
     */
    public void refresh() {
        refreshRates();
        refreshDecay();
    }

    private Optional<String> format() {
        String format = bestTimeFormatChoice.getValue();
        return format == null || format.equals("all") ? Optional.empty() : Optional.of(format);
    }

    private record Rates(SlotRates rates, boolean projectHasRates) {
    }

    /** The heat map, the top slots and the table of all slots for the choices on show. */
    private void refreshRates() {
        if (!ready || choosing || bestTimePlatformChoice.getValue() == null) {
            return;
        }
        ZoneId zone = Optional.ofNullable(bestTimeZoneChoice.getValue()).orElse(projectZone);
        SlotQuery query = new SlotQuery(bestTimePlatformChoice.getValue(), format(),
                bestTimePriorSpinner.getValue(), projectZone, zone);
        long run = ++ratesRun;
        started();
        runner.run(text.get("bestTime.running"), context -> {
            TaskContext inner = runProgress.around(context);
            PostHistory posts = currentHistory();
            inner.checkCancelled();
            boolean anyRate = false;
            for (int i = 0; i < posts.size() && !anyRate; i++) {
                anyRate = posts.hasRate(i);
            }
            return new Rates(SlotRates.compute(posts, query), anyRate);
        }, rates -> {
            finished();
            if (run == ratesRun) {
                showRates(rates);
            }
        }, this::failed, this::finished);
    }

    /** The posts as of the project's current data: read again only after the data changed. */
    private PostHistory currentHistory() throws SQLException {
        synchronized (historyLock) {
            long version = database.dataVersion();
            if (history == null || version != historyVersion) {
                history = PostHistory.read(database);
                historyVersion = version;
            }
            return history;
        }
    }

    private void showRates(Rates result) {
        SlotRates rates = result.rates();
        SlotQuery query = rates.query();
        String platform = text.platform(query.platform());
        String format = query.format().map(f -> text.get("value.format." + f)).orElse(text.get("bestTime.format.all"));
        bestTimeHeatMap.show(rates, formats, text.get("bestTime.heatMap.title", platform, format,
                formats.zone(query.platformZone())), text.get("bestTime.heatMap.legend"),
                text.get("bestTime.heatMap.noPosts"));
        List<String> notes = new ArrayList<>();
        if (rates.hasHistory()) {
            notes.add(text.get("bestTime.summary", platform, format, rates.postsUsed(),
                    formats.rate(rates.platformRate())));
        }
        if (rates.leftOut() > 0) {
            notes.add(text.get("bestTime.leftOut", text.integer(rates.leftOut())));
        }
        notes.add(text.get("bestTime.howToRead"));
        bestTimeStateLabel.setText(String.join(" ", notes));
        bestTimeNoHistoryLabel.setVisible(!rates.hasHistory());
        bestTimeNoHistoryLabel.setText(rates.hasHistory() ? "" : text.get(query.format().isPresent()
                        ? "bestTime.noHistory.format" : "bestTime.noHistory", platform, format,
                formats.rate(rates.platformRate()), text.get(result.projectHasRates()
                        ? "bestTime.default.project" : "bestTime.default.ruleOfThumb")));
        bestTimeTopTable.getItems().setAll(tables.top(rates, TOP_SLOTS));
        bestTimeTopTable.setPlaceholder(new Label(text.get(rates.hasHistory() ? "bestTime.table.empty"
                : "bestTime.top.noHistory")));
        bestTimeSlotTable.getItems().setAll(tables.all(rates));
    }

    /** The reach decay of the platform (and format), or the user's half-life. */
    private void refreshDecay() {
        if (!ready || choosing || bestTimePlatformChoice.getValue() == null) {
            return;
        }
        String platform = bestTimePlatformChoice.getValue();
        Optional<String> format = format();
        OptionalDouble override = settings.halfLifeOverride(platform).map(OptionalDouble::of)
                .orElse(OptionalDouble.empty());
        long seed = settings.seed();
        long run = ++decayRun;
        started();
        runner.run(text.get("bestTime.decay.running"), context -> {
            runProgress.around(context).checkCancelled();
            return ReachDecay.fit(database, platform, format, override, seed);
        }, fit -> {
            finished();
            if (run == decayRun) {
                showDecay(fit);
            }
        }, this::failed, this::finished);
    }

    private void showDecay(ReachDecay.DecayFit fit) {
        String platform = text.platform(fit.platform());
        bestTimeDecaySource.setText(switch (fit.source()) {
            case SNAPSHOTS -> text.get("bestTime.decay.source.snapshots", text.integer(fit.posts()),
                    text.integer(fit.points()));
            case AGES -> text.get("bestTime.decay.source.ages", text.integer(fit.posts()));
            case DEFAULT -> text.get("bestTime.decay.source.default", platform);
            case USER -> text.get("bestTime.decay.source.user");
        });
        double lowHalfLife = Math.log(2) / fit.lambdaHigh();
        double highHalfLife = Math.log(2) / fit.lambdaLow();
        boolean fitted = fit.source() == ReachDecay.Source.SNAPSHOTS || fit.source() == ReachDecay.Source.AGES;
        bestTimeDecayFigures.setText(text.get(fitted ? "bestTime.decay.figures" : "bestTime.decay.figuresAssumed",
                formats.figure(fit.lambda()), formats.hours(fit.halfLifeHours()), formats.hours(lowHalfLife),
                formats.hours(highHalfLife), formats.figure(fit.r2()), formats.figure(fit.rmse())));
        bestTimeUseFittedButton.setDisable(fit.source() != ReachDecay.Source.USER);
        bestTimeHalfLifeSpinner.getValueFactory().setValue(Math.round(fit.halfLifeHours() * 10) / 10.0);
        drawDecay(fit);
    }

    /**
     * The observed shares and the curve on a log age axis (the chart plots log10 of the hours and labels the ticks
     * in hours): snapshots an hour and a week after publication both show, and so does the bend of the curve. The
     * axis runs over whole powers of ten around the points and from a tenth of the half-life to ten half-lives,
     * where the curve is within 0.1% of its end. A post's snapshot can pass its fitted eventual reach, so the share
     * axis reaches above the highest point.
     */
    private void drawDecay(ReachDecay.DecayFit fit) {
        double youngest = fit.halfLifeHours() / 10;
        double oldest = 10 * fit.halfLifeHours();
        for (ReachDecay.CurvePoint point : fit.observed()) {
            if (point.ageHours() > 0) {
                youngest = Math.min(youngest, point.ageHours());
                oldest = Math.max(oldest, point.ageHours());
            }
        }
        double highestShare = fit.observed().stream().mapToDouble(ReachDecay.CurvePoint::share).max().orElse(0);
        bestTimeDecayShareAxis.setUpperBound(Math.max(1.1, Math.ceil(highestShare * 5 + 0.25) / 5));
        double low = Math.floor(Math.log10(youngest));
        double high = Math.ceil(Math.log10(oldest));
        bestTimeDecayAgeAxis.setLowerBound(low);
        bestTimeDecayAgeAxis.setUpperBound(high);
        XYChart.Series<Number, Number> observed = new XYChart.Series<>();
        observed.setName(text.get("bestTime.decay.observed"));
        for (ReachDecay.CurvePoint point : fit.observed()) {
            if (point.ageHours() > 0) {
                observed.getData().add(new XYChart.Data<>(Math.log10(point.ageHours()), point.share()));
            }
        }
        XYChart.Series<Number, Number> curve = new XYChart.Series<>();
        curve.setName(text.get("bestTime.decay.fitted"));
        int steps = 150;
        for (int i = 0; i <= steps; i++) {
            double logAge = low + (high - low) * i / steps;
            curve.getData().add(new XYChart.Data<>(logAge, fit.cumulativeShare(Math.pow(10, logAge))));
        }
        bestTimeDecayChart.getData().setAll(List.of(observed, curve));
        curve.getData().forEach(point -> {
            if (point.getNode() != null) {
                point.getNode().setVisible(false);
            }
        });
    }

    @FXML
    void useOwnHalfLife() {
        String platform = bestTimePlatformChoice.getValue();
        Double hours = bestTimeHalfLifeSpinner.getValue();
        if (platform == null || hours == null || !(hours > 0)) {
            return;
        }
        changeSettings(settings.withHalfLife(platform, hours));
        refreshDecay();
    }

    @FXML
    void useFittedHalfLife() {
        String platform = bestTimePlatformChoice.getValue();
        if (platform == null) {
            return;
        }
        Map<String, Double> halfLives = new HashMap<>(settings.halfLifeHours());
        halfLives.remove(platform);
        changeSettings(new ScheduleSettings(settings.priorPosts(), settings.fatigue(), halfLives,
                settings.platformZones(), settings.draws(), settings.seed()));
        refreshDecay();
    }

    /** Takes the user's new settings and keeps them in the project; the last change wins even if saves overtake. */
    private void changeSettings(ScheduleSettings changed) {
        if (!ready || choosing || changed.equals(settings)) {
            return;
        }
        settings = changed;
        long sequence = ++settingsSequence;
        runner.run(text.get("bestTime.saving"), context -> {
            synchronized (saveLock) {
                if (sequence > savedSequence) {
                    store.save(changed);
                    savedSequence = sequence;
                }
            }
            return sequence;
        }, saved -> { }, failure -> new Dialogs(text, window()).unexpected(failure));
    }

    @FXML
    private void cancel() {
        runProgress.cancel();
        bestTimeCancelButton.setDisable(true);
    }

    private void started() {
        running++;
        bestTimeProgress.setVisible(true);
        bestTimeCancelButton.setDisable(false);
    }

    private void finished() {
        running = Math.max(0, running - 1);
        if (running == 0) {
            bestTimeProgress.setVisible(false);
            bestTimeCancelButton.setDisable(true);
        }
    }

    private void failed(Throwable failure) {
        finished();
        new Dialogs(text, window()).unexpected(failure);
    }

    private void setChoicesDisabled(boolean disabled) {
        bestTimePlatformChoice.setDisable(disabled);
        bestTimeFormatChoice.setDisable(disabled);
        bestTimePriorSpinner.setDisable(disabled);
        bestTimeZoneChoice.setDisable(disabled);
        bestTimeHalfLifeApply.setDisable(disabled);
    }

    private Window window() {
        return bestTimePlatformChoice.getScene() == null ? null : bestTimePlatformChoice.getScene().getWindow();
    }
}
