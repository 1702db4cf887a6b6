package com.campaignstudio.ui;

import com.campaignstudio.experiments.ExperimentAnalysis;
import com.campaignstudio.experiments.ExperimentSetup;
import com.campaignstudio.experiments.ProjectVariants;
import com.campaignstudio.experiments.Variant;
import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.snapshot.ActivitySnapshot;
import com.campaignstudio.snapshot.SnapshotReader;
import com.campaignstudio.work.TaskContext;
import com.campaignstudio.project.Project;
import com.campaignstudio.settings.Language;
import com.campaignstudio.text.Reason;
import com.campaignstudio.ui.common.LatinWords;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.shell.Section;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static com.campaignstudio.ui.UiFixture.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Fill from project" in the Compare tab, driven as a person would on the demo project: the dialog opened, two
 * campaigns ticked with the keyboard (the always-on campaign first, as the control), a first and last day typed, and
 * the grid then holds exactly what {@link ProjectVariants} counts for the same choice, with its notes; Run reads those
 * counts. The demo's promotion campaigns have no spend rows of their own, so the test gives the first one the last
 * ten days of the demo's spend (one with unknown clicks). In Chinese (on the demo made with Chinese names) the dialog, for either source,
 * and the filled tab show no English.
 */
@ExtendWith(ApplicationExtension.class)
class ExperimentsFillViewTest {

    @TempDir
    static Path folder;
    static Path demo;
    static Path chineseDemo;
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void makeDemo() throws Exception {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
        demo = UiFixture.makeDemo(folder);
        chineseDemo = folder.resolve("demo-zh.campaign");
        DemoProjects.write(ProjectLocations.under(folder.resolve("maker-zh")), chineseDemo, DemoSize.SMALL, 11L,
                Locale.SIMPLIFIED_CHINESE, TaskContext.silent());
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
    void fillingFromTwoCampaignsPutsTheDomainsCountsInTheGridAndRunReadsThem(FxRobot robot) throws Exception {
        Project project = openExperiments(Language.ENGLISH, demo);
        LocalDate promotionStart = giveThePromotionSpend(project);
        List<ProjectVariants.Item> campaigns = ProjectVariants.campaigns(project.database());
        ProjectVariants.Item alwaysOn = campaign(project, 1, campaigns);
        ProjectVariants.Item promotion = campaign(project, 2, campaigns);
        ProjectVariants.Days days = new ProjectVariants.Days(Optional.of(promotionStart.minusDays(3)),
                Optional.of(promotionStart.plusDays(8)));

        DialogPane pane = openFill(robot);
        tick(robot, pane, campaigns.indexOf(alwaysOn));
        tick(robot, pane, campaigns.indexOf(promotion));
        typeDay(robot, pane, "#fromDay", days.from().orElseThrow());
        typeDay(robot, pane, "#toDay", days.to().orElseThrow());
        fill(pane, "Fill");

        ProjectVariants.Counted expected = ProjectVariants.fromCampaigns(project.database(),
                List.of(alwaysOn, promotion), days);
        assertEquals(Reason.of("experiment.project.note.unknownCounts", promotion.name(), 1, 9),
                expected.notes().getLast(), "the promotion's rows of the first 9 days, one with unknown clicks");
        assertGrid(robot, expected.variants());
        assertEquals(expected.notes().stream().map(Reason::english).collect(Collectors.joining("\n"))
                + "\n" + new UiText(Locale.ENGLISH).get("experiments.fill.splitNote"), label(robot, "#fillNotesLabel"));

        robot.push(KeyCode.F5);
        TableView<?> arms = robot.lookup("#armTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> arms.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        ExperimentAnalysis.Analysis analysis = ExperimentAnalysis.analyse(new ExperimentSetup(expected.variants(),
                expected.variants().stream().map(variant -> (double) variant.visitors()).toList(), Optional.empty(), 1));
        assertEquals(List.of(), analysis.warnings(), "no sample ratio warning for groups nobody split");
        assertEquals("", label(robot, "#warningsLabel"));
        assertEquals(analysis.arms(), List.copyOf(arms.getItems()), "Run reads the filled counts");
        look("experiments-fill-en");
    }

