package com.campaignstudio.ui.portrait;

import com.campaignstudio.portrait.ActiveHours;
import com.campaignstudio.portrait.Distribution;
import com.campaignstudio.portrait.Share;
import com.campaignstudio.portrait.Trait;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.schedule.SlotHeatMap;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import javafx.util.StringConverter;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Fills the portrait's charts: one bar per value and group (shares, so that groups of any size compare), the values
 * in their bands' order or from the most common down, "unknown" last; the hours as a weekday × hour heat map.
 */
final class PortraitCharts {

    /** Regions and products beyond these many are left to the table and the export. */
    static final int TOP = 10;
    private static final String UNKNOWN = "unknown";
    /** Most steps on a share axis, and the steps it may take. */
    private static final int TICKS = 4;
    private static final double[] STEPS = {0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25};

    /** A group's distribution of one trait, with the group's name as the chart's legend shows it. */
    record Named(String name, Distribution distribution) {
    }

    private final UiText text;
    private final TraitText names;

    PortraitCharts(UiText text, TraitText names) {
        this.text = text;
        this.names = names;
    }

    /** A chart with the values as categories across and shares up. */
    void columns(BarChart<String, Number> chart, Trait trait, List<Named> groups) {
        percentAxis((NumberAxis) chart.getYAxis(), highest(trait, groups));
        List<XYChart.Series<String, Number>> all = new ArrayList<>();
        for (Named group : groups) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(group.name());
            for (String key : keys(trait, groups)) {
                XYChart.Data<String, Number> bar = new XYChart.Data<>(names.value(trait, key),
                        group.distribution().share(key));
                tip(bar, group, trait, key);
                series.getData().add(bar);
            }
            all.add(series);
        }
        chart.getData().setAll(all);
        // One legend above all the charts says which colour is which group.
        chart.setLegendVisible(false);
    }

    /**
     * A chart with the values down the side (their names stay level and whole): bands from the first at the top,
     * ranked values from the first group's most common.
     */
    void ranked(BarChart<Number, String> chart, Trait trait, List<Named> groups) {
        percentAxis((NumberAxis) chart.getXAxis(), highest(trait, groups));
        List<String> keys = new ArrayList<>(keys(trait, groups));
        // A horizontal bar chart lists its categories from the bottom up.
        Collections.reverse(keys);
        List<XYChart.Series<Number, String>> all = new ArrayList<>();
        for (Named group : groups) {
            XYChart.Series<Number, String> series = new XYChart.Series<>();
            series.setName(group.name());
            for (String key : keys) {
                XYChart.Data<Number, String> bar = new XYChart.Data<>(group.distribution().share(key),
                        names.value(trait, key));
                tip(bar, group, trait, key);
                series.getData().add(bar);
            }
            all.add(series);
        }
        chart.getData().setAll(all);
        // One legend above all the charts says which colour is which group.
        chart.setLegendVisible(false);
    }

    /** The legend of every chart: each group's name beside its bars' colour (the charts' own series classes). */
    static Node[] legend(List<String> groupNames) {
        Node[] items = new Node[groupNames.size()];
        for (int g = 0; g < groupNames.size(); g++) {
            Region symbol = new Region();
            symbol.getStyleClass().addAll("chart-legend-item-symbol", "chart-bar", "series" + g, "bar-legend-symbol",
                    "default-color" + g);
            Label item = new Label(groupNames.get(g), symbol);
            item.getStyleClass().add("chart-legend-item");
            items[g] = item;
        }
        return items;
    }

    /** The share of the group's interactions in each hour of the week. */
    void hours(SlotHeatMap map, String groupName, ActiveHours hours) {
        double[][] values = new double[7][24];
        boolean[][] hatched = new boolean[7][24];
        String[][] tips = new String[7][24];
        String[] weekdays = new String[7];
        double high = 0;
        for (int day = 0; day < 7; day++) {
            weekdays[day] = DayOfWeek.of(day + 1).getDisplayName(TextStyle.SHORT, text.locale());
            for (int hour = 0; hour < 24; hour++) {
                values[day][hour] = hours.share(day, hour);
                high = Math.max(high, values[day][hour]);
                tips[day][hour] = text.get("portrait.hours.tip", weekdays[day], String.format("%02d:00", hour),
                        text.integer(hours.at(day, hour)), text.percent(values[day][hour]));
            }
        }
        map.show(values, hatched, tips, weekdays, new String[]{text.percent(0), text.percent(high)},
                new String[]{text.get("portrait.hours.title", groupName, text.integer(hours.total())),
                        text.get("portrait.hours.legend"), ""});
        map.showEmptyKey(false);
    }

    /** The values to show: every group's, in the first group's order, at most {@link #TOP} ranked, unknown last. */
    private static Set<String> keys(Trait trait, List<Named> groups) {
        Set<String> keys = new LinkedHashSet<>();
        boolean ranked = trait == Trait.REGION || trait == Trait.PRODUCT;
        for (Named group : groups) {
            for (Share share : group.distribution().values()) {
                boolean unknown = share.key().equals(UNKNOWN) && trait != Trait.PRODUCT;
                if (!unknown && (!ranked || keys.size() < TOP)) {
                    keys.add(share.key());
                }
            }
        }
        if (trait != Trait.PRODUCT && groups.stream().anyMatch(g -> g.distribution().value(UNKNOWN).isPresent())) {
            keys.add(UNKNOWN);
        }
        return keys;
    }

    private void tip(XYChart.Data<?, ?> bar, Named group, Trait trait, String key) {
        Tooltip tip = new Tooltip(text.get("portrait.bar.tip", group.name(), names.value(trait, key),
                text.integer(group.distribution().count(key)), text.percent(group.distribution().share(key)),
                text.integer(group.distribution().base())));
        tip.setShowDelay(Duration.millis(150));
        bar.nodeProperty().addListener((observable, old, node) -> {
            if (node != null) {
                Tooltip.install(node, tip);
            }
        });
    }

    private static double highest(Trait trait, List<Named> groups) {
        double highest = 0;
        for (String key : keys(trait, groups)) {
            for (Named group : groups) {
                highest = Math.max(highest, group.distribution().share(key));
            }
        }
        return highest;
    }

    /**
     * Shares from 0 to a round step above the highest, in at most {@link #TICKS} steps of 1%, 2%, 2.5%, 5%, 10%, 20%
     * or 25%: the automatic range of a narrow axis packs its labels until they overlap.
     */
    private void percentAxis(NumberAxis axis, double highest) {
        double step = STEPS[STEPS.length - 1];
        for (double candidate : STEPS) {
            if (candidate * TICKS >= highest) {
                step = candidate;
                break;
            }
        }
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setUpperBound(Math.max(step, Math.ceil(highest / step - 1e-9) * step));
        axis.setTickUnit(step);
        axis.setMinorTickCount(0);
        NumberFormat format = NumberFormat.getPercentInstance(text.locale());
        format.setMaximumFractionDigits(step < 0.05 && step != 0.01 && step != 0.02 ? 1 : 0);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return format.format(value.doubleValue());
            }

            @Override
            public Number fromString(String label) {
                throw new UnsupportedOperationException("axis labels are not parsed");
            }
        });
    }
}
