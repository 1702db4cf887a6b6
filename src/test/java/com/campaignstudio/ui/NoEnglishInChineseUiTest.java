package com.campaignstudio.ui;

import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.settings.Language;
import com.campaignstudio.ui.common.LatinWords;
import com.campaignstudio.ui.shell.Section;
import com.campaignstudio.work.TaskContext;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens the demo project in Chinese, visits every section, tab and dialog with results on screen, and fails
 * on every English word shown, saying where it was.
 */
@ExtendWith(ApplicationExtension.class)
class NoEnglishInChineseUiTest {

    /**
     * Columns whose cells hold ids as stored (pseudonymised people, order numbers, post ids), names the user's
     * files gave (file names, columns of the file, raw values), or a platform's English name (in the column
     * titled 英文名称, where the user edits it): data, not interface.
     */
    private static final Set<String> DATA_COLUMNS = Set.of("external_id", "customer_ref", "order_ref", "refund_of",
            "file_name", "follower", "customer", "firstValue", "rejectedColumn", "rejectedValue", "platformFileName",
            "name_en", "platformNameEn");

    @TempDir
    static Path folder;
    private MainWindow window;
    private Stage stage;
    /** Nodes left out with everything in them: the import wizard's preview of the file's own rows, as the file writes them. */
    private static final Set<String> DATA_NODES = Set.of("previewTable");

