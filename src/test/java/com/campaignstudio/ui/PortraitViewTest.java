package com.campaignstudio.ui;

import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.portrait.Audiences;
import com.campaignstudio.portrait.IndexRow;
import com.campaignstudio.portrait.Portrait;
import com.campaignstudio.portrait.PortraitGroup;
import com.campaignstudio.portrait.PortraitResult;
import com.campaignstudio.portrait.PortraitRun;
import com.campaignstudio.portrait.Regions;
import com.campaignstudio.portrait.Share;
import com.campaignstudio.portrait.Trait;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.settings.Language;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.shell.Section;
import com.campaignstudio.work.TaskContext;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static com.campaignstudio.ui.UiFixture.cell;
import static com.campaignstudio.ui.UiFixture.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Portrait view on the demo, in English and in Chinese: it opens on the buyers beside all followers, and what it
 * shows (the title, each chart's bars, the TGI table in its order) is what {@link PortraitRun} gives for those two
 * groups; a chart exports as PNG; a project without followers says to import them. Screenshots at 1240×800 and
 * 1920×1080 go to target/screenshots/portrait-*.
 */
@ExtendWith(ApplicationExtension.class)
class PortraitViewTest {

    @TempDir
    static Path folder;
    static Path demo;
    static Path chineseDemo;
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void makeDemos() throws Exception {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
        demo = UiFixture.makeDemo(folder);
        chineseDemo = folder.resolve("demo-zh.campaign");
        DemoProjects.write(ProjectLocations.under(folder.resolve("maker-zh")), chineseDemo, DemoSize.SMALL, 11L,
                Locale.SIMPLIFIED_CHINESE, TaskContext.silent());
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

    @Test
    void theBuyersBesideEveryoneAreTheDomainsPortraitInEnglish(FxRobot robot) throws Exception {
        checkView(robot, demo, new UiText(Locale.ENGLISH), "en");
    }

    @Test
    void theBuyersBesideEveryoneAreTheDomainsPortraitInChinese(FxRobot robot) throws Exception {
        window = fx(() -> TestWindows.show(stage, folder.resolve("home-zh"), Language.SIMPLIFIED_CHINESE, false));
        checkView(robot, chineseDemo, new UiText(Locale.SIMPLIFIED_CHINESE), "zh");
    }

    @Test
    void twoGroupsOtherThanEveryoneAreComparedInTheirOwnTable(FxRobot robot) throws Exception {
        UiText text = new UiText(Locale.ENGLISH);
        Project project = UiFixture.open(window, demo);
        UiFixture.show(window, Section.PORTRAIT);
        TableView<?> tgi = robot.lookup("#tgiTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !tgi.getItems().isEmpty());
        TableView<?> compared = robot.lookup("#compareTable").queryAs(TableView.class);
        assertFalse(compared.isVisible(), "beside all followers the TGI table says it all");
        ComboBox<?> beside = robot.lookup("#compareChoice").queryAs(ComboBox.class);
        String douyin = text.get("portrait.group.platform", text.platform("douyin"));
        fx(() -> selectByName(beside, douyin));
        fx(() -> robot.lookup("#runButton").queryButton().fire());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> compared.isVisible() && !compared.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        PortraitResult expected = new PortraitRun(project.database(), new Audiences())
                .run(List.of(PortraitGroup.buyers(), PortraitGroup.onPlatform("douyin")), TaskContext.silent());
        assertEquals(expected.comparison(), List.copyOf(compared.getItems()), "buyers against Douyin's followers");
        assertEquals(text.get("portrait.compare.title", text.get("portrait.group.buyers"), douyin),
                robot.lookup("#compareTitle").queryAs(Label.class).getText());
        BarChart<Number, String> platforms = robot.lookup("#platformChart").query();
        assertEquals(1.0, platforms.getData().get(1).getData().stream()
                .filter(bar -> bar.getYValue().equals(text.platform("douyin"))).findFirst().orElseThrow()
                .getXValue().doubleValue(), 1e-12, "every follower on Douyin is on Douyin");
    }

    @SuppressWarnings("unchecked")
    private static void selectByName(ComboBox<?> choice, String name) {
        ComboBox<Object> any = (ComboBox<Object>) choice;
        any.setValue(any.getItems().stream().filter(item -> item.toString().equals(name)).findFirst().orElseThrow());
    }

    @Test
    void aProjectWithoutFollowersSaysToImportThem(FxRobot robot) throws Exception {
        Path empty = folder.resolve("empty.campaign");
        Project.create(ProjectLocations.under(folder.resolve("maker-empty")), empty, ZoneId.of("Asia/Shanghai")).close();
        UiFixture.open(window, empty);
        UiFixture.show(window, Section.PORTRAIT);
        Button importButton = robot.lookup("#importButton").queryButton();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, importButton::isVisible);
        assertTrue(robot.lookup("#stateLabel").queryAs(Label.class).getText().startsWith("This project has no followers"));
        assertFalse(robot.lookup("#results").query().isVisible(), "no blank charts");
        assertTrue(robot.lookup("#runButton").queryButton().isDisabled());
    }

    private void checkView(FxRobot robot, Path file, UiText text, String language) throws Exception {
        Project project = UiFixture.open(window, file);
        UiFixture.show(window, Section.PORTRAIT);
        TableView<?> tgi = robot.lookup("#tgiTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !tgi.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        PortraitResult expected = new PortraitRun(project.database(), new Audiences())
                .run(List.of(PortraitGroup.buyers(), PortraitGroup.everyone()), TaskContext.silent());
        Portrait buyers = expected.groups().getFirst().portrait();
        String buyersName = text.get("portrait.group.buyers");
        assertEquals(text.get("portrait.result", buyersName, text.integer(buyers.followers()),
                text.integer(buyers.buyers()), text.percent((double) buyers.followers() / expected.audience().followers())),
                robot.lookup("#resultTitle").queryAs(Label.class).getText());
        assertEquals(expected.groups().getFirst().tgi(), List.copyOf(tgi.getItems()), "the TGI rows, in the domain's order");
        IndexRow top = expected.groups().getFirst().tgi().getFirst();
        assertFalse(top.tooFew());
        assertEquals(text.integer(Math.round(top.index())), cell(tgi, 0, text.get("portrait.tgi.index")));
        assertEquals(text.percent(top.share()), cell(tgi, 0, text.get("portrait.tgi.share")));

        BarChart<String, Number> gender = robot.lookup("#genderChart").query();
        assertEquals(2, gender.getData().size(), "buyers and all followers");
        assertEquals(List.of(buyersName, text.get("portrait.group.everyone")),
                gender.getData().stream().map(XYChart.Series::getName).toList());
        for (int g = 0; g < 2; g++) {
            Portrait portrait = g == 0 ? buyers : expected.audience();
            XYChart.Series<String, Number> series = gender.getData().get(g);
            for (XYChart.Data<String, Number> bar : series.getData()) {
                String key = List.of("female", "male", "other", "unknown").stream()
                        .filter(k -> genderName(text, k).equals(bar.getXValue())).findFirst().orElseThrow();
                assertEquals(portrait.trait(Trait.GENDER).share(key), bar.getYValue().doubleValue(), 1e-12,
                        series.getName() + " " + key);
            }
        }
        BarChart<Number, String> regions = robot.lookup("#regionChart").query();
        List<XYChart.Data<Number, String>> regionBars = regions.getData().getFirst().getData();
        Share mostCommon = buyers.trait(Trait.REGION).values().getFirst();
        String shownName = text.isChinese() ? mostCommon.key() : Regions.englishName(mostCommon.key()).orElseThrow();
        // A horizontal bar chart draws its first category at the bottom.
        XYChart.Data<Number, String> topBar = regionBars.getLast();
        assertEquals(shownName, topBar.getYValue(), "the most common region is at the top");
        assertEquals(mostCommon.share(), topBar.getXValue().doubleValue(), 1e-12);
        assertEquals(text.get("portrait.unknown"), regionBars.getFirst().getYValue(), "unknown at the bottom");
        assertEquals(buyers.trait(Trait.REGION).share("unknown"), regionBars.getFirst().getXValue().doubleValue(), 1e-12,
                "the unknown share is shown, not dropped");
        assertTrue(regionBars.size() <= 11, "the top ten and unknown");

        IndexRow last = expected.groups().getFirst().tgi().getLast();
        assertTrue(last.tooFew(), "the demo's buyers have values below 30 people");
        fx(() -> tgi.scrollTo(tgi.getItems().size() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        List<Object> greyed = fx(() -> tgi.lookupAll(".portrait-too-few").stream()
                .map(row -> (Object) ((javafx.scene.control.TableRow<?>) row).getItem()).toList());
        assertFalse(greyed.isEmpty(), "rows with too few people are greyed");
        assertTrue(greyed.stream().allMatch(row -> ((IndexRow) row).tooFew()), "and only those");

        RetentionLiveFixture.exportChart(gender, folder.resolve("gender-" + language + ".png"));
        screenshots("portrait-" + language);
    }

    private static String genderName(UiText text, String key) {
        return key.equals("unknown") ? text.get("portrait.unknown") : text.get("value.gender." + key);
    }

    /** The window at 1240×800, then at 1920×1080 off screen (the headless screen is too small for it), each checked. */
    private void screenshots(String name) throws Exception {
        fx(() -> {
            stage.setWidth(1240);
            stage.setHeight(800);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "1240x800-" + name);
        assertEquals(List.of(), fx(() -> ViewChecks.findings(stage.getScene().getRoot())), "1240x800");
        ScrollPane results = (ScrollPane) stage.getScene().lookup("#results");
        fx(() -> results.setVvalue(results.getVmax()));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "1240x800-" + name + "-below");
        assertEquals(List.of(), fx(() -> ViewChecks.findings(stage.getScene().getRoot())), "1240x800, scrolled down");
        fx(() -> results.setVvalue(0));
        Scene original = stage.getScene();
        Scene large = fx(() -> {
            Parent root = original.getRoot();
            original.setRoot(new Region());
            Scene offScreen = new Scene(root, 1920, 1080);
            offScreen.getStylesheets().setAll(original.getStylesheets());
            return offScreen;
        });
        WritableImage first = Screenshots.snapshot(large);
        assertTrue(first.getWidth() == 1920);
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(large, "1920x1080-" + name);
        assertEquals(List.of(), fx(() -> ViewChecks.findings(large.getRoot())), "1920x1080");
        fx(() -> {
            Parent root = large.getRoot();
            large.setRoot(new Region());
            original.setRoot(root);
            return null;
        });
    }
}
