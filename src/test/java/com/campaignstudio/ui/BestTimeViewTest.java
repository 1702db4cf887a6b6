package com.campaignstudio.ui;

import atlantafx.base.theme.PrimerLight;
import com.campaignstudio.project.PlatformTable;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.project.ProjectSettings;
import com.campaignstudio.schedule.PostHistory;
import com.campaignstudio.schedule.ReachDecay;
import com.campaignstudio.schedule.ScheduleSettings;
import com.campaignstudio.schedule.ScheduleSettingsStore;
import com.campaignstudio.schedule.SlotQuery;
import com.campaignstudio.schedule.SlotRates;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Fonts;
import com.campaignstudio.ui.common.FxBackgroundRunner;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import com.campaignstudio.ui.schedule.BestTimeController;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
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
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

import static com.campaignstudio.ui.UiFixture.cell;
import static com.campaignstudio.ui.UiFixture.fx;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Best time view on its own in a window, with the small demo project open: the heat map's cells, the top slots
 * and the reach decay show what {@link SlotRates} and {@link ReachDecay} compute for the same choices; k and the
 * user's half-life change them and are kept in the project; a platform without posts says so; the Chinese view has
 * no English; pictures at two sizes in both languages have nothing cut short.
 */
@ExtendWith(ApplicationExtension.class)
class BestTimeViewTest {

    @TempDir
    static Path folder;
    static Path demo;
    private Stage stage;
    private Project project;
    private BestTimeController controller;
    private UiText text;

