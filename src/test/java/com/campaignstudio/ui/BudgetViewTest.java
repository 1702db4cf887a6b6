package com.campaignstudio.ui;

import com.campaignstudio.budget.BanditSimulation;
import com.campaignstudio.budget.BudgetAnalysis;
import com.campaignstudio.budget.BudgetData;
import com.campaignstudio.budget.BudgetGoal;
import com.campaignstudio.budget.BudgetOptimizer;
import com.campaignstudio.budget.BudgetPlan;
import com.campaignstudio.budget.BudgetStore;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.settings.Language;
import com.campaignstudio.ui.budget.BudgetFormats;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.LatinWords;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.shell.Section;
import com.campaignstudio.work.TaskContext;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static com.campaignstudio.ui.UiFixture.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Budget section on a project of a year of generated weekly spend and revenue ({@link BudgetFixture}): the fit runs
 * on opening, and the returns, the proposed split, the equal returns of the next yuan and the bootstrap regrets shown
 * are those the budget classes compute for the same inputs; minimums above the budget say what to change; a split
 * saved in the optimiser opens in Saved splits; a project without spend says to import it. In Chinese every tab shows
 * no English. Each tab is drawn at 1240x800 and 1920x1080 (target/screenshots/budget-*.png).
 */
@ExtendWith(ApplicationExtension.class)
class BudgetViewTest {

    /** Fewer refits than the application's 500: the figures are compared with a fit of the same draws. */
    private static final int DRAWS = 60;

