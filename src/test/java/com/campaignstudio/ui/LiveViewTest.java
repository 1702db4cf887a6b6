package com.campaignstudio.ui;

import com.campaignstudio.funnels.LiveFeatures;
import com.campaignstudio.funnels.LiveFigures;
import com.campaignstudio.funnels.LiveResult;
import com.campaignstudio.funnels.LiveSelling;
import com.campaignstudio.funnels.LiveSessions;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.settings.Language;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.stats.Proportion;
import com.campaignstudio.ui.common.IntervalPointChart;
import com.campaignstudio.ui.common.UiText;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static com.campaignstudio.ui.RetentionLiveFixture.label;
import static com.campaignstudio.ui.UiFixture.cell;
import static com.campaignstudio.ui.UiFixture.fx;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Live selling tab of Funnels &amp; retention on the demo project: the totals, each session's and each platform's
 * conversion with its interval, the charts over time and by platform, and the comparison by kind of session are what
 * {@link LiveSelling} and {@link LiveFeatures} compute (formatted here as the view is meant to write them: conversion
 * with two decimals); a project without sessions says to import them; a chart exports.
 */
@ExtendWith(ApplicationExtension.class)
class LiveViewTest {

    @TempDir
    static Path folder;
    static Path demo;
    private final UiText text = new UiText(Locale.ENGLISH);
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void makeDemo() throws Exception {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
        demo = UiFixture.makeDemo(folder);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = TestWindows.show(stage, folder.resolve("home"), Language.ENGLISH, false);
    }

    @AfterEach
    void closeProject() throws Exception {
        UiFixture.closeQuietly(window);
    }

    private static String percent(double share) {
        NumberFormat format = NumberFormat.getPercentInstance(Locale.US);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(share);
    }

    @Test
    void sessionsPlatformsAndPeriodsShowTheConversionLiveSellingComputes(FxRobot robot) throws Exception {
        Project project = UiFixture.open(window, demo);
        readSessions(robot);
        LiveResult expected = LiveSelling.read(project.database(), Period.MONTH);
        LiveFigures total = expected.total();
        Proportion conversion = total.conversion().orElseThrow();
        assertEquals(text.integer(total.sessions()) + " live sessions: " + text.integer(total.viewers()) + " viewers, "
                + text.integer(total.buyers()) + " buyers, conversion " + percent(conversion.rate()) + " (95% interval "
                + percent(conversion.low()) + " to " + percent(conversion.high()) + "), revenue "
                + text.yuan(total.revenue()) + ", " + String.format(Locale.US, "\u00a5%.4f",
                total.revenuePerViewerMinute().orElseThrow()) + " per viewer-minute", label(robot, "#liveResultTitle"));

        TableView<?> platforms = robot.lookup("#livePlatformTable").queryAs(TableView.class);
        assertEquals(expected.byPlatform().size(), platforms.getItems().size());
        List<Executable> checks = new ArrayList<>();
        for (int row = 0; row < expected.byPlatform().size(); row++) {
            LiveFigures figures = expected.byPlatform().get(row);
            Proportion rate = figures.conversion().orElseThrow();
            int r = row;
            checks.add(() -> assertEquals(figures.label().english(), cell(platforms, r, "Platform")));
            checks.add(() -> assertEquals(text.integer(figures.viewers()), cell(platforms, r, "Viewers")));
            checks.add(() -> assertEquals(text.integer(figures.buyers()), cell(platforms, r, "Buyers")));
            checks.add(() -> assertEquals(percent(rate.rate()), cell(platforms, r, "Conversion")));
            checks.add(() -> assertEquals(percent(rate.low()), cell(platforms, r, "95% low")));
            checks.add(() -> assertEquals(percent(rate.high()), cell(platforms, r, "95% high")));
        }
        TableView<?> sessions = robot.lookup("#liveSessionTable").queryAs(TableView.class);
        assertEquals(expected.sessions().size(), sessions.getItems().size());
        for (int row : new int[]{0, 1, expected.sessions().size() - 1}) {
            LiveFigures figures = expected.sessions().get(row);
            checks.add(() -> assertEquals(figures.label().english(), cell(sessions, row, "Started")));
            checks.add(() -> assertEquals(percent(figures.conversion().orElseThrow().rate()),
                    cell(sessions, row, "Conversion")));
            checks.add(() -> assertEquals(text.integer(figures.viewers()), cell(sessions, row, "Viewers")));
        }
        assertAll("tables", checks);

        assertIntervals(robot.lookup("#livePlatformChart").queryAs(IntervalPointChart.class), expected.byPlatform());
        assertIntervals(robot.lookup("#liveTimeChart").queryAs(IntervalPointChart.class), expected.byPeriod());
        assertEquals("Conversion by month", robot.lookup("#liveTimeChart").queryAs(IntervalPointChart.class).getTitle());

        RetentionLiveFixture.exportChart(robot.lookup("#livePlatformChart").query(), folder.resolve("live.png"));
        RetentionLiveFixture.page(robot, "#livePage", "live-en-page");
        assertEquals(List.of(), RetentionLiveFixture.pictures(stage, "live-en"), "nothing cut short, no empty axes");
    }

