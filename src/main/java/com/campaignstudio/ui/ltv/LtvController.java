package com.campaignstudio.ui.ltv;

import com.campaignstudio.forecast.RevenueSeries;
import com.campaignstudio.ltv.ClvBySegment;
import com.campaignstudio.ltv.ClvDistribution;
import com.campaignstudio.ltv.ClvIntervals;
import com.campaignstudio.ltv.LtvException;
import com.campaignstudio.ltv.LtvResult;
import com.campaignstudio.ltv.LtvRun;
import com.campaignstudio.ltv.LtvSettings;
import com.campaignstudio.ltv.PeriodUnit;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.ui.common.ChartPane;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.IntervalBarChart;
import com.campaignstudio.ui.common.RunProgress;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import com.campaignstudio.ui.forecast.ForecastController;
import com.campaignstudio.ui.forecast.ForecastViewModel;
import com.campaignstudio.ui.segments.DefaultNames;
import com.campaignstudio.work.BackgroundRunner;
import com.campaignstudio.work.TaskContext;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * The Lifetime value view: choose unit, calibration end, population and horizon, run the models in the
 * background, and see parameters, CLV by platform with intervals, the P(alive) map, the hold-out check,
 * the ranked customers and a revenue forecast.
 */
public final class LtvController {

    /** A segment to filter by, as offered in the population choice. */
    private record SegmentOption(long segmentationId, int segmentNo, String label) {
    }

    private final ProjectDatabase database;
    private final BackgroundRunner runner;
    private final UiText text;
    private final LtvCharts charts;
    private final Glossary glossary;
    private final RunProgress runProgress;
    private final LtvResults results;
    private final DefaultNames names;
    /**
     * Held here so that the weak listeners on the results live as long as this view. Results are cleared only
     * when the data changed, and then the view is built again, empty.
     */
    private final ChangeListener<LtvResults.Run> runListener = (observable, old, run) -> {
        if (run != null) {
            show(run);
        }
    };
    private final ChangeListener<LtvResults.Subscriptions> subscriptionsListener = (observable, old, fitted) -> {
        if (fitted != null) {
            showSubscriptions(fitted);
        }
    };

    @FXML
    private Label unitLabel;
    @FXML
    private ComboBox<PeriodUnit> unitChoice;
    @FXML
    private Label calibrationEndLabel;
    @FXML
    private DatePicker calibrationEnd;
    @FXML
    private ComboBox<String> platformChoice;
    @FXML
    private ComboBox<SegmentOption> segmentChoice;
    @FXML
    private Label horizonLabel;
    @FXML
    private Spinner<Integer> horizonSpinner;
    @FXML
    private Label discountLabel;
    @FXML
    private Spinner<Double> discountSpinner;
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
    private TabPane tabs;
    @FXML
    private TableView<LtvCharts.ParameterRow> parameterTable;
    @FXML
    private IntervalBarChart platformChart;
    @FXML
    private TableView<LtvResult.GroupValue> platformTable;
    @FXML
    private ComboBox<SegmentStore.Summary> compareChoice;
    @FXML
    private Label segmentNote;
    @FXML
    private IntervalBarChart segmentChart;
    @FXML
    private Label aliveNote;
    @FXML
    private GridPane aliveGrid;
    @FXML
    private Label checkLabel;
    @FXML
    private LineChart<Number, Number> trackingChart;
    @FXML
    private BarChart<String, Number> frequencyChart;
    @FXML
    private Label customersNote;
    @FXML
    private Label distributionLabel;
    @FXML
    private BarChart<String, Number> distributionChart;
    @FXML
    private Button exportButton;
    @FXML
    private TableView<LtvCharts.CustomerRow> customerTable;
    @FXML
    private Button subscriptionButton;
    @FXML
    private Label subscriptionLabel;
    @FXML
    private LineChart<Number, Number> survivalChart;
    @FXML
    private Tab forecastTab;
    @FXML
    private ChartPane segmentChartPane;