    private final ShownText shown = new ShownText(column -> column.getId() != null && DATA_COLUMNS.contains(column.getId()),
            node -> node.getId() != null && DATA_NODES.contains(node.getId()));
    /** Each text with English in it once, with the words and where it was first seen. */
    private final Map<String, String> english = new LinkedHashMap<>();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        window = TestWindows.show(stage, folder.resolve("home"), Language.SIMPLIFIED_CHINESE, false);
    }

    @Test
    void everyViewTabAndDialogSpeaksOnlyChinese(FxRobot robot) throws Exception {
        look(stage, "start screen");
        Path demo = folder.resolve("示例.campaign");
        DemoProjects.write(ProjectLocations.under(folder.resolve("maker")), demo, DemoSize.SMALL, 3L,
                Locale.SIMPLIFIED_CHINESE, TaskContext.silent());
        fx(() -> window.actions().open(demo));
        waitFor(() -> robot.lookup("#revenueChart").tryQueryAs(AreaChart.class)
                .map(chart -> !chart.getData().isEmpty()).orElse(false));
        look(stage, "dashboard");

        visitData(robot);
        visitSegments(robot);
        visitLifetimeValue(robot);
        visitBoughtTogether(robot);
        visitExperiments(robot);
        for (Section section : Section.values()) {
            if (!section.isBuilt()) {
                show(section);
                look(stage, section.name());
            }
        }
        visitImportWizard(robot);
        visitDialogs(robot);

        assertTrue(english.isEmpty(), english.size() + " texts with English words in the Chinese interface:\n"
                + String.join("\n", english.values()));
    }

    private void visitData(FxRobot robot) throws Exception {
        show(Section.DATA);
        ListView<?> tables = robot.lookup("#tableList").queryAs(ListView.class);
        TableView<?> grid = robot.lookup("#grid").queryAs(TableView.class);
        waitFor(() -> tables.getItems().size() > 1 && !grid.getColumns().isEmpty());
        for (int i = 0; i < tables.getItems().size(); i++) {
            int index = i;
            List<?> before = List.copyOf(grid.getColumns());
            fx(() -> tables.getSelectionModel().select(index));
            waitFor(() -> !grid.getColumns().equals(before) || index == 1);
            look(stage, "data view, table " + index);
            if (index == 1 || index == 5) {
                Screenshots.save(stage.getScene(), "data-" + index + "-zh");
            }
        }
    }

    private void visitSegments(FxRobot robot) throws Exception {
        show(Section.SEGMENTS);
        look(stage, "segments before a run");
        robot.push(KeyCode.F5);
        TableView<?> profiles = robot.lookup("#profileTable").queryAs(TableView.class);
        waitFor(() -> profiles.getItems().size() == 4);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        look(stage, "segments, profile");
        Screenshots.save(stage.getScene(), "segments-zh");
        selectTab(tabs, 1);
        look(stage, "segments, map");
        selectTab(tabs, 2);
        robot.clickOn("#propensityButton");
        LineChart<?, ?> gains = robot.lookup("#gainsChart").queryAs(LineChart.class);
        waitFor(() -> gains.getData().size() == 2);
        look(stage, "segments, propensity");
        selectTab(tabs, 3);
        robot.clickOn("#contentButton");
        TableView<?> content = robot.lookup("#contentTable").queryAs(TableView.class);
        waitFor(() -> !content.getItems().isEmpty());
        look(stage, "segments, content");
        Platform.runLater(() -> robot.lookup("#exportButton").queryButton().fire());
        look(dialog(robot), "segments, export dialog");
        cancelDialog(robot);
    }

    private void visitLifetimeValue(FxRobot robot) throws Exception {
        show(Section.LIFETIME_VALUE);
        look(stage, "lifetime value before a run");
        DatePicker calibrationEnd = robot.lookup("#calibrationEnd").queryAs(DatePicker.class);
        fx(() -> calibrationEnd.setValue(LocalDate.of(2026, 3, 31)));
        robot.push(KeyCode.F5);
        TableView<?> parameters = robot.lookup("#parameterTable").queryAs(TableView.class);
        waitFor(() -> parameters.getItems().size() == 7);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        for (int tab = 0; tab < 4; tab++) {
            selectTab(tabs, tab);
            look(stage, "lifetime value, tab " + tab);
        }
        Screenshots.save(stage.getScene(), "ltv-customers-zh");
        selectTab(tabs, 4);
        robot.clickOn("#subscriptionButton");
        Label subscriptions = robot.lookup("#subscriptionLabel").queryAs(Label.class);
        waitFor(() -> !subscriptions.getText().isEmpty());
        look(stage, "lifetime value, subscriptions");
        selectTab(tabs, 5);
        robot.clickOn("#forecastButton");
        LineChart<?, ?> forecast = robot.lookup("#forecastChart").queryAs(LineChart.class);
        waitFor(() -> forecast.getData().size() == 2);
        look(stage, "lifetime value, forecast");
        Screenshots.save(stage.getScene(), "ltv-forecast-zh");
    }

    private void visitBoughtTogether(FxRobot robot) throws Exception {
        show(Section.BOUGHT_TOGETHER);
        look(stage, "bought together before a run");
        robot.push(KeyCode.F5);
        TableView<?> rules = robot.lookup("#ruleTable").queryAs(TableView.class);
        waitFor(() -> !rules.getItems().isEmpty());
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        look(stage, "bought together, rules");
        selectTab(tabs, 1);
        look(stage, "bought together, similar products");
        selectTab(tabs, 2);
        look(stage, "bought together, pitch before suggesting");
        robot.clickOn("#pitchButton");
        TableView<?> tally = robot.lookup("#tallyTable").queryAs(TableView.class);
        waitFor(() -> !tally.getItems().isEmpty());
        look(stage, "bought together, pitch");
        Screenshots.save(stage.getScene(), "basket-pitch-zh");
    }

    private void visitExperiments(FxRobot robot) throws Exception {
        show(Section.EXPERIMENTS);
        look(stage, "experiments before a run");
        fx(() -> {
            for (String[] typed : new String[][]{{"#variantVisitors0", "1200"}, {"#variantConversions0", "0"},
                    {"#variantVisitors1", "800"}, {"#variantConversions1", "3"}, {"#minLiftField", "1"}}) {
                robot.lookup(typed[0]).queryAs(javafx.scene.control.TextField.class).setText(typed[1]);
            }
            // The user's own header, in Chinese: the first line of the totals may be a header in any language.
            robot.lookup("#totalsArea").queryAs(javafx.scene.control.TextArea.class).setText(
                    "日期,A 访客数,A 转化数,B 访客数,B 转化数\n" + ViewTourTest.WEEK.lines().skip(1)
                            .collect(java.util.stream.Collectors.joining("\n")));
        });
        robot.push(KeyCode.F5);
        TableView<?> arms = robot.lookup("#armTable").queryAs(TableView.class);
        waitFor(() -> arms.getItems().size() == 2);
        look(stage, "experiments, compare with warnings and notes");
        Screenshots.save(stage.getScene(), "experiments-compare-zh");
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        selectTab(tabs, 1);
        look(stage, "experiments, sample size");
        fx(() -> robot.lookup("#baselineField").queryAs(javafx.scene.control.TextField.class).setText("x"));
        look(stage, "experiments, sample size with a typing mistake");
        selectTab(tabs, 2);
        look(stage, "experiments, day by day before a run");
        robot.push(KeyCode.F5);
        TableView<?> days = robot.lookup("#dayTable").queryAs(TableView.class);
        waitFor(() -> days.getItems().size() == 7);
        look(stage, "experiments, day by day");
        Screenshots.save(stage.getScene(), "experiments-sequential-zh");
    }

    private void visitImportWizard(FxRobot robot) throws Exception {
        Path orders = Path.of(NoEnglishInChineseUiTest.class.getResource("/import/real/orders-channels-shop.csv").toURI());
        Path copy = Files.copy(orders, folder.resolve("订单导出.csv"));
        fx(() -> window.openImportWizard(copy));
        Window wizard = dialog(robot);
        TableView<?> preview = (TableView<?>) wizard.getScene().lookup("#previewTable");
        waitFor(() -> !preview.getItems().isEmpty());
        look(wizard, "import wizard, step 1");
        robot.clickOn((Button) wizard.getScene().lookup("#nextButton"));
        WaitForAsyncUtils.waitForFxEvents();
        look(wizard, "import wizard, mapping preview");
        Screenshots.save(wizard.getScene(), "import-mapping-zh");
        robot.clickOn((Button) wizard.getScene().lookup("#nextButton"));
        robot.clickOn((Button) wizard.getScene().lookup("#checkButton"));
        TableView<?> platforms = (TableView<?>) wizard.getScene().lookup("#platformTable");
        waitFor(() -> !platforms.getItems().isEmpty());
        look(wizard, "import wizard, check");
        Screenshots.save(wizard.getScene(), "import-check-zh");
        robot.clickOn((Button) wizard.getScene().lookup("#closeButton"));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void visitDialogs(FxRobot robot) throws Exception {
        MenuBar menus = robot.lookup("#menuBar").queryAs(MenuBar.class);
        Platform.runLater(() -> window.actions().projectSettings());
        look(dialog(robot), "project settings");
        cancelDialog(robot);

        Platform.runLater(() -> menuItem(menus, "menu.help.about").fire());
        Window about = dialog(robot);
        look(about, "about");
        Screenshots.save(about.getScene(), "about-zh");
        cancelDialog(robot);

        Platform.runLater(() -> menuItem(menus, "menu.settings.language").fire());
        look(dialog(robot), "language");
        cancelDialog(robot);

        assertTrue(window.state().unsavedProperty().get(), "the segmentation run left unsaved changes");
        Platform.runLater(() -> window.actions().closeProject(() -> { }));
        Window unsaved = dialog(robot);
        look(unsaved, "unsaved changes");
        Screenshots.save(unsaved.getScene(), "unsaved-zh");
        cancelDialog(robot);
        assertTrue(window.state().project().isPresent(), "Cancel keeps the project open");

        Path notAProject = Files.writeString(folder.resolve("订单.campaign"), "order_id,amount\n1,99\n");
        Platform.runLater(() -> window.actions().open(notAProject));
        DialogPane again = (DialogPane) dialog(robot).getScene().getRoot();
        ButtonType discard = again.getButtonTypes().stream()
                .filter(type -> type.getButtonData() == ButtonBar.ButtonData.NO).findFirst().orElseThrow();
        fx(() -> ((Button) again.lookupButton(discard)).fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.state().project().isEmpty()
                && robot.listWindows().stream().anyMatch(w -> w != stage && w.isShowing()));
        Window problem = dialog(robot);
        look(problem, "not a project");
        Screenshots.save(problem.getScene(), "dialog-not-a-project-zh");
        cancelDialog(robot);
    }

    /** Finds the menu item whose text is that of {@code key} in the Chinese bundle. */
    private MenuItem menuItem(MenuBar menus, String key) {
        String title = java.util.ResourceBundle.getBundle("com.campaignstudio.i18n.messages", Locale.SIMPLIFIED_CHINESE)
                .getString(key);
        return menus.getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .filter(item -> title.equals(item.getText())).findFirst().orElseThrow();
    }

    private void look(Window window, String context) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Parent root = window.getScene().getRoot();
        Callable<List<ShownText.Piece>> collect = () -> shown.collect(root, context);
        for (ShownText.Piece piece : WaitForAsyncUtils.asyncFx(collect).get()) {
            List<String> words = LatinWords.in(piece.text());
            if (!words.isEmpty()) {
                english.putIfAbsent(piece.text(), words + " in " + piece);
            }
        }
    }

    private Window dialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.listWindows().stream()
                .anyMatch(w -> w != stage && w.isShowing()));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.listWindows().stream().filter(w -> w != stage && w.isShowing()).reduce((a, b) -> b).orElseThrow();
    }

    /** Closes the dialog on top by its Cancel (or only) button. */
    private void cancelDialog(FxRobot robot) throws Exception {
        Window top = dialog(robot);
        DialogPane pane = (DialogPane) top.getScene().getRoot();
        ButtonType cancel = pane.getButtonTypes().stream()
                .filter(type -> type.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE).findFirst()
                .orElse(pane.getButtonTypes().getFirst());
        fx(() -> ((Button) pane.lookupButton(cancel)).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !top.isShowing());
    }

    private void show(Section section) throws Exception {
        fx(() -> window.state().sectionProperty().set(section));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void selectTab(TabPane tabs, int index) throws Exception {
        fx(() -> tabs.getSelectionModel().select(index));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get();
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
