package com.campaignstudio.ui.schedule;

import com.campaignstudio.schedule.SlotRates;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;

import java.util.Locale;

/**
 * The best-time heat map: 7 weekday rows x 24 hour columns, each cell coloured by its shrunk engagement rate on a
 * sequential scale from the lowest to the highest rate on show, hatched where the slot has no posts (it only shows the
 * platform mean), with its figures on hover; a legend below gives the scale. Cells are {@code #bestTimeCell-D-H}
 * (weekday from Monday = 0, hour).
 */
public final class SlotHeatMap extends VBox {

    /** Yellow-green-blue, light for low rates: readable in print and by most colour-blind readers. */
    private static final Color[] PALETTE = {Color.web("#ffffd9"), Color.web("#c7e9b4"), Color.web("#41b6c4"),
            Color.web("#225ea8"), Color.web("#081d58")};
    private static final String HATCH = "linear-gradient(from 0px 0px to 6px 6px, repeat, "
            + "rgba(255,255,255,0.75) 0%, rgba(255,255,255,0.75) 30%, transparent 30%, transparent 100%)";

    private final Label title = new Label();
    private final GridPane grid = new GridPane();
    private final Region[][] cells = new Region[SlotRates.WEEKDAYS][SlotRates.HOURS];
    private final Tooltip[][] tips = new Tooltip[SlotRates.WEEKDAYS][SlotRates.HOURS];
    private final Label[] weekdayLabels = new Label[SlotRates.WEEKDAYS];
    private final Region scale = new Region();
    private final Label scaleLow = new Label();
    private final Label scaleHigh = new Label();
    private final Label scaleTitle = new Label();
    private final Label emptyKey = new Label();

    public SlotHeatMap() {
        getStyleClass().add("slot-heat-map");
        title.getStyleClass().add("slot-heat-map-title");
        title.setWrapText(true);
        grid.getStyleClass().add("slot-heat-map-grid");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        labels.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().add(labels);
        for (int hour = 0; hour < SlotRates.HOURS; hour++) {
            ColumnConstraints column = new ColumnConstraints(14, 32, Double.MAX_VALUE);
            column.setHgrow(Priority.ALWAYS);
            column.setHalignment(HPos.CENTER);
            grid.getColumnConstraints().add(column);
            Label hourLabel = new Label(String.format(Locale.ROOT, "%d", hour));
            hourLabel.getStyleClass().add("slot-heat-map-hour");
            grid.add(hourLabel, hour + 1, 0);
        }
        for (int weekday = 0; weekday < SlotRates.WEEKDAYS; weekday++) {
            weekdayLabels[weekday] = new Label();
            weekdayLabels[weekday].getStyleClass().add("slot-heat-map-weekday");
            grid.add(weekdayLabels[weekday], 0, weekday + 1);
            for (int hour = 0; hour < SlotRates.HOURS; hour++) {
                Region cell = new Region();
                cell.setId("bestTimeCell-" + weekday + "-" + hour);
                cell.getStyleClass().add("slot-heat-map-cell");
                cell.setMinSize(14, 22);
                cell.setPrefSize(32, 26);
                cell.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
                Tooltip tip = new Tooltip();
                tip.setShowDelay(Duration.millis(150));
                tip.setShowDuration(Duration.seconds(30));
                Tooltip.install(cell, tip);
                cells[weekday][hour] = cell;
                tips[weekday][hour] = tip;
                grid.add(cell, hour + 1, weekday + 1);
            }
        }
        scale.getStyleClass().add("slot-heat-map-scale");
        scale.setPrefSize(220, 14);
        scale.setMinSize(120, 14);
        scale.setMaxHeight(14);
        scale.setStyle("-fx-background-color: linear-gradient(to right, " + String.join(", ", stops()) + ");");
        Region emptySample = new Region();
        emptySample.getStyleClass().add("slot-heat-map-cell");
        emptySample.setMinSize(22, 14);
        emptySample.setMaxSize(22, 14);
        emptySample.setStyle("-fx-background-color: " + web(PALETTE[2]) + ", " + HATCH + ";");
        scale.managedProperty().bind(scale.visibleProperty());
        scaleHigh.managedProperty().bind(scaleHigh.visibleProperty());
        HBox legend = new HBox(8, scaleTitle, scaleLow, scale, scaleHigh, emptySample, emptyKey);
        legend.getStyleClass().add("slot-heat-map-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, grid, legend);
        setSpacing(6);
    }

    /** Colours the cells by {@code rates} and writes their tooltips, axis labels and the legend. */
    void show(SlotRates rates, BestTimeFormats formats, String titleText, String legendTitle, String emptyText) {
        double[][] values = new double[SlotRates.WEEKDAYS][SlotRates.HOURS];
        boolean[][] empty = new boolean[SlotRates.WEEKDAYS][SlotRates.HOURS];
        String[][] tipTexts = new String[SlotRates.WEEKDAYS][SlotRates.HOURS];
        String[] weekdays = new String[SlotRates.WEEKDAYS];
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int weekday = 0; weekday < SlotRates.WEEKDAYS; weekday++) {
            weekdays[weekday] = formats.shortWeekday(weekday);
            for (int hour = 0; hour < SlotRates.HOURS; hour++) {
                values[weekday][hour] = rates.rate(weekday, hour);
                empty[weekday][hour] = rates.posts(weekday, hour) == 0;
                tipTexts[weekday][hour] = formats.cellTip(rates, weekday, hour);
                low = Math.min(low, values[weekday][hour]);
                high = Math.max(high, values[weekday][hour]);
            }
        }
        show(values, empty, tipTexts, weekdays, new String[]{formats.rate(low), formats.rate(high)},
                new String[]{titleText, legendTitle, emptyText});
    }

