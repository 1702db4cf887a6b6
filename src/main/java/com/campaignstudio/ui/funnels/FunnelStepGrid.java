package com.campaignstudio.ui.funnels;

import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import com.campaignstudio.ui.common.WholeText;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

import java.util.List;

/**
 * The funnel's steps as rows to choose in: a row per step with its number, the step (an event kind or a purchase),
 * buttons to move it up or down and to remove it while more than two are left. Found by id: {@code stepChoice0},
 * {@code moveUp0}, {@code moveDown0}, {@code removeStep0} (0 is the first step).
 */
final class FunnelStepGrid {

    /** The engine's limit. */
    static final int MOST_STEPS = 16;

    private final GridPane grid;
    private final ObservableList<String> steps;
    private final FunnelFormats format;
    private final UiText text;
    private List<String> offered = List.of();

    FunnelStepGrid(GridPane grid, ObservableList<String> steps, FunnelFormats format, UiText text) {
        this.grid = grid;
        this.steps = steps;
        this.format = format;
        this.text = text;
    }

    /** The steps to choose from; the rows are built again. */
    void offer(List<String> choices) {
        offered = List.copyOf(choices);
        build();
    }

    void build() {
        grid.getChildren().clear();
        for (int s = 0; s < steps.size(); s++) {
            int index = s;
            Label number = new Label(text.get("funnel.view.stepNumber", s + 1));
            number.getStyleClass().add("hint");
            grid.add(number, 0, s);
            ComboBox<String> choice = new ComboBox<>();
            choice.setId("stepChoice" + s);
            choice.setPrefWidth(170);
            choice.getItems().setAll(offered);
            if (!offered.contains(steps.get(s))) {
                choice.getItems().add(steps.get(s));
            }
            choice.setConverter(Views.converter(format::step));
            choice.setValue(steps.get(s));
            choice.valueProperty().addListener((observable, old, chosen) -> {
                if (chosen != null && !chosen.equals(steps.get(index))) {
                    steps.set(index, chosen);
                }
            });
            grid.add(choice, 1, s);
            grid.add(button("moveUp", s, "\u2191", "funnel.view.moveUp", s == 0, () -> swap(index, index - 1)), 2, s);
            grid.add(button("moveDown", s, "\u2193", "funnel.view.moveDown", s == steps.size() - 1,
                    () -> swap(index, index + 1)), 3, s);
            grid.add(button("removeStep", s, "\u2715", "funnel.view.removeStep", steps.size() <= 2,
                    () -> steps.remove(index)), 4, s);
        }
        WholeText.keep(grid);
    }

    private Button button(String id, int row, String symbol, String tip, boolean disabled, Runnable action) {
        Button button = new Button(symbol);
        button.setId(id + row);
        button.getStyleClass().addAll("flat", "small");
        button.setTooltip(new Tooltip(text.get(tip)));
        button.setDisable(disabled);
        button.setOnAction(event -> action.run());
        return button;
    }

    private void swap(int a, int b) {
        List<String> reordered = new java.util.ArrayList<>(steps);
        java.util.Collections.swap(reordered, a, b);
        steps.setAll(reordered);
    }
}