    @TempDir
    static Path folder;
    static Path fixture;
    static Path chineseFixture;
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void makeProjects() throws Exception {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
        fixture = BudgetFixture.write(folder, "budget.campaign");
        chineseFixture = BudgetFixture.write(folder, "budget-zh.campaign");
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeProject() throws Exception {
        if (window != null) {
            UiFixture.closeQuietly(window);
        }
    }

    @Test
    void shownFiguresAreTheBudgetClassesAndASavedSplitReopens(FxRobot robot) throws Exception {
        Project project = openBudget(Language.ENGLISH, fixture);
        UiText text = new UiText(Locale.ENGLISH);
        BudgetFormats formats = new BudgetFormats(text);
        BudgetAnalysis analysis = BudgetAnalysis.run(new BudgetData(project.database()).read(BudgetGoal.REVENUE,
                TaskContext.silent()), BudgetGoal.REVENUE, DRAWS, BudgetAnalysis.DEFAULT_SEED, TaskContext.silent());
        TableView<?> curves = waitForRows(robot, "#curveTable", 3);

        for (int p = 0; p < 3; p++) {
            assertEquals(text.platform(BudgetFixture.PLATFORMS.get(p)), UiFixture.cell(curves, p, "Platform"));
            assertEquals(formats.perYuan(BudgetGoal.REVENUE, analysis.roi(p).orElseThrow()),
                    UiFixture.cell(curves, p, "Return per ¥1 (90% interval)"), "ROI of platform " + p);
            double weekly = BudgetData.recentWeeklySpend(analysis.history(), BudgetPlan.RECENT_WEEKS)
                    .get(BudgetFixture.PLATFORMS.get(p));
            assertEquals(formats.perYuan(BudgetGoal.REVENUE, analysis.weeklyMarginal(p, weekly)),
                    UiFixture.cell(curves, p, "Next yuan returns, per ¥1"), "marginal return of platform " + p);
        }
        String quality = label(robot, "#qualityLabel");
        assertTrue(quality.contains("R² " + formats.decimals(analysis.fit().r2(), 2)), quality);
        assertTrue(quality.contains("52 weeks"), quality);
        for (var note : analysis.notes()) {
            assertEquals(!note.key().equals("budget.note.unsaturated"), quality.contains(note.in(text.bundle())),
                    note.key());
        }
        look("budget-curves-en");

        selectTab(robot, 1);
        String share = label(robot, "#shareLabel");
        var ads = analysis.adsShare();
        assertTrue(share.contains(formats.interval(text.percent(ads.value()), text.percent(ads.low()),
                text.percent(ads.high()))), share);
        look("budget-decomposition-en");

        selectTab(robot, 2);
        TableView<?> split = waitForRows(robot, "#splitTable", 3);
        double budget = Math.round(Arrays.stream(BudgetPlan.currentSpend(analysis.history(), 4)).sum());
        List<BudgetOptimizer.Bounds> free = List.of(BudgetOptimizer.Bounds.free(), BudgetOptimizer.Bounds.free(),
                BudgetOptimizer.Bounds.free());
        BudgetPlan.Result proposed = BudgetPlan.optimize(analysis, budget, free, 4);
        for (int p = 0; p < 3; p++) {
            BudgetPlan.Row row = proposed.rows().get(p);
            assertEquals(text.yuan(row.spend()), UiFixture.cell(split, p, "Proposed spend"), "spend " + p);
            assertEquals(formats.outcome(BudgetGoal.REVENUE, row.outcome()),
                    UiFixture.cell(split, p, "Outcome proposed (90% interval)"), "outcome " + p);
            assertEquals(formats.perYuan(BudgetGoal.REVENUE, row.marginal()),
                    UiFixture.cell(split, p, "Next yuan returns, per ¥1"), "marginal " + p);
        }
        List<BudgetPlan.Row> unbounded = proposed.rows().stream().filter(row -> !row.atMin() && !row.atMax()).toList();
        assertTrue(unbounded.size() >= 2, "two or more platforms off their limits: " + proposed.rows());
        double first = unbounded.getFirst().marginal().value();
        for (BudgetPlan.Row row : unbounded) {
            assertEquals(first, row.marginal().value(), first * 1e-4, "equal returns of the next yuan at the optimum");
        }
        assertEquals("At the optimum the next yuan returns the same on every platform no limit holds back: "
                + formats.perYuan(BudgetGoal.REVENUE, first) + " per ¥1 on " + unbounded.stream()
                .map(row -> text.platform(row.platform())).collect(java.util.stream.Collectors.joining(", ")) + ".",
                label(robot, "#marginalLabel"));
        for (int p = 0; p < 3; p++) {
            BudgetPlan.Row row = proposed.rows().get(p);
            assertEquals(row.atMin() ? "Minimum" : row.atMax() ? "Maximum" : "", UiFixture.cell(split, p,
                    "Limit reached"), "the limit that binds, " + p);
        }
        XYChart<?, ?> best = robot.lookup("#bestChart").queryAs(XYChart.class);
        assertEquals(60, fx(() -> best.getData().getFirst().getData().size()), "the best outcome at 60 budgets");
        look("budget-optimiser-en");
        Screenshots.snapshot(stage.getScene());
        WaitForAsyncUtils.waitForFxEvents();
        RetentionLiveFixture.exportChart(robot.lookup("#bestChart").query(), folder.resolve("best.png"));
        assertEquals(List.of("Save as CSV\u2026", "Copy table"), fx(() -> ExportMenu.of(robot.lookup("#splitTable")
                .query()).orElseThrow().getItems().stream().map(item -> item.getText()).toList()));

        double target = Math.round(proposed.total().value() / 2);
        BudgetPlan.Result smallest = BudgetPlan.evaluate(analysis, BudgetOptimizer.smallestBudgetFor(
                BudgetPlan.periodCurves(analysis.fit(), 4), target, free).orElseThrow().spend(), 4);
        assertTrue(smallest.spent() < budget, "half the outcome needs less than the whole budget");
        fx(() -> robot.lookup("#targetField").queryAs(TextField.class).setText(String.valueOf((long) target)));
        fire(robot, "#targetButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !label(robot, "#targetLabel").isEmpty());
        assertEquals(text.get("budget.target.found", text.yuan(smallest.spent()), "Douyin " + text.yuan(smallest.rows()
                .get(0).spend()) + ", Weibo " + text.yuan(smallest.rows().get(1).spend()) + ", Xiaohongshu "
                + text.yuan(smallest.rows().get(2).spend()), formats.outcome(BudgetGoal.REVENUE, smallest.total())),
                label(robot, "#targetLabel"));
        fx(() -> robot.lookup("#targetField").queryAs(TextField.class).setText("1000000000000"));
        fire(robot, "#targetButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> label(robot, "#targetLabel").startsWith("No budget"));
        assertEquals(text.get("budget.target.none", text.yuan(1e12)), label(robot, "#targetLabel"));

        TextField douyinMin = robot.lookup("#min-douyin").queryAs(TextField.class);
        fx(() -> douyinMin.setText(String.valueOf((long) budget + 1000)));
        fire(robot, "#optimiseButton");
        assertEquals(text.get("budget.error.infeasible", text.yuan(budget + 1000), text.yuan(budget)),
                label(robot, "#inputError"), "minimums above the budget");
        fx(() -> douyinMin.setText("50%"));
        fire(robot, "#optimiseButton");
        waitForRows(robot, "#splitTable", 3);
        double douyinNow = BudgetPlan.currentSpend(analysis.history(), 4)[0];
        BudgetPlan.Result bounded = BudgetPlan.optimize(analysis, budget, List.of(
                new BudgetOptimizer.Bounds(douyinNow / 2, Double.POSITIVE_INFINITY), BudgetOptimizer.Bounds.free(),
                BudgetOptimizer.Bounds.free()), 4);
        assertEquals(text.yuan(bounded.rows().getFirst().spend()), UiFixture.cell(split, 0, "Proposed spend"),
                "a minimum of 50% of current spend");

        TextField name = robot.lookup("#nameField").queryAs(TextField.class);
        fx(() -> name.setText("Half on Douyin"));
        fire(robot, "#saveButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> label(robot, "#saveLabel").startsWith("Saved as"));
        BudgetStore.Saved saved = new BudgetStore(project.database()).load("Half on Douyin").orElseThrow();
        assertEquals(bounded.rows().getFirst().spend(), saved.results().rows().getFirst().spend(), 1e-6);

        fire(robot, "#toScheduleButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> label(robot, "#saveLabel").startsWith("Handed to"));
        java.util.Map<String, Double> weekly = new com.campaignstudio.schedule.BoostBudgetStore(project.database())
                .load();
        for (BudgetPlan.Row row : bounded.rows()) {
            assertEquals(row.spend() / 4, weekly.get(row.platform()), 1e-6, "weekly boost of " + row.platform());
        }

        fx(() -> douyinMin.setText(""));
        fire(robot, "#optimiseButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text.yuan(proposed.rows().getFirst().spend())
                .equals(UiFixture.cell(split, 0, "Proposed spend")));
        fx(() -> name.setText("No limits"));
        fire(robot, "#saveButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> label(robot, "#saveLabel").equals("Saved as “No limits”."));

        selectTab(robot, 4);
        @SuppressWarnings("unchecked")
        ListView<BudgetStore.Saved> list = robot.lookup("#savedList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> list.getItems().size() == 2));
        fx(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(one -> one.name().equals("Half on Douyin")).findFirst().orElseThrow()));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<BudgetStore.Saved> compare = robot.lookup("#compareChoice")
                .queryAs(javafx.scene.control.ComboBox.class);
        fx(() -> compare.setValue(compare.getItems().stream()
                .filter(one -> one != null && one.name().equals("No limits")).findFirst().orElseThrow()));
        TableView<?> scenario = waitForRows(robot, "#scenarioTable", 3);
        for (int p = 0; p < 3; p++) {
            assertEquals(text.yuan(bounded.rows().get(p).spend()), UiFixture.cell(scenario, p, "Half on Douyin: spend"));
            assertEquals(text.yuan(proposed.rows().get(p).spend()), UiFixture.cell(scenario, p, "No limits: spend"));
            assertEquals(formats.outcome(BudgetGoal.REVENUE, proposed.rows().get(p).outcome()),
                    UiFixture.cell(scenario, p, "No limits: outcome (90% interval)"));
        }
        look("budget-scenarios-en");

        selectTab(robot, 3);
        fire(robot, "#runButton");
        TableView<?> regrets = waitForRows(robot, "#regretTable", 3);
        var regret = BanditSimulation.run(new BanditSimulation.Setup(List.of(0.02, 0.025, 0.03), 14_000, 14, 0.2,
                200, 20261126L));
        assertEquals(formats.decimals(regret.get(BanditSimulation.Strategy.THOMPSON).mean(), 1),
                UiFixture.cell(regrets, 2, "Mean conversions lost"));
        assertEquals(formats.decimals(regret.get(BanditSimulation.Strategy.EVEN_SPLIT).mean(), 1),
                UiFixture.cell(regrets, 0, "Mean conversions lost"));
        assertTrue(ExportMenu.of(robot.lookup("#regretChart").query()).isPresent(), "the chart exports as PNG");
        look("budget-learning-en");

        selectTab(robot, 0);
        assertEquals(text.get("budget.error.neverSaturates"), setByHand(robot, "2000", "3000", "4000", "6000"),
                "twice the spend bringing twice the outcome");
        assertEquals(text.get("budget.error.handPoints"), setByHand(robot, "2000", "3000", "4000", "2500"),
                "less outcome at more spend");
        assertEquals("", setByHand(robot, "2000", "3000", "4000", "4500"));
        BudgetAnalysis byHand = analysis.withHandCurve(1,
                com.campaignstudio.budget.HandCurve.through(2000, 3000, 4000, 4500));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "Set by hand".equals(UiFixture.cell(curves, 1, "Notes")));
        assertEquals(formats.perYuan(BudgetGoal.REVENUE, byHand.roi(1).orElseThrow()),
                UiFixture.cell(curves, 1, "Return per ¥1 (90% interval)"), "Weibo's return on its hand-set curve");
        assertEquals(formats.perYuan(BudgetGoal.REVENUE, analysis.roi(0).orElseThrow()),
                UiFixture.cell(curves, 0, "Return per ¥1 (90% interval)"), "Douyin keeps its fitted curve");
        look("budget-hand-en");
        fire(robot, "#clearHand");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !"Set by hand".equals(UiFixture.cell(curves, 1, "Notes")));
        assertEquals(formats.perYuan(BudgetGoal.REVENUE, analysis.roi(1).orElseThrow()),
                UiFixture.cell(curves, 1, "Return per ¥1 (90% interval)"), "back to the fitted curve");
    }

    /** Sets Weibo's curve by hand through two points; returns the error shown (empty when it was applied). */
    private static String setByHand(FxRobot robot, String spend1, String outcome1, String spend2, String outcome2)
            throws Exception {
        fx(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<Integer> platform = robot.lookup("#handPlatform")
                    .queryAs(javafx.scene.control.ComboBox.class);
            platform.setValue(1);
            robot.lookup("#spend1").queryAs(TextField.class).setText(spend1);
            robot.lookup("#outcome1").queryAs(TextField.class).setText(outcome1);
            robot.lookup("#spend2").queryAs(TextField.class).setText(spend2);
            robot.lookup("#outcome2").queryAs(TextField.class).setText(outcome2);
        });
        fire(robot, "#applyHand");
        return label(robot, "#handError");
    }

    @Test
    void inChineseNoTabShowsEnglish(FxRobot robot) throws Exception {
        openBudget(Language.SIMPLIFIED_CHINESE, chineseFixture);
        waitForRows(robot, "#curveTable", 3);
        List<String> english = new ArrayList<>(englishShown("响应曲线"));
        look("budget-curves-zh");
        selectTab(robot, 1);
        english.addAll(englishShown("分解"));
        look("budget-decomposition-zh");
        selectTab(robot, 2);
        waitForRows(robot, "#splitTable", 3);
        english.addAll(englishShown("优化"));
        look("budget-optimiser-zh");
        selectTab(robot, 3);
        fire(robot, "#runButton");
        waitForRows(robot, "#regretTable", 3);
        english.addAll(englishShown("边花边学"));
        look("budget-learning-zh");
        selectTab(robot, 4);
        english.addAll(englishShown("已保存的分配"));
        look("budget-scenarios-zh");
        assertEquals(List.of(), english);
    }

    @Test
    void withoutSpendTheViewSaysToImportItAndCtrl8OpensIt(FxRobot robot) throws Exception {
        Path empty = folder.resolve("empty.campaign");
        Project.create(ProjectLocations.under(folder.resolve("maker-empty")), empty, ZoneId.of("Asia/Shanghai"))
                .close();
        openBudget(Language.ENGLISH, empty);
        String expected = new UiText(Locale.ENGLISH).get("budget.error.noSpend");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> expected.equals(label(robot, "#stateLabel")));
        assertTrue(fx(() -> robot.lookup("#importButton").queryAs(Button.class).isVisible()));
        assertTrue(fx(() -> robot.lookup("#optimiseButton").queryAs(Button.class).isDisabled()),
                "nothing to optimise without a fit");
        look("budget-empty-en");

        UiFixture.show(window, Section.DASHBOARD);
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT8);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Section.BUDGET, fx(() -> window.state().sectionProperty().get()), "Ctrl+8 opens Budget");
    }