    @Test
    void theKindsOfSessionAreComparedAsLiveFeaturesGroupsThemAndTheSummarySaysItIsAnAssociation(FxRobot robot)
            throws Exception {
        Project project = UiFixture.open(window, demo);
        readSessions(robot);
        LiveSessions sessions = LiveSessions.read(project.database());
        List<LiveFeatures.Comparison> expected = LiveFeatures.compare(sessions.sessions(), sessions.platforms());
        TableView<?> table = robot.lookup("#liveFeatureTable").queryAs(TableView.class);
        assertEquals(expected.stream().mapToInt(c -> c.groups().size()).sum(), table.getItems().size());
        int row = 0;
        List<Executable> checks = new ArrayList<>();
        for (LiveFeatures.Comparison comparison : expected) {
            for (LiveFigures group : comparison.groups()) {
                int r = row++;
                checks.add(() -> assertEquals(text.get("live.feature." + comparison.feature().key()),
                        cell(table, r, "Compared by")));
                checks.add(() -> assertEquals(group.label().english(), cell(table, r, "Group")));
                checks.add(() -> assertEquals(percent(group.conversion().orElseThrow().rate()), cell(table, r,
                        "Conversion")));
            }
        }
        assertAll("groups", checks);

        LiveFeatures.Comparison length = expected.stream().filter(c -> c.feature() == LiveFeatures.Feature.LENGTH)
                .findFirst().orElseThrow();
        LiveFigures best = length.best().orElseThrow();
        LiveFigures worst = length.worst().orElseThrow();
        String summary = best.label().english() + " converts best (" + percent(best.conversion().orElseThrow().rate())
                + "), " + worst.label().english() + " worst (" + percent(worst.conversion().orElseThrow().rate()) + "); "
                + (length.separated() ? "their intervals do not overlap, so chance alone would hardly make the "
                + "difference \u2014 but it may still come from something else that differs between them, such as the "
                + "platform."
                : "their intervals overlap, so the difference may be chance.");
        assertEquals(summary, label(robot, "#liveFeatureSummary"), "length is shown first");
        assertIntervals(robot.lookup("#liveFeatureChart").queryAs(IntervalPointChart.class), length.groups());

        ComboBox<?> features = robot.lookup("#liveFeatureChoice").queryAs(ComboBox.class);
        fx(() -> features.getSelectionModel().select(LiveFeatures.Feature.TIME_OF_DAY.ordinal()));
        WaitForAsyncUtils.waitForFxEvents();
        LiveFeatures.Comparison time = expected.get(LiveFeatures.Feature.TIME_OF_DAY.ordinal());
        assertEquals(1, time.groups().size(), "the demo's sessions all start at 8 pm");
        assertEquals("Every session falls in one group (Evening (18:00\u201321:59)): nothing to compare by this.",
                label(robot, "#liveFeatureSummary"));
        assertTrue(label(robot, "#liveStateLabel").contains("Conversion = buyers / viewers"));
    }

    @Test
    void aProjectWithoutLiveSessionsSaysToImportThem(FxRobot robot) throws Exception {
        Path empty = folder.resolve("no-live.campaign");
        Project.create(ProjectLocations.under(folder.resolve("maker")), empty, ZoneId.of("Asia/Shanghai")).close();
        UiFixture.open(window, empty);
        RetentionLiveFixture.showTab(window, robot, 2);
        assertEquals(text.get("live.empty"), label(robot, "#liveStateLabel"));
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> label(robot, "#liveStateLabel")
                .equals("The project has no live sessions. Import a live-session export first."));
        assertFalse(robot.lookup("#liveResultsBox").query().isVisible(), "no empty charts or tables");
        RetentionLiveFixture.pictures(stage, "live-no-sessions-en");
    }

    @Test
    void theChineseTabShowsNoEnglish(FxRobot robot) throws Exception {
        window = RetentionLiveFixture.chineseDemo(stage, folder);
        List<String> english = new ArrayList<>();
        RetentionLiveFixture.showTab(window, robot, 2);
        english.addAll(RetentionLiveFixture.english(stage, "live selling before a run"));
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !label(robot, "#liveResultTitle").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        english.addAll(RetentionLiveFixture.english(stage, "live selling"));
        RetentionLiveFixture.page(robot, "#livePage", "live-zh-page");
        List<String> findings = RetentionLiveFixture.pictures(stage, "live-zh");
        assertEquals(List.of(), english, "English in the Chinese tab");
        assertEquals(List.of(), findings, "nothing cut short, no empty axes");
    }

    private void readSessions(FxRobot robot) throws Exception {
        RetentionLiveFixture.showTab(window, robot, 2);
        robot.push(KeyCode.F5);
        TableView<?> sessions = robot.lookup("#liveSessionTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !sessions.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** One point per group at its conversion, in percent, with its interval and the counts behind it on hover. */
    private void assertIntervals(IntervalPointChart chart, List<LiveFigures> groups) throws Exception {
        List<XYChart.Data<String, Number>> points = fx(() -> List.copyOf(chart.getData().getFirst().getData()));
        assertEquals(groups.stream().map(g -> g.label().english()).toList(),
                points.stream().map(XYChart.Data::getXValue).toList());
        for (int i = 0; i < groups.size(); i++) {
            Proportion rate = groups.get(i).conversion().orElseThrow();
            assertEquals(100 * rate.rate(), points.get(i).getYValue().doubleValue(), 1e-12);
            assertArrayEquals(new double[]{100 * rate.low(), 100 * rate.high()},
                    chart.intervals().get(points.get(i).getXValue()), 1e-12);
            LiveFigures group = groups.get(i);
            assertEquals(group.label().english() + ": " + percent(rate.rate()) + " (95% interval " + percent(rate.low())
                    + " to " + percent(rate.high()) + "); " + text.integer(group.sessions()) + " sessions, "
                    + text.integer(group.viewers()) + " viewers, " + text.integer(group.buyers()) + " buyers",
                    UiFixture.tooltip(points.get(i).getNode()));
        }
    }
}