    @Test
    void fillingFromTheTwoMostViewedPostsWithAWindowTypedPutsTheDomainsCountsInTheGrid(FxRobot robot)
            throws Exception {
        Project project = openExperiments(Language.ENGLISH, demo);
        ActivitySnapshot snapshot = SnapshotReader.read(project.database(), TaskContext.silent());
        List<ProjectVariants.Item> posts = ProjectVariants.posts(project.database());
        List<ProjectVariants.Item> mostViewed = mostViewed(snapshot, posts);

        DialogPane pane = openFill(robot);
        @SuppressWarnings("unchecked")
        ComboBox<ProjectVariants.Source> source = (ComboBox<ProjectVariants.Source>) pane.lookup("#sourceChoice");
        fx(() -> source.setValue(ProjectVariants.Source.LANDING_POSTS));
        tick(robot, pane, posts.indexOf(mostViewed.get(0)));
        tick(robot, pane, posts.indexOf(mostViewed.get(1)));
        TextField window = (TextField) pane.lookup("#windowField");
        robot.clickOn(window);
        fx(window::selectAll);
        robot.write("3");
        Screenshots.save(pane.getScene(), "experiments-fill-dialog-en");
        fill(pane, "Fill");

        ProjectVariants.Counted expected = ProjectVariants.fromPosts(snapshot, mostViewed, ProjectVariants.Days.ALL,
                new ProjectVariants.PostCounting(ProjectVariants.PostCounting.VIEW, 3), Optional.empty(),
                TaskContext.silent());
        assertGrid(robot, expected.variants());
        assertEquals(expected.notes().stream().map(Reason::english).collect(Collectors.joining("\n"))
                + "\n" + new UiText(Locale.ENGLISH).get("experiments.fill.splitNote"), label(robot, "#fillNotesLabel"));
        assertTrue(expected.notes().getFirst().arguments().contains("3"), "the window typed: " + expected.notes());
    }

    /** The two posts with the most view events, most viewed first. */
    private static List<ProjectVariants.Item> mostViewed(ActivitySnapshot snapshot, List<ProjectVariants.Item> posts) {
        int view = snapshot.kindCode(ProjectVariants.PostCounting.VIEW);
        java.util.Map<Long, Long> views = new java.util.HashMap<>();
        for (int e = 0; e < snapshot.events(); e++) {
            if (snapshot.eventKind()[e] == view && snapshot.eventPost()[e] != ActivitySnapshot.NONE) {
                views.merge((long) snapshot.eventPost()[e], 1L, Long::sum);
            }
        }
        return posts.stream().sorted(java.util.Comparator.comparingLong(
                (ProjectVariants.Item post) -> views.getOrDefault(post.id(), 0L)).reversed()).limit(2).toList();
    }

    @Test
    void inChineseTheDialogAndTheFilledTabShowNoEnglishAndARefusalStaysInTheDialog(FxRobot robot) throws Exception {
        Project project = openExperiments(Language.SIMPLIFIED_CHINESE, chineseDemo);
        giveThePromotionSpend(project);
        List<ProjectVariants.Item> campaigns = ProjectVariants.campaigns(project.database());
        List<String> english = new ArrayList<>();

        DialogPane pane = openFill(robot);
        tick(robot, pane, campaigns.indexOf(campaign(project, 1, campaigns)));
        fill(pane, "填入");
        Label problem = (Label) pane.lookup("#problemLabel");
        assertEquals(new UiText(Locale.SIMPLIFIED_CHINESE).get("experiment.project.error.tooFew", 1),
                problem.getText(), "one ticked is refused in the dialog, which stays open");
        assertTrue(pane.getScene().getWindow().isShowing());
        english.addAll(englishShown(pane, "the dialog, campaigns"));
        @SuppressWarnings("unchecked")
        ComboBox<ProjectVariants.Source> source = (ComboBox<ProjectVariants.Source>) pane.lookup("#sourceChoice");
        fx(() -> source.setValue(ProjectVariants.Source.LANDING_POSTS));
        WaitForAsyncUtils.waitForFxEvents();
        english.addAll(englishShown(pane, "the dialog, posts"));
        Screenshots.save(pane.getScene(), "experiments-fill-dialog-zh");
        fx(() -> source.setValue(ProjectVariants.Source.CAMPAIGNS));
        tick(robot, pane, campaigns.indexOf(campaign(project, 2, campaigns)));
        fill(pane, "填入");

        ProjectVariants.Counted expected = ProjectVariants.fromCampaigns(project.database(),
                List.of(campaign(project, 1, campaigns), campaign(project, 2, campaigns)), ProjectVariants.Days.ALL);
        assertGrid(robot, expected.variants());
        english.addAll(englishShown(stage.getScene().getRoot(), "the filled tab"));
        look("experiments-fill-zh");
        assertEquals(List.of(), english);
    }