    @Test
    void cancelStopsTheFitAndSaysHowToRunItAgain(FxRobot robot) throws Exception {
        openBudget(Language.ENGLISH, fixture, BudgetAnalysis.DEFAULT_DRAWS);
        Button cancel = robot.lookup("#cancelButton").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> !cancel.isDisabled()));
        fire(robot, "#cancelButton");
        String expected = new UiText(Locale.ENGLISH).get("budget.cancelled");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> expected.equals(label(robot, "#stateLabel")));
        assertEquals(0, fx(() -> robot.lookup("#curveTable").queryAs(TableView.class).getItems().size()),
                "no half-made fit shown");
        assertTrue(fx(() -> !robot.lookup("#fitButton").queryAs(Button.class).isDisabled()), "Fit can run again");
    }

    @Test
    void tooFewWeeksSayHowManyAreNeeded(FxRobot robot) throws Exception {
        openBudget(Language.ENGLISH, BudgetFixture.write(folder, "five-weeks.campaign", 5));
        String expected = new UiText(Locale.ENGLISH).get("budget.error.fewWeeks", 5,
                com.campaignstudio.budget.MixModel.MIN_WEEKS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> expected.equals(label(robot, "#stateLabel")));
        assertFalse(fx(() -> robot.lookup("#importButton").queryAs(Button.class).isVisible()),
                "spend is there: no import offered");
    }

    private Project openBudget(Language language, Path file) throws Exception {
        return openBudget(language, file, DRAWS);
    }

    private Project openBudget(Language language, Path file, int draws) throws Exception {
        fx(() -> {
            window = TestWindows.show(stage, folder.resolve("home-" + language), language, false);
            window.budgetDraws(draws);
            return null;
        });
        Project project = UiFixture.open(window, file);
        UiFixture.show(window, Section.BUDGET);
        return project;
    }

    private static TableView<?> waitForRows(FxRobot robot, String id, int rows) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> robot.lookup(id).tryQueryAs(TableView.class)
                .map(table -> table.getItems().size() == rows).orElse(false)));
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> robot.lookup(id).queryAs(TableView.class));
    }

    private static String label(FxRobot robot, String id) throws Exception {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private static void fire(FxRobot robot, String id) throws Exception {
        fx(() -> robot.lookup(id).queryAs(Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void selectTab(FxRobot robot, int index) throws Exception {
        fx(() -> robot.lookup(".budget > .tab-pane").queryAs(TabPane.class).getSelectionModel().select(index));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> englishShown(String context) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        ShownText shown = new ShownText(column -> false, node -> false);
        List<String> english = new ArrayList<>();
        for (ShownText.Piece piece : fx(() -> shown.collect(stage.getScene().getRoot(), context))) {
            if (!LatinWords.in(piece.text()).isEmpty()) {
                english.add(LatinWords.in(piece.text()) + " in " + piece);
            }
        }
        return english;
    }

    /**
     * Draws the window at 1240x800 and, in a scene of its own off screen (the headless screen is smaller), at
     * 1920x1080; fails on what a person would see as broken.
     */
    private void look(String name) throws Exception {
        List<String> findings = new ArrayList<>();
        fx(() -> {
            stage.setWidth(1240);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.snapshot(stage.getScene());
        Screenshots.save(stage.getScene(), name + "-1240x800");
        findings.addAll(fx(() -> ViewChecks.findings(stage.getScene().getRoot())));
        Scene original = stage.getScene();
        Scene large = fx(() -> {
            Parent root = original.getRoot();
            original.setRoot(new Region());
            Scene offScreen = new Scene(root, 1920, 1080);
            offScreen.getStylesheets().setAll(original.getStylesheets());
            return offScreen;
        });
        Screenshots.snapshot(large);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(large, name + "-1920x1080");
        findings.addAll(fx(() -> ViewChecks.findings(large.getRoot())));
        fx(() -> {
            Parent root = large.getRoot();
            large.setRoot(new Region());
            original.setRoot(root);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), findings, name);
    }
}
