package com.campaignstudio.ui;

import com.campaignstudio.basket.AssociationRule;
import com.campaignstudio.basket.Audience;
import com.campaignstudio.basket.BasketAnalysis;
import com.campaignstudio.basket.BasketSettings;
import com.campaignstudio.basket.BasketUnit;
import com.campaignstudio.basket.Baskets;
import com.campaignstudio.basket.ItemSimilarity;
import com.campaignstudio.basket.Pitch;
import com.campaignstudio.basket.PitchExport;
import com.campaignstudio.basket.RuleThresholds;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.segments.FactsReader;
import com.campaignstudio.segments.Population;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.segments.SegmentationSettings;
import com.campaignstudio.segments.Segmenter;
import com.campaignstudio.settings.Language;
import com.campaignstudio.text.Reason;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.shell.Section;
import com.campaignstudio.work.TaskContext;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static com.campaignstudio.ui.UiFixture.cell;
import static com.campaignstudio.ui.UiFixture.fx;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Bought together view on the demo project: the rules, the similarity map and pairs, and the pitches the view
 * shows are those {@link BasketAnalysis} and {@link Pitch} give for the same minimums and audience, formatted here as
 * the view is meant to write them; the audience list the view exports is the file {@link PitchExport} writes; and a
 * project without orders says to import them.
 */
@ExtendWith(ApplicationExtension.class)
class BoughtTogetherViewTest {

    private static final RuleThresholds CHOSEN = new RuleThresholds(0.02, 0.2, 1.2);

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

    @Test
    void theRulesAndSimilaritiesShownAreTheDomainsForTheMinimumsSet(FxRobot robot) throws Exception {
        Project project = UiFixture.open(window, demo);
        UiFixture.show(window, Section.BOUGHT_TOGETHER);
        setMinimums(robot, CHOSEN);
        robot.push(KeyCode.F5);
        TableView<?> rules = robot.lookup("#ruleTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !rules.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        BasketAnalysis expected = BasketAnalysis.run(project.database(), new BasketSettings(BasketUnit.CUSTOMER,
                CHOSEN), TaskContext.silent());
        Baskets baskets = expected.baskets();
        assertEquals("Baskets by customer: " + text.integer(baskets.size()) + " customers with "
                + baskets.productCount() + " products, from " + text.integer(baskets.leftOut().paidOrders())
                + " paid orders", label(robot, "#resultTitle"));
        assertEquals(expected.notes().stream().map(Reason::english).collect(Collectors.joining("\n")),
                label(robot, "#stateLabel"), "what was left out");
        assertFalse(expected.notes().isEmpty(), "the demo has refunds to leave out");
        assertEquals(expected.rules().size() + " rules reach the minimums (support 2.0%, confidence 20.0%, lift 1.20), "
                + "strongest lift first. Click a column title to sort by it.", label(robot, "#rulesNote"));
        assertRules(rules, expected.rules(), baskets);

        TableColumn<?, ?> confidence = column(rules, "Confidence");
        assertTrue(confidence.isSortable());
        // What a click on the column's title does. (Headless Monocle reports the mouse release as a popup trigger,
        // which the header ignores, so the click itself cannot be driven here.)
        fx(() -> sortBy(rules, confidence));
        WaitForAsyncUtils.waitForFxEvents();
        List<AssociationRule> byConfidence = expected.rules().stream()
                .sorted(Comparator.comparingDouble(AssociationRule::confidence)).toList();
        assertEquals(byConfidence.stream().map(AssociationRule::confidence).toList(),
                rules.getItems().stream().map(row -> ((Number) valueOf(confidence, row)).doubleValue()).toList(), "sorted by confidence, lowest first, with a click on its title");
        assertEquals(text.percent(byConfidence.getFirst().confidence()), cell(rules, 0, "Confidence"));

        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        fx(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertSimilarity(robot, expected);
        Screenshots.save(stage.getScene(), "basket-similar");
    }