    public LtvController(ProjectDatabase database, BackgroundRunner runner, UiText text, LtvResults results) {
        this.database = database;
        this.runner = runner;
        this.text = text;
        this.results = results;
        this.names = new DefaultNames(text);
        this.runProgress = new RunProgress(text.bundle());
        this.charts = new LtvCharts(text);
        this.glossary = new Glossary(text);
    }

    @FXML
    private void initialize() {
        progress.progressProperty().bind(runProgress.fractionProperty());
        unitChoice.getItems().setAll(PeriodUnit.values());
        unitChoice.setConverter(Views.converter(unit -> text.get("ltv.unit." + unit.key())));
        unitChoice.setValue(PeriodUnit.WEEK);
        platformChoice.getItems().add(text.get("segments.allPlatforms"));
        platformChoice.getItems().addAll(text.platformCodes());
        platformChoice.setConverter(Views.converter(text::platform));
        platformChoice.getSelectionModel().selectFirst();
        segmentChoice.setConverter(Views.converter(SegmentOption::label));
        horizonSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 520, 52));
        discountSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 50, 10, 1));
        charts.build(parameterTable, platformTable, customerTable);
        ForecastViewModel forecast = new ForecastViewModel(granularity -> RevenueSeries.read(database, granularity),
                runner, text);
        // The forecast outlives this view (a language switch makes a new one): kept with the project's results.
        results.forecast().ifPresent(forecast::restore);
        forecast.forecastProperty().addListener((observable, old, made) -> {
            if (made != null) {
                results.show(made);
            }
        });
        forecastTab.setContent(Views.load("ForecastView.fxml", new ForecastController(forecast, text, glossary,
                new ExportMenu(text, runner)), text));
        runButton.sceneProperty().addListener((observable, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::run);
            }
        });
        stateLabel.setText(text.get("ltv.empty"));
        explainAndOfferExports();
        aliveNote.setText(text.get("ltv.alive.empty"));
        results.runProperty().addListener(new WeakChangeListener<>(runListener));
        results.subscriptionsProperty().addListener(new WeakChangeListener<>(subscriptionsListener));
        results.run().ifPresent(this::show);
        results.subscriptions().ifPresent(this::showSubscriptions);
        loadSegments();
    }

    private void explainAndOfferExports() {
        glossary.attach(unitLabel, Term.PERIOD_UNIT);
        glossary.attach(calibrationEndLabel, Term.CALIBRATION_END, Term.HOLD_OUT);
        glossary.attach(horizonLabel, Term.HORIZON);
        glossary.attach(discountLabel, Term.DISCOUNT_RATE);
        glossary.attach(platformChart, Term.CLV, Term.INTERVAL_90);
        glossary.attach(segmentChart, Term.CLV, Term.INTERVAL_90);
        glossary.attach(aliveNote, Term.P_ALIVE, Term.X, Term.T_X, Term.T);
        glossary.attach(checkLabel, Term.CALIBRATION_END, Term.HOLD_OUT);
        glossary.attach(distributionChart, Term.CLV);
        glossary.attach(subscriptionLabel, Term.SHIFTED_BETA_GEOMETRIC);
        glossary.attach(survivalChart, Term.SHIFTED_BETA_GEOMETRIC);
        ExportMenu exports = new ExportMenu(text, runner);
        exports.install(parameterTable, text.get("ltv.col.parameter"));
        exports.install(platformChart, text.get("ltv.chart.platform"));
        exports.install(platformTable, text.get("ltv.chart.platform"));
        exports.install(segmentChart, text.get("ltv.chart.segment"));
        exports.install(aliveGrid, text.get("ltv.tab.alive"));
        exports.install(trackingChart, text.get("ltv.chart.tracking"));
        exports.install(frequencyChart, text.get("ltv.chart.frequency"));
        exports.install(distributionChart, text.get("ltv.distribution.chart"));
        exports.install(customerTable, text.get("ltv.tab.customers"));
        exports.install(survivalChart, text.get("ltv.subscriptions.chart"));
    }

    /** Fills the segment filter and the segmentations to compare (the newest chosen, if there is one). */
    private void loadSegments() {
        SegmentOption everyone = new SegmentOption(0, 0, text.get("ltv.allSegments"));
        segmentChoice.getItems().setAll(everyone);
        segmentChoice.setValue(everyone);
        SegmentStore.Summary none = new SegmentStore.Summary(0, text.get("ltv.compare.none"), null, 0, 0, false);
        compareChoice.setConverter(Views.converter(summary -> names.segmentation(summary.name())));
        compareChoice.getItems().setAll(none);
        compareChoice.setValue(none);
        runner.run(text.get("segments.loadingSaved"), context -> {
            SegmentStore store = new SegmentStore(database);
            List<SegmentStore.Summary> saved = store.list();
            List<SegmentOption> options = new ArrayList<>();
            for (SegmentStore.Summary summary : saved) {
                store.profiles(summary.id()).forEach(profile -> options.add(new SegmentOption(summary.id(),
                        profile.number(), names.segmentation(summary.name()) + " \u00b7 "
                        + names.segment(profile.name()))));
            }
            return new SavedSegments(saved, options);
        }, found -> {
            segmentChoice.getItems().addAll(found.options());
            compareChoice.getItems().addAll(found.segmentations());
            if (!found.segmentations().isEmpty()) {
                compareChoice.setValue(found.segmentations().getFirst());
            }
        }, this::failed);
    }

    private record SavedSegments(List<SegmentStore.Summary> segmentations, List<SegmentOption> options) {
    }

    private LtvSettings settings() {
        PeriodUnit unit = unitChoice.getValue();
        String platform = platformChoice.getSelectionModel().getSelectedIndex() <= 0 ? null : platformChoice.getValue();
        SegmentOption segment = segmentChoice.getValue();
        return new LtvSettings(unit, calibrationEnd.getValue(), platform, segment == null ? 0 : segment.segmentationId(),
                segment == null ? 0 : segment.segmentNo(), horizonSpinner.getValue(),
                LtvRun.perPeriod(discountSpinner.getValue() / 100, unit), 0);
    }

    @FXML
    private void run() {
        if (runButton.isDisabled()) {
            return;
        }
        LtvSettings settings = settings();
        setRunning(true);
        SegmentStore.Summary compared = compareChoice.getValue();
        runner.run(text.get("ltv.running"), context -> {
            TaskContext inner = runProgress.around(context);
            LtvResult fitted = new LtvRun(database).run(settings, inner);
            inner.checkCancelled();
            LtvResult result = fitted.withPlatformIntervals(ClvIntervals.byPlatform(fitted, 1, inner));
            ClvBySegment bySegment = compared == null || compared.id() == 0 ? null
                    : ClvBySegment.of(result, new SegmentStore(database).load(compared.id()), 1, inner);
            return new LtvResults.Run(result, bySegment, LtvCharts.topCustomers(result),
                    ClvDistribution.of(result.clv()));
        }, fitted -> {
            setRunning(false);
            results.show(fitted);
        }, this::failed, () -> setRunning(false));
    }

    private void showSegments(ClvBySegment bySegment) {
        boolean comparing = bySegment != null && !bySegment.groups().isEmpty();
        segmentChartPane.setVisible(comparing);
        segmentChartPane.setManaged(comparing);
        if (!comparing) {
            segmentChart.getData().clear();
            segmentNote.setText(text.get("ltv.segments.none"));
            return;
        }
        segmentNote.setText(text.get("ltv.segments.note", names.segmentation(bySegment.segmentation()),
                text.integer(bySegment.outside())));
        charts.showGroups(bySegment.groups().stream().map(group -> new LtvResult.GroupValue(names.segment(group.group()),
                group.customers(), group.meanClv(), group.totalClv(), group.low(), group.high())).toList(), segmentChart);
    }

    @FXML
    private void cancel() {
        runProgress.cancel();
        cancelButton.setDisable(true);
    }

    private void show(LtvResults.Run run) {
        LtvResult result = run.result();
        resultTitle.setText(text.get("ltv.result", text.integer(result.summary().size()),
                text.get("ltv.unit." + result.settings().unit().key()), result.summary().calibrationEnd().toString()));
        List<String> notes = result.notes().stream().map(note -> note.in(text.bundle())).toList();
        stateLabel.setText(notes.isEmpty() ? text.get("ltv.howToRead") : String.join("\n", notes));
        charts.showValue(result, parameterTable, platformChart, platformTable);
        charts.showAliveMap(result, aliveGrid);
        aliveNote.setText(text.get("ltv.alive.note", String.format("%.0f", result.aliveMapT()),
                text.get("ltv.unit." + result.settings().unit().key())));
        charts.showCheck(result, checkLabel, trackingChart, frequencyChart);
        charts.showCustomers(run.topCustomers(), customerTable);
        charts.showDistribution(run.distribution(), distributionChart, distributionLabel);
        customersNote.setText(text.get("ltv.customers.note", text.integer(Math.min(1000, result.summary().size())),
                text.integer(result.summary().size())));
        exportButton.setDisable(false);
        showSegments(run.bySegment());
    }

    @FXML
    private void exportCustomers() {
        LtvResult result = results.run().orElseThrow().result();
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("customer-value.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File target = chooser.showSaveDialog(window());
        if (target == null) {
            return;
        }
        runner.run(text.get("ltv.exporting"), context -> com.campaignstudio.ltv.CustomerValueExport.write(result,
                target.toPath()), rows -> new Dialogs(text, window()).info(text.get("ltv.export"),
                text.get("segments.exported", text.integer(rows)), target.toString()), this::failed);
    }

    /** Renewals observed over 12 months; the fitted model projected over 24. */
    @FXML
    private void runSubscriptions() {
        subscriptionButton.setDisable(true);
        double monthlyDiscount = LtvRun.perPeriod(discountSpinner.getValue() / 100, PeriodUnit.MONTH);
        runner.run(text.get("ltv.subscriptions.running"), context -> {
            com.campaignstudio.ltv.RenewalSurvival survival = com.campaignstudio.ltv.RenewalSurvival.read(database, 12);
            return new LtvResults.Subscriptions(survival, survival.fittable()
                    ? com.campaignstudio.ltv.SbgFit.fit(survival.alive()) : null, monthlyDiscount);
        }, fitted -> {
            subscriptionButton.setDisable(false);
            results.show(fitted);
        }, failure -> {
            subscriptionButton.setDisable(false);
            failed(failure);
        });
    }

    private void showSubscriptions(LtvResults.Subscriptions result) {
        if (result.model() == null) {
            subscriptionLabel.setText(text.get("ltv.subscriptions.none", text.integer(result.survival().alive()[0])));
            survivalChart.getData().clear();
            return;
        }
        var model = result.model();
        String stay = String.format("%.1f", model.discountedResidualLifetime(1, result.monthlyDiscount()));
        subscriptionLabel.setText(model.sameForEveryone()
                ? text.get("ltv.subscriptions.constant", text.integer(result.survival().alive()[0]),
                        text.percent(model.retentionRate(1)), stay)
                : text.get("ltv.subscriptions.summary", text.integer(result.survival().alive()[0]),
                        String.format("%.3f", model.alpha()), String.format("%.3f", model.beta()),
                        text.percent(model.retentionRate(1)), text.percent(model.retentionRate(12)), stay));
        charts.showSurvival(result.survival().projection(model, 24), survivalChart);
    }

    private void failed(Throwable failure) {
        setRunning(false);
        Dialogs dialogs = new Dialogs(text, window());
        if (failure instanceof LtvException problem) {
            dialogs.error(text.get("ltv.title"), text.get("ltv.cannotRun"), problem.reason().in(text.bundle()));
        } else {
            dialogs.unexpected(failure);
        }
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
