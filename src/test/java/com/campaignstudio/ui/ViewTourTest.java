package com.campaignstudio.ui;

import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.settings.Language;
import com.campaignstudio.ui.shell.Section;
import com.campaignstudio.work.TaskContext;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tour of every view, empty (a new project) and filled (the small demo with every analysis run), in both
 * languages at a small and a large window size. Each view is saved as target/tour/LANG-SIZE-VIEW.png for a
 * person to look at, and checked for text cut short, charts with axes but no data, and crowded tick labels.
 */
@ExtendWith(ApplicationExtension.class)
class ViewTourTest {

    private static final List<double[]> SIZES = List.of(new double[]{1240, 800}, new double[]{1920, 1080});
    private static final Path TOUR = Path.of("target", "tour");

    @TempDir
    static Path folder;
    private static Path demo;
    private static Path empty;
    private Stage stage;
    private MainWindow window;
    private String language;
    /** Each finding with the views it was seen in. */
    private final Map<String, Set<String>> findings = new LinkedHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor();
    private final List<Future<Path>> writes = new ArrayList<>();

    @BeforeAll
    static void makeProjects() throws Exception {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
        demo = folder.resolve("demo.campaign");
        DemoProjects.write(ProjectLocations.under(folder.resolve("maker")), demo, DemoSize.SMALL, 11L,
                TaskContext.silent());
        empty = folder.resolve("empty.campaign");
        Project.create(ProjectLocations.under(folder.resolve("maker")), empty, ZoneId.of("Asia/Shanghai")).close();
        Files.createDirectories(TOUR);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeProject() throws Exception {
        if (window == null) {
            return;
        }
        fx(() -> {
            window.state().project().ifPresent(project -> {
                window.state().setProject(null);
                project.close();
            });
            return null;
        });
    }

    @Test
    void everyViewInEnglishShowsWholeTextAndNoEmptyCharts(FxRobot robot) throws Exception {
        tour(robot, Language.ENGLISH, "en");
    }

    @Test
    void everyViewInChineseShowsWholeTextAndNoEmptyCharts(FxRobot robot) throws Exception {
        tour(robot, Language.SIMPLIFIED_CHINESE, "zh");
    }

    private void tour(FxRobot robot, Language shown, String code) throws Exception {
        language = code;
        window = fx(() -> TestWindows.show(stage, folder.resolve("home-" + code), shown, true));
        look(stage, "start");

        open(empty);
        for (Section section : Section.values()) {
            showSection(section);
            if (section == Section.DASHBOARD) {
                waitUntil(() -> robot.lookup("#stateLabel").tryQueryAs(Label.class)
                        .map(label -> label.isVisible() && !label.getText().isEmpty()).orElse(false));
            }
            lookAtEveryTab(robot, "empty-" + name(section));
        }
        importWizard(robot);
        projectSettings(robot);
        closeProject();

        open(demo);
        showSection(Section.DASHBOARD);
        waitUntil(() -> robot.lookup("#revenueChart").tryQueryAs(XYChart.class)
                .map(chart -> !chart.getData().isEmpty()).orElse(false));
        look(stage, "filled-dashboard");
        showSection(Section.DATA);
        TableView<?> grid = robot.lookup("#grid").queryAs(TableView.class);
        waitUntil(() -> !grid.getItems().isEmpty());
        look(stage, "filled-data");
        segments(robot);
        lifetimeValue(robot);
        boughtTogether(robot);
        experiments(robot);

        for (Future<Path> write : writes) {
            write.get();
        }
        writer.shutdown();
        StringBuilder report = new StringBuilder();
        findings.forEach((finding, views) -> report.append("\n  ").append(finding).append("  ")
                .append(views.stream().limit(3).toList())
                .append(views.size() > 3 ? " and " + (views.size() - 3) + " more views" : ""));
        assertTrue(findings.isEmpty(), findings.size() + " layout problems:" + report);
    }

    private void segments(FxRobot robot) throws Exception {
        showSection(Section.SEGMENTS);
        TableView<?> profiles = robot.lookup("#profileTable").queryAs(TableView.class);
        press(robot, "#runButton");
        waitUntil(() -> profiles.getItems().size() == 4);
        press(robot, "#propensityButton");
        XYChart<?, ?> gains = robot.lookup("#gainsChart").queryAs(XYChart.class);
        waitUntil(() -> gains.getData().size() == 2);
        press(robot, "#contentButton");
        TableView<?> content = robot.lookup("#contentTable").queryAs(TableView.class);
        waitUntil(() -> !content.getItems().isEmpty());
        lookAtEveryTab(robot, "filled-segments");
    }

    private void lifetimeValue(FxRobot robot) throws Exception {
        showSection(Section.LIFETIME_VALUE);
        DatePicker calibrationEnd = robot.lookup("#calibrationEnd").queryAs(DatePicker.class);
        fx(() -> {
            calibrationEnd.setValue(LocalDate.of(2026, 3, 31));
            return null;
        });
        TableView<?> parameters = robot.lookup("#parameterTable").queryAs(TableView.class);
        press(robot, "#runButton");
        waitUntil(() -> parameters.getItems().size() == 7);
        press(robot, "#subscriptionButton");
        Label subscriptions = robot.lookup("#subscriptionLabel").queryAs(Label.class);
        waitUntil(() -> !subscriptions.getText().isEmpty());
        press(robot, "#forecastButton");
        XYChart<?, ?> forecast = robot.lookup("#forecastChart").queryAs(XYChart.class);
        waitUntil(() -> forecast.getData().size() == 2);
        lookAtEveryTab(robot, "filled-ltv");
        // The models' parameters are folded away on the check tab: unfold them and look again.
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        Node folded = parameters;
        while (!(folded instanceof TitledPane)) {
            folded = folded.getParent();
        }
        TitledPane parametersPane = (TitledPane) folded;
        fx(() -> {
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(tab -> "checkTab".equals(tab.getId()))
                    .findFirst().orElseThrow());
            parametersPane.setExpanded(true);
            return null;
        });
        look(stage, "filled-ltv-check-parameters");
    }