    @BeforeAll
    static void makeDemo() throws Exception {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
        demo = UiFixture.makeDemo(folder);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> stage.hide());
        if (project != null) {
            project.close();
        }
    }

    /** Opens the demo and shows the view in the stage in {@code locale}'s language; waits for its first figures. */
    private void show(FxRobot robot, Locale locale) throws Exception {
        project = Project.open(ProjectLocations.under(folder.resolve("home")), demo);
        text = new UiText(locale);
        text.usePlatforms(PlatformTable.list(project.database()));
        FxBackgroundRunner runner = new FxBackgroundRunner();
        fx(() -> {
            controller = new BestTimeController(project.database(), runner, text,
                    new Glossary(text), new ExportMenu(text, runner));
            Parent view = Views.load("BestTimeView.fxml", controller, text);
            Fonts.use(view, text);
            Scene scene = new Scene(view, 1240, 800);
            scene.getStylesheets().add(MainWindow.class.getResource("/com/campaignstudio/ui/campaign-studio.css")
                    .toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        waitUntilShown(robot);
    }

    private void waitUntilShown(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !label(robot, "#bestTimeStateLabel")
                .equals(text.get("bestTime.loading")) && !label(robot, "#bestTimeDecayFigures").isEmpty()
                && !robot.lookup("#bestTimeProgress").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static TableView<?> topTable(FxRobot robot) {
        return robot.lookup("#bestTimeTopTable").queryAs(TableView.class);
    }

    /** A label's text, looked up on the FX thread: the view rebuilds its cells as results arrive. */
    private static String label(FxRobot robot, String id) {
        try {
            return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String tip(FxRobot robot, int weekday, int hour) {
        Node cell = robot.lookup("#bestTimeCell-" + weekday + "-" + hour).query();
        return UiFixture.tooltip(cell);
    }

    private ZoneId projectZone() throws Exception {
        return ProjectSettings.read(project.database()).zone();
    }

    private SlotRates rates(String platform, double priorPosts) throws Exception {
        ZoneId zone = projectZone();
        return SlotRates.compute(PostHistory.read(project.database()),
                new SlotQuery(platform, Optional.empty(), priorPosts, zone, zone));
    }

    private static String rate(double share) {
        if (Double.isNaN(share)) {
            return "\u2013";
        }
        NumberFormat format = NumberFormat.getPercentInstance(Locale.US);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(share);
    }

    private static String lift(double lift) {
        long percent = Math.round(100 * lift);
        return (percent > 0 ? "+" : "") + percent + "%";
    }

    private static String slotName(int weekday, int hour) {
        return DayOfWeek.of(weekday + 1).getDisplayName(TextStyle.FULL, Locale.US) + " " + String.format("%02d:00",
                hour);
    }

    private static String expectedTip(SlotRates rates, int weekday, int hour) {
        SlotRates.Slot slot = rates.slot(weekday, hour);
        String tip = slotName(weekday, hour) + "\nPosts: " + slot.posts() + "\nOwn rate: "
                + rate(rates.rawRate(weekday, hour)) + "\nShrunk rate: " + rate(slot.rate()) + " (95% interval "
                + rate(slot.low()) + " to " + rate(slot.high()) + ")\nLift vs platform mean: " + lift(slot.lift());
        return slot.posts() == 0 ? tip + "\nNo posts in this slot: it shows the platform mean "
                + rate(rates.platformRate()) + "." : tip;
    }

    @Test
    void everyCellAndTheTopSlotsShowWhatSlotRatesComputesForTheFirstPlatform(FxRobot robot) throws Exception {
        show(robot, Locale.ENGLISH);
        String platform = fx(() -> robot.lookup("#bestTimePlatformChoice").queryAs(ComboBox.class).getValue()
                .toString());
        assertEquals("weibo", platform, "the project's first platform is on show");
        SlotRates expected = rates(platform, SlotQuery.DEFAULT_PRIOR_POSTS);
        assertTrue(expected.hasHistory());
        List<Executable> checks = new ArrayList<>();
        int empty = 0;
        for (int weekday = 0; weekday < SlotRates.WEEKDAYS; weekday++) {
            for (int hour = 0; hour < SlotRates.HOURS; hour++) {
                int w = weekday;
                int h = hour;
                empty += expected.posts(weekday, hour) == 0 ? 1 : 0;
                checks.add(() -> assertEquals(expectedTip(expected, w, h), tip(robot, w, h)));
            }
        }
        assertTrue(empty > 0 && empty < 168, "the small demo leaves some slots of weibo empty: " + empty);
        TableView<?> top = topTable(robot);
        List<SlotRates.Slot> best = expected.top(10);
        assertEquals(10, top.getItems().size());
        for (int row = 0; row < best.size(); row++) {
            SlotRates.Slot slot = best.get(row);
            int r = row;
            checks.add(() -> assertEquals(DayOfWeek.of(slot.weekday() + 1).getDisplayName(TextStyle.FULL, Locale.US),
                    cell(top, r, "Weekday")));
            checks.add(() -> assertEquals(String.format("%02d:00", slot.hour()), cell(top, r, "Hour")));
            checks.add(() -> assertEquals(rate(slot.rate()), cell(top, r, "Engagement rate")));
            checks.add(() -> assertEquals(lift(slot.lift()), cell(top, r, "Lift")));
            checks.add(() -> assertEquals(String.valueOf(slot.posts()), cell(top, r, "Posts")));
            checks.add(() -> assertEquals(rate(slot.low()), cell(top, r, "95% low")));
            checks.add(() -> assertEquals(rate(slot.high()), cell(top, r, "95% high")));
        }
        assertAll("cells and top slots", checks);
        assertTrue(lift(best.getFirst().lift()).startsWith("+"), "the best slot beats the mean");
        assertTrue(label(robot, "#bestTimeStateLabel").startsWith("Weibo, All formats: "
                + expected.postsUsed() + " posts, platform mean engagement rate " + rate(expected.platformRate())
                + "."), label(robot, "#bestTimeStateLabel"));
        assertFalse(robot.lookup("#bestTimeNoHistoryLabel").query().isVisible());

        RetentionLiveFixture.exportChart(robot.lookup("#bestTimeHeatMap").query(), folder.resolve("heat.png"));
        RetentionLiveFixture.exportChart(robot.lookup("#bestTimeDecayChart").query(), folder.resolve("decay.png"));
        assertEquals(List.of("Save as CSV\u2026", "Copy table"), fx(() -> ExportMenu.of(robot.lookup(
                "#bestTimeSlotTable").query()).orElseThrow().getItems().stream().map(item -> item.getText()).toList()));
        assertEquals(List.of(), RetentionLiveFixture.pictures(stage, "best-time-en"), "nothing cut short, no empty axes");
        fx(() -> robot.lookup("#bestTimeSlotsPane").queryAs(javafx.scene.control.TitledPane.class).setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> slots = robot.lookup("#bestTimeSlotTable").queryAs(TableView.class);
        assertEquals(168, slots.getItems().size());
        assertEquals(rate(expected.rawRate(best.getFirst().weekday(), best.getFirst().hour())), cell(slots,
                24 * best.getFirst().weekday() + best.getFirst().hour(), "Own rate"));
        RetentionLiveFixture.page(robot, "#bestTimePage", "best-time-en-page");
    }

    @Test
    void changingKMovesAThinCellToTheRateSlotRatesGivesForTheNewKAndKeepsK(FxRobot robot) throws Exception {
        show(robot, Locale.ENGLISH);
        SlotRates before = rates("weibo", SlotQuery.DEFAULT_PRIOR_POSTS);
        SlotRates after = rates("weibo", 12);
        int[] thin = null;
        for (int weekday = 0; weekday < SlotRates.WEEKDAYS && thin == null; weekday++) {
            for (int hour = 0; hour < SlotRates.HOURS && thin == null; hour++) {
                if (before.posts(weekday, hour) == 1
                        && !rate(before.rate(weekday, hour)).equals(rate(after.rate(weekday, hour)))) {
                    thin = new int[]{weekday, hour};
                }
            }
        }
        assertTrue(thin != null, "a slot with one post whose rate k moves");
        int weekday = thin[0];
        int hour = thin[1];
        assertEquals(expectedTip(before, weekday, hour), tip(robot, weekday, hour));
        Spinner<?> spinner = robot.lookup("#bestTimePriorSpinner").queryAs(Spinner.class);
        fx(() -> ((Spinner<Integer>) spinner).getValueFactory().setValue(12));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> tip(robot, weekday, hour)
                .equals(expectedTip(after, weekday, hour)));
        assertNotEquals(expectedTip(before, weekday, hour), tip(robot, weekday, hour));
        ScheduleSettingsStore store = new ScheduleSettingsStore(project.database());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> store.load().priorPosts() == 12);

        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        assertNotEquals(tokyo, projectZone());
        SlotRates inTokyo = SlotRates.compute(PostHistory.read(project.database()),
                new SlotQuery("weibo", Optional.empty(), 12, projectZone(), tokyo));
        ComboBox<ZoneId> zones = robot.lookup("#bestTimeZoneChoice").queryAs(ComboBox.class);
        fx(() -> zones.setValue(tokyo));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> tip(robot, 6, 23).equals(expectedTip(inTokyo, 6, 23)));
        waitUntilShown(robot);
        for (int slot = 0; slot < SlotRates.WEEKDAYS * SlotRates.HOURS; slot++) {
            assertEquals(expectedTip(inTokyo, slot / 24, slot % 24), tip(robot, slot / 24, slot % 24));
        }
        assertNotEquals(expectedTip(after, 6, 23), expectedTip(inTokyo, 6, 23), "the zone moves posts between slots");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "Asia/Tokyo".equals(store.load().platformZones()
                .get("weibo")));
    }

    @Test
    void theDecayTextIsTheFitsAndTheUsersHalfLifeReplacesItAndIsKept(FxRobot robot) throws Exception {
        show(robot, Locale.ENGLISH);
        ReachDecay.DecayFit fit = ReachDecay.fit(project.database(), "weibo", Optional.empty(), OptionalDouble.empty(),
                ScheduleSettings.DEFAULT_SEED);
        assertEquals(ReachDecay.Source.SNAPSHOTS, fit.source(), "the demo has reach snapshots");
        assertEquals("Fitted from the reach snapshots of " + fit.posts() + " posts (" + NumberFormat
                .getIntegerInstance(Locale.US).format(fit.points()) + " points).", label(robot, "#bestTimeDecaySource"));
        String figures = label(robot, "#bestTimeDecayFigures");
        assertTrue(figures.contains(" \u00b7 half-life " + hours(fit.halfLifeHours()) + " h (95% interval "
                + hours(Math.log(2) / fit.lambdaHigh()) + " to " + hours(Math.log(2) / fit.lambdaLow()) + " h)"),
                figures);
        assertTrue(figures.startsWith("\u03bb = "), figures);

        Spinner<?> spinner = robot.lookup("#bestTimeHalfLifeSpinner").queryAs(Spinner.class);
        fx(() -> ((Spinner<Double>) spinner).getValueFactory().setValue(7.5));
        fx(() -> robot.lookup("#bestTimeHalfLifeApply").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> label(robot, "#bestTimeDecaySource")
                .equals("Your own half-life is used."));
        assertEquals("\u03bb = 0.0924 per hour \u00b7 half-life 7.5 h (range assumed 5 to 15 h) \u00b7 nothing "
                + "fitted, so no R\u00b2 or RMSE", label(robot, "#bestTimeDecayFigures"), "ln 2 / 7.5 = 0.0924");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> project.metadata().get("schedule:halfLife:weibo")
                .equals(Optional.of("7.5")));
        assertEquals(Optional.of(7.5), new ScheduleSettingsStore(project.database()).load().halfLifeOverride("weibo"));

        fx(() -> robot.lookup("#bestTimeUseFittedButton").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> label(robot, "#bestTimeDecayFigures").equals(figures));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> project.metadata().get("schedule:halfLife:weibo")
                .isEmpty());
    }

    private static String hours(double hours) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMaximumFractionDigits(hours < 10 ? 2 : 1);
        return format.format(hours);
    }

    @Test
    void aPlatformWithoutPostsSaysSoAndShowsTheDefaultRate(FxRobot robot) throws Exception {
        show(robot, Locale.ENGLISH);
        assertEquals(-1, PostHistory.read(project.database()).platformIndex("live"), "the demo has no live posts");
        SlotRates expected = rates("live", SlotQuery.DEFAULT_PRIOR_POSTS);
        assertFalse(expected.hasHistory());
        ComboBox<String> platforms = robot.lookup("#bestTimePlatformChoice").queryAs(ComboBox.class);
        fx(() -> platforms.setValue("live"));
        String name = text.platform("live");
        String message = name + " has no posts yet, so every slot shows the default rate "
                + rate(expected.platformRate()) + " (the engagement rate of the project\u2019s other posts). Import "
                + name + "\u2019s posts to see its own best times.";
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> label(robot, "#bestTimeNoHistoryLabel").equals(message));
        waitUntilShown(robot);
        assertTrue(robot.lookup("#bestTimeNoHistoryLabel").query().isVisible());
        assertEquals(expectedTip(expected, 3, 20), tip(robot, 3, 20));
        assertEquals(0, topTable(robot).getItems().size(), "no slot stands out without posts");
        assertEquals("No reach snapshots or young posts to fit: a rule of thumb for " + name + " is used. Set your "
                + "own half-life below if you know better.", label(robot, "#bestTimeDecaySource"));
        RetentionLiveFixture.pictures(stage, "best-time-no-history-en");

        project.database().transaction(connection -> {
            try (var insert = connection.prepareStatement("INSERT INTO post (platform_id, external_id, published_at, "
                    + "format, impressions, likes, comments, shares) SELECT id, 'first-live', "
                    + "TIMESTAMP '2026-11-19 20:30:00', 'live', 1000, 30, 5, 5 FROM platform WHERE code = 'live'")) {
                return insert.executeUpdate();
            }
        });
        fx(() -> controller.refresh());
        // Looked up on the FX thread: a lookup from the test thread can race the view's rebuild of its cells.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> fx(() -> !robot.lookup("#bestTimeNoHistoryLabel").query().isVisible()));
        waitUntilShown(robot);
        SlotRates withPost = rates("live", SlotQuery.DEFAULT_PRIOR_POSTS);
        assertEquals(1, withPost.posts(3, 20), "Thursday 20:30 in the project's zone");
        assertEquals(expectedTip(withPost, 3, 20), tip(robot, 3, 20));
        assertTrue(label(robot, "#bestTimeStateLabel").startsWith(name + ", All formats: 1 post, platform mean "
                + "engagement rate 4.00%."), "40 / 1,000: " + label(robot, "#bestTimeStateLabel"));
    }

    @Test
    void theChineseViewShowsNoEnglishAndNothingCutShort(FxRobot robot) throws Exception {
        show(robot, Locale.SIMPLIFIED_CHINESE);
        List<String> english = new ArrayList<>(RetentionLiveFixture.english(stage, "best time"));
        fx(() -> robot.lookup("#bestTimePlatformChoice").queryAs(ComboBox.class).setValue("live"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#bestTimeNoHistoryLabel").query()
                .isVisible()));
        waitUntilShown(robot);
        english.addAll(RetentionLiveFixture.english(stage, "best time, no history"));
        assertTrue(label(robot, "#bestTimeNoHistoryLabel").startsWith(text.platform("live") + " 还没有帖子"));
        fx(() -> robot.lookup("#bestTimePlatformChoice").queryAs(ComboBox.class).setValue("weibo"));
        // Looked up on the FX thread: a lookup from the test thread can race the view's rebuild of its cells.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> fx(() -> !robot.lookup("#bestTimeNoHistoryLabel").query().isVisible()));
        waitUntilShown(robot);
        List<String> findings = RetentionLiveFixture.pictures(stage, "best-time-zh");
        assertEquals(List.of(), english, "English in the Chinese view");
        assertEquals(List.of(), findings, "nothing cut short, no empty axes");
    }
}