    private Project openExperiments(Language language, Path file) throws Exception {
        fx(() -> {
            window = TestWindows.show(stage, folder.resolve("home-" + language), language, false);
            return null;
        });
        Project project = UiFixture.open(window, file);
        UiFixture.show(window, Section.EXPERIMENTS);
        return project;
    }

    /**
     * Ten days of spend for campaign 2, the last ten of the demo's spend, the fourth with unknown clicks (the demo
     * pays all its spend from the always-on campaign 1); returns the first day.
     */
    private static LocalDate giveThePromotionSpend(Project project) throws Exception {
        return project.database().transaction(connection -> {
            LocalDate start;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT MAX(spent_on) FROM spend"); ResultSet row = query.executeQuery()) {
                row.next();
                start = row.getDate(1).toLocalDate().minusDays(9);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO spend (spent_on, platform_id, "
                    + "campaign_id, amount, clicks, conversions) VALUES (?, 3, 2, 500, ?, ?)")) {
                for (int day = 0; day < 10; day++) {
                    insert.setDate(1, Date.valueOf(start.plusDays(day)));
                    insert.setObject(2, day == 3 ? null : 200L + 17L * day);
                    insert.setLong(3, 4L + day % 5);
                    insert.executeUpdate();
                }
            }
            return start;
        });
    }

    private static ProjectVariants.Item campaign(Project project, long id, List<ProjectVariants.Item> campaigns) {
        return campaigns.stream().filter(item -> item.id() == id).findFirst().orElseThrow();
    }

    private DialogPane openFill(FxRobot robot) throws Exception {
        robot.clickOn("#fillButton");
        DialogPane pane = UiFixture.dialog(robot, stage);
        ListView<?> items = (ListView<?>) pane.lookup("#itemList");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !items.getItems().isEmpty());
        return pane;
    }

    /** Moves the list's focus to row {@code index} and presses Space, as a keyboard user would. */
    private static void tick(FxRobot robot, DialogPane pane, int index) throws Exception {
        ListView<?> items = (ListView<?>) pane.lookup("#itemList");
        fx(() -> {
            items.requestFocus();
            items.getSelectionModel().clearAndSelect(index);
            items.getFocusModel().focus(index);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types a day into a picker and leaves it with Tab. */
    private static void typeDay(FxRobot robot, DialogPane pane, String id, LocalDate day) throws Exception {
        DatePicker picker = (DatePicker) pane.lookup(id);
        robot.clickOn(picker.getEditor());
        robot.write(day.toString());
        robot.push(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(day, picker.getValue(), id);
    }

    private static void fill(DialogPane pane, String button) throws Exception {
        fx(UiFixture.button(pane, button)::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Waits until the grid holds the counted variants, then compares every field. Looked up on the FX thread: the grid
     * is rebuilt there when the counts arrive, and a lookup from the test thread could walk it half rebuilt.
     */
    private static void assertGrid(FxRobot robot, List<Variant> expected) throws Exception {
        String lastConversions = "#variantConversions" + (expected.size() - 1);
        String last = Long.toString(expected.getLast().conversions());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> robot.lookup(lastConversions)
                .tryQueryAs(TextField.class).map(f -> last.equals(f.getText())).orElse(false)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> robot.lookup("#variantName" + expected.size()).tryQuery().isEmpty()),
                "no more rows than variants");
        for (int row = 0; row < expected.size(); row++) {
            Variant variant = expected.get(row);
            assertEquals(variant.name(), field(robot, "#variantName" + row));
            assertEquals(Long.toString(variant.visitors()), field(robot, "#variantVisitors" + row));
            assertEquals(Long.toString(variant.conversions()), field(robot, "#variantConversions" + row));
            assertEquals(Long.toString(variant.visitors()), field(robot, "#variantShare" + row),
                    "the split is the visitors counted");
        }
    }

    private static String field(FxRobot robot, String id) throws Exception {
        return fx(() -> robot.lookup(id).queryAs(TextField.class).getText());
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** English words shown under {@code root}: the Chinese demo's names are Chinese too. */
    private static List<String> englishShown(Parent root, String context) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        ShownText shown = new ShownText(column -> false, node -> false);
        List<String> english = new ArrayList<>();
        for (ShownText.Piece piece : fx(() -> shown.collect(root, context))) {
            if (!LatinWords.in(piece.text()).isEmpty()) {
                english.add(LatinWords.in(piece.text()) + " in " + piece);
            }
        }
        return english;
    }

    private void look(String name) throws Exception {
        fx(() -> {
            stage.setWidth(1240);
            stage.setHeight(800);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.snapshot(stage.getScene());
        Screenshots.save(stage.getScene(), name + "-1240x800");
    }
}
