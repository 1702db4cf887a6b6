package com.campaignstudio.ui.schedule;

import com.campaignstudio.schedule.SchedulePlan;
import com.campaignstudio.ui.common.UiText;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the suggester may spend: a number of posts per platform (at first as many as the plan has), or hours of work
 * with the hours one post of each format takes.
 */
final class SuggestBudget {

    /** Hours of work a post of each format takes, until the user says otherwise. */
    private static final Map<String, Double> DEFAULT_HOURS = Map.of("video", 3.0, "article", 2.0, "image", 1.0,
            "live", 2.0, "other", 1.0);

    private final UiText text;
    private final GridPane countsGrid;
    private final GridPane hoursGrid;
    private final Map<String, Spinner<Integer>> counts = new LinkedHashMap<>();
    private final Map<String, Spinner<Double>> hours = new LinkedHashMap<>();

    SuggestBudget(UiText text, GridPane countsGrid, GridPane hoursGrid) {
        this.text = text;
        this.countsGrid = countsGrid;
        this.hoursGrid = hoursGrid;
    }

    /** A row per platform and one per format its new posts take ({@code formats}, per platform). */
    void show(List<String> platforms, Map<String, String> formats, SchedulePlan plan) {
        countsGrid.getChildren().clear();
        counts.clear();
        int row = 0;
        for (String platform : platforms) {
            long planned = plan.posts().stream().filter(post -> post.platform().equals(platform)).count();
            Spinner<Integer> spinner = new Spinner<>(0, 24 * 31, (int) planned);
            spinner.setId("count-" + platform);
            spinner.setEditable(true);
            spinner.setPrefWidth(80);
            counts.put(platform, spinner);
            countsGrid.addRow(row++, new Label(text.platform(platform)), spinner);
        }
        hoursGrid.getChildren().clear();
        hours.clear();
        row = 0;
        for (String format : platforms.stream().map(formats::get).distinct().toList()) {
            Spinner<Double> spinner = new Spinner<>(0.25, 40, DEFAULT_HOURS.getOrDefault(format, 1.0), 0.25);
            spinner.setEditable(true);
            spinner.setPrefWidth(90);
            hours.put(format, spinner);
            hoursGrid.addRow(row++, new Label(text.get("value.format." + format)), spinner);
        }
    }

    Map<String, Integer> posts() {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        counts.forEach((platform, spinner) -> wanted.put(platform, spinner.getValue()));
        return wanted;
    }

    Map<String, Double> hoursPerFormat() {
        Map<String, Double> perFormat = new LinkedHashMap<>();
        hours.forEach((format, spinner) -> perFormat.put(format, spinner.getValue()));
        return perFormat;
    }
}
