package com.campaignstudio.ui;

import com.campaignstudio.project.Project;
import com.campaignstudio.segments.Propensity;
import com.campaignstudio.segments.SegmentProfile;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.segments.SegmentationSettings;
import com.campaignstudio.segments.Segmenter;
import com.campaignstudio.settings.Language;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.shell.Section;
import com.campaignstudio.work.TaskContext;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.campaignstudio.ui.UiFixture.cell;
import static com.campaignstudio.ui.UiFixture.fx;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figures the Segments view shows are those the domain computes: a segmentation run from the view with its
 * default settings is run again here with {@link SegmentationSettings#defaults}, and every figure of the profile
 * table, the size pie, the profile bars and the map is compared, formatted as the view formats it. Propensity,
 * trained by the view, is read back through {@link SegmentStore} and its segment means worked out here.
 */
@ExtendWith(ApplicationExtension.class)
class SegmentsValuesTest {

    @TempDir
    static Path folder;
    static Path demo;
    private final UiText text = new UiText(Locale.ENGLISH);
    private MainWindow window;

    @BeforeAll
    static void makeDemo() throws Exception {
        System.setProperty("campaignstudio.home", folder.resolve("home").toString());
        demo = UiFixture.makeDemo(folder);
    }

    @Start
    void start(Stage stage) throws Exception {
        window = TestWindows.show(stage, folder.resolve("home"), Language.ENGLISH, false);
    }

    @AfterEach
    void closeProject() throws Exception {
        UiFixture.closeQuietly(window);
    }

    @Test
    void aDefaultRunShowsTheFiguresTheSegmenterComputesAndTheStoreKeeps(FxRobot robot) throws Exception {
        Project project = UiFixture.open(window, demo);
        UiFixture.show(window, Section.SEGMENTS);
        robot.push(KeyCode.F5);
        @SuppressWarnings("unchecked")
        TableView<SegmentProfile> profiles = robot.lookup("#profileTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> profiles.getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();

        Segmentation expected = new Segmenter(project.database()).run(SegmentationSettings.defaults("expected", 4),
                TaskContext.silent());
        assertEquals(4, expected.k());
        assertProfileTable(profiles, expected.profiles());
        assertSizePie(robot.lookup("#sizeChart").queryAs(PieChart.class), expected);
        assertProfileBars(robot.lookup("#profileChart").queryAs(BarChart.class), expected);
        assertMap(robot.lookup("#mapChart").queryAs(ScatterChart.class), expected);
        String title = robot.lookup("#resultTitle").queryAs(Label.class).getText();
        assertTrue(title.contains(": " + text.integer(expected.followerIds().length) + " followers in 4 segments, as of "
                + expected.asOf().toLocalDate()), title);

        // Propensity, trained by the view and kept in the project: the table adds each segment's mean score.
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        fx(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#propensityButton");
        LineChart<?, ?> gains = robot.lookup("#gainsChart").queryAs(LineChart.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> gains.getData().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        SegmentStore store = new SegmentStore(project.database());
        long id = store.list().getFirst().id();
        Propensity propensity = store.propensity(id).orElseThrow();
        assertGains(gains, propensity.summary());
        String label = robot.lookup("#propensityLabel").queryAs(Label.class).getText();
        assertTrue(label.contains("hold-out AUC " + String.format("%.3f", propensity.summary().forestAuc())
                + " (random forest) against " + String.format("%.3f", propensity.summary().logisticAuc())), label);
        fx(() -> tabs.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        List<SegmentProfile> withMeans = propensity.profilesWithMeans(expected);
        assertProfileTable(profiles, withMeans);

        // Opened again from the project: the stored profiles show the same figures.
        ListView<?> saved = robot.lookup("#savedList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> saved.getItems().size() == 1);
        fx(() -> {
            profiles.getItems().clear();
            saved.getSelectionModel().selectFirst();
        });
        // Below the fold of the scrolling side panel: fired, as the keyboard would, rather than clicked.
        javafx.scene.control.Button open = robot.lookup("#openButton").queryButton();
        fx(open::fire);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> profiles.getItems().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertProfileTable(profiles, withMeans);
        assertSizePie(robot.lookup("#sizeChart").queryAs(PieChart.class), expected);
        assertProfileBars(robot.lookup("#profileChart").queryAs(BarChart.class), expected);
    }

    /** Every figure of every row, as the table formats it. */
    private void assertProfileTable(TableView<SegmentProfile> table, List<SegmentProfile> expected) throws Exception {
        assertEquals(expected.size(), table.getItems().size());
        List<Executable> checks = new ArrayList<>();
        for (int row = 0; row < expected.size(); row++) {
            SegmentProfile p = expected.get(row);
            checks.add(check(table, row, "segments.col.name", p.name()));
            checks.add(check(table, row, "segments.col.potential", text.get("segments.potential." + p.potential().key())));
            checks.add(check(table, row, "segments.col.size", text.integer(p.size())));
            checks.add(check(table, row, "segments.col.share", percent(p.share())));
            checks.add(check(table, row, "segments.col.revenueShare", percent(p.revenueShare())));
            checks.add(check(table, row, "segments.col.buyers", percent(p.buyerShare())));
            checks.add(check(table, row, "segments.col.revenuePerMember", text.yuan(p.revenuePerMember())));
            checks.add(check(table, row, "segments.col.engagement", String.format("%.2f", p.meanEngagement())));
            checks.add(check(table, row, "segments.col.activity", String.format("%.2f", p.activityIndex())));
            checks.add(check(table, row, "segments.col.propensity", percent(p.meanPropensity())));
        }
        assertAll("profile table", checks);
    }

    private Executable check(TableView<?> table, int row, String column, String expected) throws Exception {
        String title = text.get(column);
        String shown = cell(table, row, title);
        return () -> assertEquals(expected, shown, "row " + row + ", " + title);
    }

    /** A slice per segment, as large as the segment, named with its share. */
    private void assertSizePie(PieChart pie, Segmentation expected) {
        assertEquals(expected.k(), pie.getData().size());
        List<Executable> checks = new ArrayList<>();
        for (int g = 0; g < expected.k(); g++) {
            SegmentProfile p = expected.profiles().get(g);
            PieChart.Data slice = pie.getData().get(g);
            checks.add(() -> assertEquals(p.name() + " " + text.percent(p.share()), slice.getName()));
            checks.add(() -> assertEquals(p.size(), slice.getPieValue(), 0.0, slice.getName()));
        }
        assertAll("size pie", checks);
    }

    /** A series per segment, a bar per feature at the segment's standardised mean of it. */
    private void assertProfileBars(BarChart<?, ?> chart, Segmentation expected) {
        assertEquals(expected.k(), chart.getData().size());
        List<Executable> checks = new ArrayList<>();
        for (int g = 0; g < expected.k(); g++) {
            SegmentProfile p = expected.profiles().get(g);
            XYChart.Series<?, ?> series = chart.getData().get(g);
            Map<Object, Number> bars = new HashMap<>();
            series.getData().forEach(bar -> bars.put(bar.getYValue(), (Number) bar.getXValue()));
            checks.add(() -> assertEquals(p.name(), series.getName()));
            checks.add(() -> assertEquals(expected.columns().size(), bars.size(), "a bar per feature"));
            for (int j = 0; j < expected.columns().size(); j++) {
                String feature = text.get("feature." + expected.columns().get(j));
                double mean = p.standardisedMeans().get(j);
                checks.add(() -> {
                    assertNotNull(bars.get(feature), p.name() + ": no bar for " + feature);
                    assertEquals(mean, bars.get(feature).doubleValue(), 1e-9, p.name() + ", " + feature);
                });
            }
        }
        assertAll("profile bars", checks);
    }

    /** The sampled followers on the first two principal components, each in its segment's series. */
    private void assertMap(ScatterChart<?, ?> map, Segmentation expected) {
        assertEquals(expected.k(), map.getData().size());
        if (expected.scatter() == null) {
            map.getData().forEach(series -> assertTrue(series.getData().isEmpty(), "no map without OpenBLAS"));
            return;
        }
        var scatter = expected.scatter();
        List<Executable> checks = new ArrayList<>();
        for (int g = 0; g < expected.k(); g++) {
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < scatter.x().length; i++) {
                if (scatter.segment()[i] == g) {
                    points.add(new double[]{scatter.x()[i], scatter.y()[i]});
                }
            }
            List<? extends XYChart.Data<?, ?>> shown = map.getData().get(g).getData();
            int segment = g;
            checks.add(() -> {
                assertEquals(points.size(), shown.size(), "points of segment " + segment);
                for (int i = 0; i < points.size(); i++) {
                    assertEquals(points.get(i)[0], ((Number) shown.get(i).getXValue()).doubleValue(), 1e-9);
                    assertEquals(points.get(i)[1], ((Number) shown.get(i).getYValue()).doubleValue(), 1e-9);
                }
            });
        }
        assertAll("map", checks);
    }

    /** The model's cumulative gains and the random line, in percent, by tenth of followers. */
    private static void assertGains(LineChart<?, ?> gains, Propensity.Summary summary) {
        List<Propensity.Gain> expected = summary.gains();
        List<? extends XYChart.Data<?, ?>> model = gains.getData().get(0).getData();
        List<? extends XYChart.Data<?, ?>> random = gains.getData().get(1).getData();
        assertEquals(expected.size(), model.size());
        for (int i = 0; i < expected.size(); i++) {
            Propensity.Gain gain = expected.get(i);
            assertEquals(gain.fraction() * 100, ((Number) model.get(i).getXValue()).doubleValue(), 1e-9);
            assertEquals(gain.captured() * 100, ((Number) model.get(i).getYValue()).doubleValue(), 1e-9);
            assertEquals(gain.fraction() * 100, ((Number) random.get(i).getYValue()).doubleValue(), 1e-9);
        }
    }

    /** A share as the table shows it; an unknown one as a dash. */
    private String percent(double share) {
        return Double.isNaN(share) ? "\u2013" : text.percent(share);
    }
}