    @Test
    void thePitchToAProductsBuyersIsTheDomainsAndItsAudienceListIsTheFileTheDomainWrites(FxRobot robot)
            throws Exception {
        Project project = UiFixture.open(window, demo);
        BasketAnalysis expected = runDefaults(robot, project);
        Baskets customers = expected.customers();
        String product = customers.product(3);
        showPitchTab(robot);
        choose(robot, "#audienceChoice", 1);
        @SuppressWarnings("unchecked")
        ComboBox<String> products = robot.lookup("#productChoice").queryAs(ComboBox.class);
        fx(() -> products.setValue(product));
        @SuppressWarnings("unchecked")
        Spinner<Integer> each = robot.lookup("#perCustomerSpinner").queryAs(Spinner.class);
        fx(() -> each.getValueFactory().setValue(2));
        robot.clickOn("#pitchButton");
        TableView<?> tally = robot.lookup("#tallyTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !tally.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        Pitch pitch = expected.pitch(Pitch.Score.CONFIDENCE);
        Audience buyers = Audience.buyersOf(customers, product);
        List<Pitch.Suggestion> suggestions = pitch.suggest(buyers.customers(), 2, TaskContext.silent());
        List<Pitch.Tally> tallies = pitch.tally(suggestions);
        long withSuggestion = suggestions.stream().filter(s -> s.rank() == 1).count();
        assertEquals("The " + buyers.customers().length + " buyers of \u201c" + product + "\u201d: " + withSuggestion
                + " have a suggestion, " + (buyers.customers().length - withSuggestion) + " none (scored by the best "
                + "rule\u2019s confidence; a basket is everything a customer bought).", label(robot, "#pitchSummary"));
        assertEquals(tallies.size(), tally.getItems().size());
        List<Executable> checks = new ArrayList<>();
        for (int row = 0; row < tallies.size(); row++) {
            Pitch.Tally t = tallies.get(row);
            int r = row;
            checks.add(() -> assertEquals(customers.product(t.product()), cell(tally, r, "Product to pitch")));
            checks.add(() -> assertEquals(text.integer(t.first()), cell(tally, r, "Best pitch for")));
            checks.add(() -> assertEquals(text.integer(t.suggested()), cell(tally, r, "Suggested to")));
            checks.add(() -> assertEquals(String.format(Locale.US, "%.3f", t.meanScore()), cell(tally, r, "Mean score")));
        }
        assertAll("products to pitch", checks);
        Screenshots.save(stage.getScene(), "basket-pitch");

        Path exported = folder.resolve("audience-from-the-view.csv");
        Path reference = folder.resolve("audience-from-the-domain.csv");
        List<String> asked = new ArrayList<>();
        window.useFileQuestions((chooser, kind, owner) -> {
            asked.add(kind + " " + chooser.getInitialFileName());
            return exported.toFile();
        });
        robot.clickOn("#exportButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !label(robot, "#exportNote").isEmpty());
        assertEquals(List.of("SAVE audience-next-product.csv"), asked);
        long rows = PitchExport.write(customers, suggestions, reference);
        assertEquals(rows + " rows written to " + exported, label(robot, "#exportNote"));
        assertArrayEquals(Files.readAllBytes(reference), Files.readAllBytes(exported),
                "the audience list is the domain's, byte for byte");
    }

    @Test
    void aCustomerGetsTheirSuggestionsWithWhatTheyComeFromAndAnUnknownReferenceIsExplained(FxRobot robot)
            throws Exception {
        Project project = UiFixture.open(window, demo);
        BasketAnalysis expected = runDefaults(robot, project);
        Baskets customers = expected.customers();
        Pitch pitch = expected.pitch(Pitch.Score.COSINE);
        int customer = 0;
        while (pitch.suggest(new int[]{customer}, 3, TaskContext.silent()).size() < 2) {
            customer++;
        }
        String ref = customers.ref(customer);
        List<Pitch.Suggestion> suggestions = pitch.suggest(new int[]{customer}, 3, TaskContext.silent());
        showPitchTab(robot);
        choose(robot, "#audienceChoice", 0);
        choose(robot, "#scoreChoice", 1);
        fx(() -> robot.lookup("#customerField").queryAs(TextField.class).setText(ref));
        robot.clickOn("#pitchButton");
        TableView<?> table = robot.lookup("#suggestionTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == suggestions.size());
        WaitForAsyncUtils.waitForFxEvents();

        String bought = Arrays.stream(customers.items(customer)).mapToObj(customers::product)
                .collect(Collectors.joining(", "));
        assertEquals("Customer " + ref + " bought " + bought + "; next to pitch, scored by cosine over customers:",
                label(robot, "#pitchSummary"));
        List<Executable> checks = new ArrayList<>();
        for (int row = 0; row < suggestions.size(); row++) {
            Pitch.Suggestion s = suggestions.get(row);
            int r = row;
            checks.add(() -> assertEquals(Integer.toString(s.rank()), cell(table, r, "Rank")));
            checks.add(() -> assertEquals(customers.product(s.product()), cell(table, r, "Product to pitch")));
            checks.add(() -> assertEquals(String.format(Locale.US, "%.3f", s.score()), cell(table, r, "Score")));
            checks.add(() -> assertEquals(Arrays.stream(s.because()).mapToObj(customers::product)
                    .collect(Collectors.joining(" + ")), cell(table, r, "Because they bought")));
            checks.add(() -> assertEquals(text.integer(s.evidence()), cell(table, r, "Customers behind it")));
        }
        assertAll("suggestions", checks);

        fx(() -> robot.lookup("#customerField").queryAs(TextField.class).setText("nobody-" + ref));
        robot.clickOn("#pitchButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !label(robot, "#problemLabel").isEmpty());
        assertEquals(Reason.of("basket.error.unknownCustomer", "nobody-" + ref).english(), label(robot, "#problemLabel"));
    }

    @Test
    void aSavedSegmentIsPitchedToItsCustomers(FxRobot robot) throws Exception {
        Project project = UiFixture.open(window, demo);
        Segmentation segmentation = new SegmentStore(project.database()).save(Segmenter.segment(
                new FactsReader(project.database()).read(Population.everyone(), TaskContext.silent()),
                SegmentationSettings.defaults("By value", 3), TaskContext.silent()));
        BasketAnalysis expected = runDefaults(robot, project);
        showPitchTab(robot);
        choose(robot, "#audienceChoice", 2);
        ComboBox<?> segments = robot.lookup("#segmentChoice").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> segments.getItems().size() == 3);
        robot.clickOn("#pitchButton");
        TableView<?> tally = robot.lookup("#tallyTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !tally.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        Baskets customers = expected.customers();
        Audience audience = Audience.segment(project.database(), customers, segmentation.id(), 1);
        Pitch pitch = expected.pitch(Pitch.Score.CONFIDENCE);
        List<Pitch.Suggestion> suggestions = pitch.suggest(audience.customers(), 3, TaskContext.silent());
        List<Pitch.Tally> tallies = pitch.tally(suggestions);
        assertEquals(tallies.stream().map(t -> customers.product(t.product())).toList(),
                tally.getItems().stream().map(row -> String.valueOf(valueOf(column(tally, "Product to pitch"), row)))
                        .toList());
        String first = segmentation.profiles().getFirst().name();
        assertTrue(label(robot, "#pitchSummary").startsWith("The " + audience.customers().length + " customers of \u201c"
                + first + "\u201d in \u201cBy value\u201d: "), label(robot, "#pitchSummary"));
    }

    @Test
    void aProjectWithoutOrdersSaysToImportThemAndOffersTheImport(FxRobot robot) throws Exception {
        Path empty = folder.resolve("empty.campaign");
        Project.create(ProjectLocations.under(folder.resolve("maker")), empty, ZoneId.of("Asia/Shanghai")).close();
        UiFixture.open(window, empty);
        UiFixture.show(window, Section.BOUGHT_TOGETHER);
        Button importButton = robot.lookup("#importButton").queryButton();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, importButton::isVisible);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(text.get("basket.noOrders"), label(robot, "#stateLabel"));
        assertTrue(robot.lookup("#runButton").queryButton().isDisabled(), "nothing to run on");
        assertEquals("Import data\u2026", importButton.getText());
        assertFalse(robot.lookup("#tabs").query().isVisible(), "no empty tables that ask for a run");
        Screenshots.save(stage.getScene(), "basket-no-orders");
    }

    private BasketAnalysis runDefaults(FxRobot robot, Project project) throws Exception {
        UiFixture.show(window, Section.BOUGHT_TOGETHER);
        robot.push(KeyCode.F5);
        TableView<?> rules = robot.lookup("#ruleTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !rules.getItems().isEmpty());
        return BasketAnalysis.run(project.database(), BasketSettings.defaults(), TaskContext.silent());
    }

    /** Every rule in the domain's order: products, shares, lift and counts; the first rows also as shown. */
    private void assertRules(TableView<?> table, List<AssociationRule> expected, Baskets baskets) throws Exception {
        assertEquals(expected.size(), table.getItems().size());
        List<Executable> checks = new ArrayList<>();
        for (int row = 0; row < expected.size(); row++) {
            AssociationRule rule = expected.get(row);
            Object shown = table.getItems().get(row);
            String antecedent = Arrays.stream(rule.antecedent()).mapToObj(baskets::product)
                    .collect(Collectors.joining(" + "));
            checks.add(() -> assertEquals(List.of(antecedent, baskets.product(rule.consequent()), rule.support(),
                    rule.confidence(), rule.lift(), rule.count(), rule.antecedentCount(), rule.consequentCount()),
                    table.getColumns().stream().map(c -> valueOf(c, shown)).toList()));
        }
        for (int row = 0; row < 3; row++) {
            AssociationRule rule = expected.get(row);
            int r = row;
            checks.add(() -> assertEquals(text.percent(rule.support()), cell(table, r, "Support")));
            checks.add(() -> assertEquals(text.percent(rule.confidence()), cell(table, r, "Confidence")));
            checks.add(() -> assertEquals(String.format(Locale.US, "%.2f", rule.lift()), cell(table, r, "Lift")));
            checks.add(() -> assertEquals(text.integer(rule.count()), cell(table, r, "With both")));
            checks.add(() -> assertEquals(text.integer(rule.antecedentCount()), cell(table, r, "With \u201cif\u201d")));
            checks.add(() -> assertEquals(text.integer(rule.consequentCount()), cell(table, r, "With \u201cthen\u201d")));
        }
        assertAll("rules", checks);
    }

    /** The map: each product's row, each pair's cosine and counts; the table of the most alike pairs. */
    private void assertSimilarity(FxRobot robot, BasketAnalysis expected) throws Exception {
        ItemSimilarity similarity = expected.similarity();
        Baskets customers = expected.customers();
        int[] order = java.util.stream.IntStream.range(0, customers.productCount()).boxed()
                .sorted(Comparator.comparingLong(similarity::buyers).reversed().thenComparingInt(p -> p))
                .mapToInt(Integer::intValue).toArray();
        GridPane map = robot.lookup("#similarityGrid").queryAs(GridPane.class);
        List<Executable> checks = new ArrayList<>();
        for (int r = 0; r < order.length; r++) {
            int a = order[r];
            String name = (r + 1) + "  " + customers.product(a);
            int row = r + 1;
            checks.add(() -> assertEquals(name, ((Label) at(map, 0, row)).getText()));
            for (int c = 0; c < order.length; c++) {
                int b = order[c];
                Label cell = (Label) at(map, c + 1, row);
                if (a == b) {
                    checks.add(() -> assertEquals("\u2013", cell.getText()));
                } else {
                    String cosine = String.format(Locale.US, "%.2f", similarity.cosine(a, b));
                    String tip = customers.product(a) + " and " + customers.product(b) + ": "
                            + text.integer(similarity.both(a, b)) + " customers bought both; cosine " + cosine;
                    checks.add(() -> assertEquals(cosine, cell.getText()));
                    checks.add(() -> assertEquals(tip, cell.getTooltip().getText()));
                }
            }
        }
        TableView<?> pairs = robot.lookup("#pairTable").queryAs(TableView.class);
        List<ItemSimilarity.Pair> expectedPairs = similarity.mostSimilar(100, CHOSEN.minSupport());
        checks.add(() -> assertEquals(expectedPairs.size(), pairs.getItems().size()));
        for (int row = 0; row < Math.min(5, expectedPairs.size()); row++) {
            ItemSimilarity.Pair pair = expectedPairs.get(row);
            int r = row;
            checks.add(() -> assertEquals(customers.product(pair.first()), cell(pairs, r, "Product")));
            checks.add(() -> assertEquals(customers.product(pair.second()), cell(pairs, r, "Other product")));
            checks.add(() -> assertEquals(text.integer(pair.both()), cell(pairs, r, "Bought both")));
            checks.add(() -> assertEquals(String.format(Locale.US, "%.3f", pair.cosine()), cell(pairs, r, "Cosine")));
        }
        assertAll("similarity", checks);
    }

    @SuppressWarnings("unchecked")
    private static void setMinimums(FxRobot robot, RuleThresholds minimums) throws Exception {
        Spinner<Double> support = robot.lookup("#supportSpinner").queryAs(Spinner.class);
        Spinner<Double> confidence = robot.lookup("#confidenceSpinner").queryAs(Spinner.class);
        Spinner<Double> lift = robot.lookup("#liftSpinner").queryAs(Spinner.class);
        fx(() -> {
            support.getValueFactory().setValue(minimums.minSupport() * 100);
            confidence.getValueFactory().setValue(minimums.minConfidence() * 100);
            lift.getValueFactory().setValue(minimums.minLift());
        });
    }

    private static void showPitchTab(FxRobot robot) throws Exception {
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        fx(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void choose(FxRobot robot, String id, int index) throws Exception {
        ComboBox<?> choice = robot.lookup(id).queryAs(ComboBox.class);
        fx(() -> choice.getSelectionModel().select(index));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void sortBy(TableView table, TableColumn column) {
        table.getSortOrder().setAll(column);
    }

    private static TableColumn<?, ?> column(TableView<?> table, String title) {
        return table.getColumns().stream().filter(c -> title.equals(c.getText())).findFirst().orElseThrow();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object valueOf(TableColumn column, Object row) {
        Object value = column.getCellObservableValue(row).getValue();
        return value instanceof Number number && !(value instanceof Long) && !(value instanceof Double)
                ? number.longValue() : value;
    }

    private static Node at(GridPane grid, int column, int row) {
        return grid.getChildren().stream().filter(node -> GridPane.getColumnIndex(node) != null
                && GridPane.getColumnIndex(node) == column && GridPane.getRowIndex(node) == row
                && (GridPane.getColumnSpan(node) == null || GridPane.getColumnSpan(node) == 1)
                && (GridPane.getRowSpan(node) == null || GridPane.getRowSpan(node) == 1)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing at " + column + ", " + row));
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