    /**
     * Colours the cells by {@code values} (weekday from Monday, hour) on the scale from their lowest to their highest,
     * hatching the cells marked {@code empty}; {@code scaleEnds} are the legend's low and high texts and
     * {@code titles} the map's title, the legend's title and the hatched cells' key.
     */
    public void show(double[][] values, boolean[][] empty, String[][] tipTexts, String[] weekdays, String[] scaleEnds,
                     String[] titles) {
        title.setText(titles[0]);
        scaleTitle.setText(titles[1]);
        emptyKey.setText(titles[2]);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int weekday = 0; weekday < SlotRates.WEEKDAYS; weekday++) {
            weekdayLabels[weekday].setText(weekdays[weekday]);
            for (int hour = 0; hour < SlotRates.HOURS; hour++) {
                low = Math.min(low, values[weekday][hour]);
                high = Math.max(high, values[weekday][hour]);
            }
        }
        scaleLow.setText(scaleEnds[0]);
        scaleHigh.setText(scaleEnds[1]);
        scale.setVisible(high > low);
        scaleHigh.setVisible(high > low);
        for (int weekday = 0; weekday < SlotRates.WEEKDAYS; weekday++) {
            for (int hour = 0; hour < SlotRates.HOURS; hour++) {
                double position = high > low ? (values[weekday][hour] - low) / (high - low) : 0.5;
                String fill = web(colour(position));
                boolean hatched = empty[weekday][hour];
                cells[weekday][hour].setStyle("-fx-background-color: " + fill + (hatched ? ", " + HATCH : "") + ";");
                cells[weekday][hour].pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("empty"), hatched);
                tips[weekday][hour].setText(tipTexts[weekday][hour]);
            }
        }
    }

    /** Names the cells {@code prefix-D-H} instead of {@code bestTimeCell-D-H}, for a second map in one view. */
    public void nameCells(String prefix) {
        for (int weekday = 0; weekday < SlotRates.WEEKDAYS; weekday++) {
            for (int hour = 0; hour < SlotRates.HOURS; hour++) {
                cells[weekday][hour].setId(prefix + "-" + weekday + "-" + hour);
            }
        }
    }

    /** Whether the legend's key of hatched cells is shown (a map without hatched cells needs none). */
    public void showEmptyKey(boolean shown) {
        emptyKey.getParent().getChildrenUnmodifiable().stream()
                .filter(node -> node != scaleTitle && node != scaleLow && node != scale && node != scaleHigh)
                .forEach(node -> {
                    node.setVisible(shown);
                    node.setManaged(shown);
                });
    }

    /** The palette's colour at {@code position} (0 lowest, 1 highest). */
    static Color colour(double position) {
        double scaled = Math.max(0, Math.min(1, position)) * (PALETTE.length - 1);
        int below = Math.min(PALETTE.length - 2, (int) Math.floor(scaled));
        return PALETTE[below].interpolate(PALETTE[below + 1], scaled - below);
    }

    private static String[] stops() {
        String[] stops = new String[PALETTE.length];
        for (int i = 0; i < PALETTE.length; i++) {
            stops[i] = web(PALETTE[i]) + " " + Math.round(100.0 * i / (PALETTE.length - 1)) + "%";
        }
        return stops;
    }

    private static String web(Color colour) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(colour.getRed() * 255),
                Math.round(colour.getGreen() * 255), Math.round(colour.getBlue() * 255));
    }
}