    private void boughtTogether(FxRobot robot) throws Exception {
        showSection(Section.BOUGHT_TOGETHER);
        TableView<?> rules = robot.lookup("#ruleTable").queryAs(TableView.class);
        press(robot, "#runButton");
        waitUntil(() -> !rules.getItems().isEmpty());
        press(robot, "#pitchButton");
        TableView<?> tally = robot.lookup("#tallyTable").queryAs(TableView.class);
        waitUntil(() -> !tally.getItems().isEmpty());
        lookAtEveryTab(robot, "filled-basket");
    }

    /** Two variants with a verdict, the sample size as it opens, and a week of running totals. */
    private void experiments(FxRobot robot) throws Exception {
        showSection(Section.EXPERIMENTS);
        fx(() -> {
            robot.lookup("#variantVisitors0").queryAs(javafx.scene.control.TextField.class).setText("4000");
            robot.lookup("#variantConversions0").queryAs(javafx.scene.control.TextField.class).setText("200");
            robot.lookup("#variantVisitors1").queryAs(javafx.scene.control.TextField.class).setText("4000");
            robot.lookup("#variantConversions1").queryAs(javafx.scene.control.TextField.class).setText("260");
            robot.lookup("#minLiftField").queryAs(javafx.scene.control.TextField.class).setText("0.5");
            robot.lookup("#totalsArea").queryAs(javafx.scene.control.TextArea.class).setText(WEEK);
            return null;
        });
        TableView<?> arms = robot.lookup("#armTable").queryAs(TableView.class);
        press(robot, "#runButton");
        waitUntil(() -> arms.getItems().size() == 2);
        TableView<?> days = robot.lookup("#dayTable").queryAs(TableView.class);
        press(robot, "#sequentialRunButton");
        waitUntil(() -> days.getItems().size() == 7);
        lookAtEveryTab(robot, "filled-experiments");
    }

    /** A week of running totals in which B pulls ahead. */
    static final String WEEK = """
            day,visitors_a,conversions_a,visitors_b,conversions_b
            2026-05-01,600,30,600,36
            2026-05-02,1200,61,1210,75
            2026-05-03,1800,90,1805,115
            2026-05-04,2400,118,2410,156
            2026-05-05,3000,150,3010,197
            2026-05-06,3600,181,3605,236
            2026-05-07,4200,210,4212,277
            """;

    private void importWizard(FxRobot robot) throws Exception {
        Path orders = Path.of(ViewTourTest.class.getResource("/import/orders-gbk.csv").toURI());
        fx(() -> window.openImportWizard(orders));
        Stage wizard = (Stage) otherWindow(robot);
        TableView<?> preview = (TableView<?>) wizard.getScene().lookup("#previewTable");
        waitUntil(() -> !preview.getItems().isEmpty());
        look(wizard, "import-1-source");
        press(wizard, "#nextButton");
        look(wizard, "import-2-mapping");
        press(wizard, "#nextButton");
        look(wizard, "import-3-ready");
        press(wizard, "#checkButton");
        Label summary = (Label) wizard.getScene().lookup("#summaryLabel");
        waitUntil(() -> !summary.getText().isEmpty());
        look(wizard, "import-4-checked");
        press(wizard, "#closeButton");
        waitUntil(() -> robot.listWindows().size() == 1);
    }

