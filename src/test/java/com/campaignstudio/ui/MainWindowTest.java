package com.campaignstudio.ui;

import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectMetadata;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.settings.Language;
import com.campaignstudio.ui.shell.Section;
import com.campaignstudio.work.TaskContext;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.BarChart;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opens the application window headless, opens a demo project and visits every view. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path folder;
    static Path demo;
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void makeDemo() throws Exception {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
        demo = folder.resolve("demo.campaign");
        DemoProjects.write(ProjectLocations.under(folder.resolve("maker")), demo, DemoSize.SMALL, 11L,
                TaskContext.silent());
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = TestWindows.show(stage, folder.resolve("home"), Language.ENGLISH, true);
    }

    @AfterEach
    void closeProject() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.state().project().ifPresent(p -> {
            window.state().setProject(null);
            p.close();
        })).get();
    }

    @Test
    void startScreenOffersTheDemoProject(FxRobot robot) throws Exception {
        assertTrue(robot.lookup("#demoButton").tryQuery().isPresent());
        Label banner = robot.lookup("#firstRunBanner").queryAs(Label.class);
        assertTrue(banner.isVisible(), "a first run points the user to the demo");
        Screenshots.save(stage.getScene(), "start-screen");
    }

    @Test
    void dashboardShowsTheFiguresOfTheDatabase(FxRobot robot) throws Exception {
        Project project = openDemo();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#platformChart").tryQueryAs(BarChart.class)
                .map(chart -> !chart.getData().isEmpty()).orElse(false));
        BarChart<?, ?> platforms = robot.lookup("#platformChart").queryAs(BarChart.class);
        WaitForAsyncUtils.waitForFxEvents();
        NumberFormat integers = NumberFormat.getIntegerInstance(Locale.US);
        assertEquals(integers.format(sql(project, "SELECT COUNT(*) FROM follower")),
                robot.lookup("#followersValue").queryAs(Label.class).getText());
        assertEquals(integers.format(sql(project,
                        "SELECT COUNT(DISTINCT customer_ref) FROM customer_order WHERE status = 'paid'")),
                robot.lookup("#buyersValue").queryAs(Label.class).getText());
        assertEquals("\u00a5" + integers.format(Math.round(sqlDouble(project,
                        "SELECT SUM(amount) FROM customer_order WHERE status = 'paid'"))),
                robot.lookup("#revenueValue").queryAs(Label.class).getText());
        assertEquals(sql(project, "SELECT COUNT(DISTINCT platform_id) FROM follower"),
                platforms.getData().getFirst().getData().size(), "one bar per platform");
        AreaChart<?, ?> revenue = robot.lookup("#revenueChart").queryAs(AreaChart.class);
        assertEquals(sqlDouble(project, "SELECT SUM(amount) FROM customer_order WHERE status = 'paid' AND paid_at < "
                        + "(SELECT DATEADD('DAY', 1 - ISO_DAY_OF_WEEK(MAX(paid_at)), CAST(MAX(paid_at) AS DATE)) "
                        + "FROM customer_order WHERE status = 'paid')"),
                revenue.getData().getFirst().getData().stream().mapToDouble(d -> ((Number) d.getYValue()).doubleValue())
                        .sum(), 0.01, "weekly revenue adds up to the total before the week the data end in");
        Label partialWeek = robot.lookup("#partialWeekNote").queryAs(Label.class);
        assertTrue(partialWeek.isVisible() && partialWeek.getText().startsWith("The week of "),
                "the demo ends on a Wednesday: its last week is left out, and the note says so");
        Screenshots.save(stage.getScene(), "dashboard");
    }

    @Test
    void everyViewCanBeVisited(FxRobot robot) throws Exception {
        openDemo();
        for (Section section : Section.values()) {
            WaitForAsyncUtils.asyncFx(() -> window.state().sectionProperty().set(section)).get();
            WaitForAsyncUtils.waitForFxEvents();
            if (section == Section.DATA) {
                TableView<?> grid = robot.lookup("#grid").queryAs(TableView.class);
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !grid.getItems().isEmpty());
                assertFalse(grid.getColumns().isEmpty());
                Screenshots.save(stage.getScene(), "data");
            } else if (!section.isBuilt()) {
                assertTrue(robot.lookup("This view is not built yet.").tryQuery().isPresent(), section.name());
            }
            ListView<?> navigation = robot.lookup("#navigation").queryAs(ListView.class);
            assertEquals(section, navigation.getSelectionModel().getSelectedItem());
        }
        Screenshots.save(stage.getScene(), "pending-view");
    }

    @Test
    void aSegmentationRunsInTheBackgroundAndFillsTheProfileTableAndCharts(FxRobot robot) throws Exception {
        Project project = openDemo();
        WaitForAsyncUtils.asyncFx(() -> window.state().sectionProperty().set(Section.SEGMENTS)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#stateLabel").queryAs(Label.class).getText().startsWith("No segmentation shown yet"));
        robot.push(javafx.scene.input.KeyCode.F5);
        TableView<?> profiles = robot.lookup("#profileTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> profiles.getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("High potential", ((com.campaignstudio.segments.SegmentProfile) profiles.getItems().getFirst()).name());
        javafx.scene.chart.PieChart sizes = robot.lookup("#sizeChart").queryAs(javafx.scene.chart.PieChart.class);
        assertEquals(4, sizes.getData().size());
        BarChart<?, ?> profileChart = robot.lookup("#profileChart").queryAs(BarChart.class);
        assertEquals(4, profileChart.getData().size());
        assertEquals(8, profileChart.getData().getFirst().getData().size(), "one bar per default feature");
        javafx.scene.chart.ScatterChart<?, ?> map = robot.lookup("#mapChart").queryAs(javafx.scene.chart.ScatterChart.class);
        assertEquals(Math.min(3000, sql(project, "SELECT COUNT(*) FROM follower")),
                map.getData().stream().mapToLong(series -> series.getData().size()).sum());
        assertEquals(1L, sql(project, "SELECT COUNT(*) FROM segmentation"), "the run is saved in the project");
        ListView<?> saved = robot.lookup("#savedList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> saved.getItems().size() == 1);
        Screenshots.save(stage.getScene(), "segments");

        javafx.scene.control.TabPane tabs = robot.lookup("#tabs").queryAs(javafx.scene.control.TabPane.class);
        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(1)).get();
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "segments-map");
        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(2)).get();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#propensityButton");
        javafx.scene.chart.LineChart<?, ?> gains = robot.lookup("#gainsChart").queryAs(javafx.scene.chart.LineChart.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> gains.getData().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(11, gains.getData().getFirst().getData().size(), "0% to 100% of followers in tenths");
        assertTrue(robot.lookup("#propensityLabel").queryAs(Label.class).getText().contains("hold-out AUC"));
        BarChart<?, ?> importance = robot.lookup("#importanceChart").queryAs(BarChart.class);
        assertEquals(8, importance.getData().getFirst().getData().size());
        Screenshots.save(stage.getScene(), "segments-propensity");

        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(3)).get();
        WaitForAsyncUtils.waitForFxEvents();
        // Looked up before the click: TestFX walks the scene from this thread, and the ranking's results change it.
        TableView<?> content = robot.lookup("#contentTable").queryAs(TableView.class);
        robot.clickOn("#contentButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !content.getItems().isEmpty());
        assertEquals(Math.min(100, sql(project, "SELECT COUNT(*) FROM post")), content.getItems().size());
        Screenshots.save(stage.getScene(), "segments-content");

        // Deleting the segmentation on show empties the view; nothing is left to rank or export.
        WaitForAsyncUtils.asyncFx(() -> saved.getSelectionModel().selectFirst()).get();
        javafx.scene.control.Button delete = robot.lookup("#deleteButton").queryButton();
        javafx.application.Platform.runLater(delete::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> saved.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0L, sql(project, "SELECT COUNT(*) FROM segmentation"));
        assertTrue(robot.lookup("#contentButton").queryButton().isDisabled());
        assertTrue(robot.lookup("#exportButton").queryButton().isDisabled());
        assertTrue(content.getItems().isEmpty());
        assertTrue(gains.getData().isEmpty());
    }

    @Test
    void lifetimeValueFitsInTheBackgroundAndShowsValueCheckCustomersAndForecast(FxRobot robot) throws Exception {
        Project project = openDemo();
        // A saved segmentation, which the view offers for comparing CLV by segment.
        var facts = new com.campaignstudio.segments.FactsReader(project.database()).read(
                com.campaignstudio.segments.Population.everyone(), com.campaignstudio.work.TaskContext.silent());
        new com.campaignstudio.segments.SegmentStore(project.database()).save(com.campaignstudio.segments.Segmenter.segment(
                facts, com.campaignstudio.segments.SegmentationSettings.defaults("By value", 3),
                com.campaignstudio.work.TaskContext.silent()));
        WaitForAsyncUtils.asyncFx(() -> window.state().sectionProperty().set(Section.LIFETIME_VALUE)).get();
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DatePicker calibrationEnd = robot.lookup("#calibrationEnd")
                .queryAs(javafx.scene.control.DatePicker.class);
        WaitForAsyncUtils.asyncFx(() -> calibrationEnd.setValue(java.time.LocalDate.of(2026, 3, 31))).get();
        javafx.scene.control.ComboBox<?> compare = robot.lookup("#compareChoice").queryAs(javafx.scene.control.ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> compare.getItems().size() == 2
                && compare.getValue() == compare.getItems().get(1));
        robot.push(javafx.scene.input.KeyCode.F5);
        TableView<?> parameters = robot.lookup("#parameterTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> parameters.getItems().size() == 7);
        WaitForAsyncUtils.waitForFxEvents();
        BarChart<?, ?> platforms = robot.lookup("#platformChart").queryAs(BarChart.class);
        assertEquals(7, platforms.getData().getFirst().getData().size(), "one bar per platform of the demo");
        assertEquals(7 * 3, platforms.lookupAll(".interval-whisker").size(), "a 90% interval (line and two caps) per bar");
        BarChart<?, ?> segments = robot.lookup("#segmentChart").queryAs(BarChart.class);
        assertTrue(segments.isVisible(), "the newest segmentation is compared by default");
        assertEquals(3, segments.getData().getFirst().getData().size(), "one bar per segment");
        assertTrue(robot.lookup("#segmentNote").queryAs(Label.class).getText().contains("By value"));
        TableView<?> customers = robot.lookup("#customerTable").queryAs(TableView.class);
        assertFalse(customers.getItems().isEmpty());
        Screenshots.save(stage.getScene(), "ltv-value");

        javafx.scene.control.TabPane tabs = robot.lookup("#tabs").queryAs(javafx.scene.control.TabPane.class);
        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(1)).get();
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "ltv-alive");
        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(2)).get();
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.chart.LineChart<?, ?> tracking = robot.lookup("#trackingChart").queryAs(javafx.scene.chart.LineChart.class);
        assertEquals(3, tracking.getData().size(), "actual, predicted and the calibration end");
        assertTrue(robot.lookup("#checkLabel").queryAs(Label.class).getText().startsWith("The model"));
        Screenshots.save(stage.getScene(), "ltv-check");
        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(3)).get();
        WaitForAsyncUtils.waitForFxEvents();
        BarChart<?, ?> distribution = robot.lookup("#distributionChart").queryAs(BarChart.class);
        assertEquals(220, distribution.getData().getFirst().getData().stream()
                .mapToLong(bar -> ((Number) bar.getYValue()).longValue()).sum(), "every customer in one band");
        assertTrue(robot.lookup("#distributionLabel").queryAs(Label.class).getText().startsWith("Median CLV"));
        Screenshots.save(stage.getScene(), "ltv-customers");
        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(4)).get();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#subscriptionButton");
        Label subscriptions = robot.lookup("#subscriptionLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !subscriptions.getText().isEmpty());
        // The demo's members buy at random, so few renew: the fit says so (a low first renewal).
        assertTrue(subscriptions.getText().contains("subscribers: alpha = "), subscriptions.getText());
        javafx.scene.chart.LineChart<?, ?> survival = robot.lookup("#survivalChart").queryAs(javafx.scene.chart.LineChart.class);
        assertEquals(2, survival.getData().size(), "observed and fitted");
        Screenshots.save(stage.getScene(), "ltv-subscriptions");
        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(5)).get();
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#forecastButton");
        javafx.scene.chart.LineChart<?, ?> forecast = robot.lookup("#forecastChart").queryAs(javafx.scene.chart.LineChart.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> forecast.getData().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(14, forecast.getData().get(1).getData().size(), "the last week and 13 ahead");
        List<javafx.scene.shape.Polygon> bands = forecast.lookupAll(".chart-band").stream()
                .map(javafx.scene.shape.Polygon.class::cast).toList();
        assertEquals(2, bands.size(), "80% and 95% bands");
        for (javafx.scene.shape.Polygon band : bands) {
            assertEquals(14 * 2 * 2, band.getPoints().size(), "upper then lower bound at each of the 14 weeks");
        }
        Screenshots.save(stage.getScene(), "ltv-forecast");
    }

    @Test
    void aFileThatIsNotAProjectGetsADialogThatSaysSoAndWhatToDo(FxRobot robot) throws Exception {
        Path notAProject = java.nio.file.Files.writeString(folder.resolve("orders.campaign"), "order_id,amount\n1,99\n");
        WaitForAsyncUtils.asyncFx(() -> window.actions().open(notAProject)).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.listWindows().size() > 1);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.stage.Window dialog = robot.listWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
        DialogPane pane = (DialogPane) dialog.getScene().getRoot();
        assertEquals("orders.campaign: Not a Campaign Studio project", pane.getHeaderText());
        assertTrue(((Label) pane.getContent()).getText().contains("use Import instead"));
        Screenshots.save(dialog.getScene(), "dialog-not-a-project");
        robot.clickOn(okButton(pane));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.state().project().isEmpty());
        assertEquals("order_id,amount\n1,99\n", java.nio.file.Files.readString(notAProject));
    }

    @Test
    void aDamagedProjectOffersItsNewestIntactBackupAndRestoresIt(FxRobot robot) throws Exception {
        Path file = folder.resolve("damaged.campaign");
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("home")), file,
                java.time.ZoneId.of("Asia/Shanghai"))) {
            for (String follower : List.of("kept", "lost")) {
                project.database().transaction(connection -> {
                    try (var statement = connection.createStatement()) {
                        return statement.executeUpdate("INSERT INTO follower (platform_id, external_id) VALUES (1, '"
                                + follower + "')");
                    }
                });
                project.save();
            }
        }
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        WaitForAsyncUtils.asyncFx(() -> window.actions().open(file)).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.listWindows().size() > 1);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.stage.Window dialog = robot.listWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
        DialogPane pane = (DialogPane) dialog.getScene().getRoot();
        assertEquals("damaged.campaign: This project file is damaged", pane.getHeaderText());
        assertTrue(((Label) pane.getContent()).getText().contains("The newest intact backup was saved "),
                ((Label) pane.getContent()).getText());
        javafx.scene.control.Button restore = pane.getButtonTypes().stream().map(pane::lookupButton)
                .map(javafx.scene.control.Button.class::cast)
                .filter(button -> button.getText().equals("Restore backup")).findFirst().orElseThrow();
        Screenshots.save(dialog.getScene(), "dialog-damaged-with-backup");
        robot.clickOn(restore);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.state().project().isPresent());
        assertEquals(1, sql(window.state().project().orElseThrow(), "SELECT COUNT(*) FROM follower"),
                "the version before the last save");
    }

    @Test
    void closingAProjectWhileAnAnalysisRunsCancelsItQuietly(FxRobot robot) throws Exception {
        openDemo();
        WaitForAsyncUtils.asyncFx(() -> window.state().sectionProperty().set(Section.SEGMENTS)).get();
        WaitForAsyncUtils.waitForFxEvents();
        // Started and closed in one go: a warm JVM segments the small demo before a separate close would come,
        // and the saved run would then ask about unsaved changes.
        javafx.scene.control.Button run = robot.lookup("#runButton").queryButton();
        WaitForAsyncUtils.asyncFx(() -> {
            run.fire();
            window.actions().closeProject(() -> { });
        }).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.state().project().isEmpty());
        Thread.sleep(3_000);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(stage), robot.listWindows(), "no error dialog after the project closed");
    }

    @Test
    void projectSettingsAreStoredInTheProjectWhenConfirmed(FxRobot robot) throws Exception {
        Project project = openDemo();
        assertEquals("true", project.metadata().get(ProjectMetadata.PSEUDONYMISE).orElse("true"));
        javafx.application.Platform.runLater(() -> window.actions().projectSettings());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.listWindows().size() > 1);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.stage.Window dialog = robot.listWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
        DialogPane pane = (DialogPane) dialog.getScene().getRoot();
        javafx.scene.control.CheckBox pseudonymise = (javafx.scene.control.CheckBox) pane.lookup(".check-box");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> zone = (javafx.scene.control.ComboBox<String>) pane.lookup(".combo-box");
        WaitForAsyncUtils.asyncFx(() -> {
            pseudonymise.setSelected(false);
            zone.setValue("Europe/Berlin");
        }).get();
        robot.clickOn(okButton(pane));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> window.state().settings().zone().getId().equals("Europe/Berlin"));
        assertFalse(window.state().settings().pseudonymise(), "the window knows without reading on the FX thread");
        assertEquals("false", project.metadata().get(ProjectMetadata.PSEUDONYMISE).orElseThrow());
        assertEquals("Europe/Berlin", project.metadata().get(ProjectMetadata.TIME_ZONE).orElseThrow());
    }

    /** The dialog's OK, named in the interface's language. */
    private static javafx.scene.Node okButton(DialogPane pane) {
        javafx.scene.control.ButtonType ok = pane.getButtonTypes().stream()
                .filter(type -> type.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE)
                .findFirst().orElseThrow();
        assertEquals("OK", ((javafx.scene.control.Button) pane.lookupButton(ok)).getText());
        return pane.lookupButton(ok);
    }

    private Project openDemo() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.actions().open(demo)).get();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.state().project().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return window.state().project().orElseThrow();
    }

    private static long sql(Project project, String query) throws SQLException {
        return (long) sqlDouble(project, query);
    }

    private static double sqlDouble(Project project, String query) throws SQLException {
        return project.database().read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
                rs.next();
                return rs.getDouble(1);
            }
        });
    }
}
