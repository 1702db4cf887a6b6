package com.campaignstudio.ui.schedule;

import com.campaignstudio.schedule.Band;
import com.campaignstudio.schedule.Metric;
import com.campaignstudio.schedule.PlanReview;
import com.campaignstudio.ui.common.IntervalPointChart;
import com.campaignstudio.ui.common.UiText;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The review view's charts: two schedules' cumulative reach over time, and each planned post's interval and actual. */
final class ReviewCharts {

    private final UiText text;
    private final ReviewFormats formats;

    ReviewCharts(UiText text, ReviewFormats formats) {
        this.text = text;
        this.formats = formats;
    }

    /** Expected cumulative reach of each schedule, all platforms added, by days from its own start. */
    void showTimelines(LineChart<Number, Number> chart, List<String> names, List<double[]> totals) {
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.setName(names.get(s));
            double[] total = totals.get(s);
            line.getData().add(new XYChart.Data<>(0, 0));
            for (int hour = 0; hour < total.length; hour++) {
                line.getData().add(new XYChart.Data<>((hour + 1) / 24.0, total[hour]));
            }
            series.add(line);
        }
        chart.getData().setAll(series);
    }

    /** Per platform hourly cumulative reach added into one array. */
    static double[] total(Map<String, double[]> byPlatform) {
        int hours = byPlatform.values().stream().mapToInt(values -> values.length).max().orElse(0);
        double[] total = new double[hours];
        for (double[] values : byPlatform.values()) {
            for (int h = 0; h < values.length; h++) {
                total[h] += values[h];
            }
        }
        return total;
    }

    /**
     * One category per planned post (platform, weekday and hour): its 80% interval as a whisker around the predicted
     * mean, and the actual count as a second point where a post was published for it.
     */
    void showPlanVsActual(IntervalPointChart chart, List<PlanReview.Row> rows, Metric metric) {
        XYChart.Series<String, Number> predicted = new XYChart.Series<>();
        predicted.setName(text.get("review.chart.predicted"));
        XYChart.Series<String, Number> actual = new XYChart.Series<>();
        actual.setName(text.get("review.chart.actual"));
        Map<String, double[]> intervals = new LinkedHashMap<>();
        List<String> tips = new ArrayList<>();
        for (PlanReview.Row row : rows) {
            String category = category(row, intervals);
            Band band = row.planned().outcome().get(metric);
            intervals.put(category, new double[]{band.low(), band.high()});
            predicted.getData().add(new XYChart.Data<>(category, band.mean()));
            ReviewTables.PlanRow shown = new ReviewTables.PlanRow(row, metric);
            if (shown.actual() != null) {
                actual.getData().add(new XYChart.Data<>(category, shown.actual()));
                tips.add(text.get("review.chart.tip", category, formats.value(metric, shown.actual()),
                        formats.value(metric, band.mean()), formats.interval(metric, band)));
            }
        }
        chart.getData().setAll(List.of(predicted, actual));
        chart.setIntervals(intervals);
        for (int i = 0; i < actual.getData().size(); i++) {
            if (actual.getData().get(i).getNode() != null) {
                Tooltip.install(actual.getData().get(i).getNode(), new Tooltip(tips.get(i)));
            }
        }
    }

    /** "微博 周一 21:00"; a second post of the same platform and hour gets a number. */
    private String category(PlanReview.Row row, Map<String, double[]> taken) {
        String base = text.platform(row.planned().post().platform()) + " " + formats.shortTime(row.planned().post().at());
        String category = base;
        for (int n = 2; taken.containsKey(category); n++) {
            category = base + " (" + n + ")";
        }
        return category;
    }
}