    private void projectSettings(FxRobot robot) throws Exception {
        Platform.runLater(() -> window.actions().projectSettings());
        Window dialog = otherWindow(robot);
        look(dialog.getScene(), "project-settings");
        DialogPane pane = (DialogPane) dialog.getScene().getRoot();
        ButtonType cancel = pane.getButtonTypes().stream()
                .filter(type -> type.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE).findFirst().orElseThrow();
        Platform.runLater(((Button) pane.lookupButton(cancel))::fire);
        waitUntil(() -> robot.listWindows().size() == 1);
    }

    private void lookAtEveryTab(FxRobot robot, String view) throws Exception {
        TabPane tabs = robot.lookup("#tabs").tryQueryAs(TabPane.class).orElse(null);
        if (tabs == null) {
            look(stage, view);
            return;
        }
        for (int t = 0; t < tabs.getTabs().size(); t++) {
            int tab = t;
            fx(() -> {
                tabs.getSelectionModel().select(tab);
                return null;
            });
            look(stage, view + "-" + tabs.getTabs().get(tab).getId().replace("Tab", ""));
        }
    }

    /**
     * Saves and checks the window's content at each size. The headless toolkit paints shown windows into a
     * screen of a million pixels, too small for 1920x1080, so larger content is laid out and drawn in a scene
     * of its own, off screen, and then given back to its window.
     */
    private void look(Stage shownIn, String view) throws Exception {
        for (double[] size : SIZES) {
            String name = String.format("%.0fx%.0f-%s", size[0], size[1], view);
            if (size[0] * size[1] < 1_000_000) {
                fx(() -> {
                    shownIn.setWidth(size[0]);
                    shownIn.setHeight(size[1]);
                    return null;
                });
                look(shownIn.getScene(), name);
            } else {
                lookOffScreen(shownIn.getScene(), size, name);
            }
        }
    }

    private void lookOffScreen(Scene original, double[] size, String name) throws Exception {
        Scene sized = fx(() -> {
            Parent root = original.getRoot();
            original.setRoot(new Region());
            Scene offScreen = new Scene(root, size[0], size[1]);
            offScreen.getStylesheets().setAll(original.getStylesheets());
            return offScreen;
        });
        // The first snapshot lays the content out at this size; what that schedules on the FX thread then runs.
        Screenshots.snapshot(sized);
        look(sized, name);
        fx(() -> {
            Parent root = sized.getRoot();
            sized.setRoot(new Region());
            original.setRoot(root);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Saves the scene as it is (the file is written in the background) and records what the checks find in it. */
    private void look(Scene scene, String view) throws Exception {
        String name = language + "-" + view;
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = Screenshots.snapshot(scene);
        writes.add(writer.submit(() -> Screenshots.write(image, TOUR, name)));
        for (String finding : fx(() -> ViewChecks.findings(scene.getRoot()))) {
            findings.computeIfAbsent(finding, f -> new LinkedHashSet<>()).add(name);
        }
    }

    private void open(Path project) throws Exception {
        fx(() -> {
            window.actions().open(project);
            return null;
        });
        waitUntil(() -> window.state().project().isPresent());
    }

    /** Shows a section and waits for the work it starts (reading data, saved runs) to end. */
    private void showSection(Section section) throws Exception {
        fx(() -> {
            window.state().sectionProperty().set(section);
            return null;
        });
        Node statusProgress = stage.getScene().lookup("#statusBar").lookup(".progress-bar");
        waitUntil(() -> !statusProgress.isVisible());
    }

    private static String name(Section section) {
        return section.titleKey().substring("section.".length());
    }

    private static void press(FxRobot robot, String id) throws Exception {
        Button button = robot.lookup(id).queryButton();
        fx(() -> {
            button.fire();
            return null;
        });
    }

    private static void press(Stage shownIn, String id) throws Exception {
        Button button = (Button) shownIn.getScene().lookup(id);
        fx(() -> {
            button.fire();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Window otherWindow(FxRobot robot) throws Exception {
        waitUntil(() -> robot.listWindows().size() > 1);
        WaitForAsyncUtils.waitForFxEvents();
        return robot.listWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get();
    }
}
