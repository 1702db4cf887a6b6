package com.campaignstudio.ui.experiments;

import com.campaignstudio.experiments.ExperimentException;
import com.campaignstudio.experiments.ProjectVariants;
import com.campaignstudio.text.Reason;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import javafx.util.converter.LocalDateStringConverter;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Fill from project": asks which campaigns or landing posts to count as variants (ticked in the order they are to
 * stand, the first being the control), on which days and, for posts, what makes a visitor, how long after it a
 * payment converts and among whom. Space ticks the item in focus. Answers a {@link Request}, or nothing when
 * cancelled; input it cannot read keeps the dialog open with the reason under the list.
 */
final class FillFromProjectDialog {

    /** A segment to count among, or everyone (segmentation 0). */
    record SegmentOption(long segmentationId, int segmentNo, String label) {
    }

    /** The campaigns, posts and segments to choose from. */
    record Choices(List<ProjectVariants.Item> campaigns, List<ProjectVariants.Item> posts,
                   List<SegmentOption> segments) {
    }

    /** What to count. {@code counting} and {@code segment} matter for posts only. */
    record Request(ProjectVariants.Source source, List<ProjectVariants.Item> items, ProjectVariants.Days days,
                   ProjectVariants.PostCounting counting, SegmentOption segment) {
    }

    private static final int DEFAULT_WINDOW = 7;

    private final UiText text;
    private final Choices choices;
    /** The ticked items of each source, in the order ticked. */
    private final Map<ProjectVariants.Source, ObservableList<ProjectVariants.Item>> ticked = new HashMap<>();
    private final Map<ProjectVariants.Source, Map<ProjectVariants.Item, BooleanProperty>> tickBoxes = new HashMap<>();

    @FXML
    private ComboBox<ProjectVariants.Source> sourceChoice;
    @FXML
    private DatePicker fromDay;
    @FXML
    private DatePicker toDay;
    @FXML
    private Label visitLabel;
    @FXML
    private ComboBox<String> visitChoice;
    @FXML
    private Label windowLabel;
    @FXML
    private TextField windowField;
    @FXML
    private Label windowUnit;
    @FXML
    private Label segmentLabel;
    @FXML
    private ComboBox<SegmentOption> segmentChoice;
    @FXML
    private ListView<ProjectVariants.Item> itemList;
    @FXML
    private Label tickedLabel;
    @FXML
    private Label problemLabel;

    FillFromProjectDialog(UiText text, Choices choices) {
        this.text = text;
        this.choices = choices;
        for (ProjectVariants.Source source : ProjectVariants.Source.values()) {
            ticked.put(source, FXCollections.observableArrayList());
            tickBoxes.put(source, new HashMap<>());
        }
    }

    /** Shows the dialog and waits for the answer. */
    Optional<Request> ask(Window owner) {
        Node content = Views.load("FillFromProjectView.fxml", this, text);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.get("experiments.fill.title"));
        dialog.setHeaderText(text.get("experiments.fill.header"));
        dialog.getDialogPane().setContent(content);
        ButtonType fill = new ButtonType(text.get("experiments.fill.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(fill, ButtonType.CANCEL);
        Dialogs.localise(dialog, text);
        Request[] answer = new Request[1];
        dialog.getDialogPane().lookupButton(fill).addEventFilter(ActionEvent.ACTION, event -> {
            try {
                answer[0] = read();
            } catch (ExperimentException problem) {
                problemLabel.setText(problem.reason().in(text.bundle()));
                event.consume();
            } catch (FillProblem problem) {
                problemLabel.setText(problem.reason.in(text.bundle()));
                event.consume();
            }
        });
        return dialog.showAndWait().filter(Dialogs::isOk).map(button -> answer[0]);
    }

    @FXML
    private void initialize() {
        sourceChoice.getItems().setAll(ProjectVariants.Source.values());
        sourceChoice.setConverter(Views.converter(source -> text.get("experiments.fill.source."
                + (source == ProjectVariants.Source.CAMPAIGNS ? "campaigns" : "posts"))));
        visitChoice.getItems().setAll(ProjectVariants.PostCounting.VIEW, ProjectVariants.PostCounting.CLICK);
        visitChoice.setConverter(Views.converter(kind -> text.get("experiments.fill.visit." + kind)));
        visitChoice.setValue(ProjectVariants.PostCounting.VIEW);
        windowField.setText(Integer.toString(DEFAULT_WINDOW));
        // Days as 2026-03-01 in both languages: the picker's own format follows the computer, not the chosen language.
        LocalDateStringConverter days = new LocalDateStringConverter(DateTimeFormatter.ISO_LOCAL_DATE,
                DateTimeFormatter.ISO_LOCAL_DATE);
        fromDay.setConverter(days);
        toDay.setConverter(days);
        SegmentOption everyone = new SegmentOption(0, 0, text.get("experiments.fill.segment.everyone"));
        segmentChoice.getItems().setAll(everyone);
        segmentChoice.getItems().addAll(choices.segments());
        segmentChoice.setValue(everyone);
        segmentChoice.setConverter(Views.converter(SegmentOption::label));
        itemList.setCellFactory(CheckBoxListCell.forListView(this::tickBox, Views.converter(ProjectVariants.Item::name)));
        // A filter: the list's own keys would take Space first.
        itemList.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            ProjectVariants.Item focused = itemList.getFocusModel().getFocusedItem();
            if (event.getCode() == KeyCode.SPACE && focused != null) {
                BooleanProperty box = tickBox(focused);
                box.set(!box.get());
                event.consume();
            }
        });
        sourceChoice.valueProperty().addListener((observable, old, source) -> showSource(source));
        sourceChoice.setValue(ProjectVariants.Source.CAMPAIGNS);
    }

    private BooleanProperty tickBox(ProjectVariants.Item item) {
        ProjectVariants.Source source = sourceChoice.getValue();
        return tickBoxes.get(source).computeIfAbsent(item, shown -> {
            BooleanProperty box = new SimpleBooleanProperty(false);
            box.addListener((observable, was, now) -> {
                ObservableList<ProjectVariants.Item> list = ticked.get(source);
                if (now) {
                    list.add(shown);
                } else {
                    list.remove(shown);
                }
                showTicked();
            });
            return box;
        });
    }

    private void showSource(ProjectVariants.Source source) {
        boolean posts = source == ProjectVariants.Source.LANDING_POSTS;
        for (Node postsOnly : List.of(visitLabel, visitChoice, windowLabel, windowField, windowUnit, segmentLabel,
                segmentChoice)) {
            postsOnly.setDisable(!posts);
        }
        itemList.getItems().setAll(posts ? choices.posts() : choices.campaigns());
        itemList.setPlaceholder(new Label(text.get(posts ? "experiments.fill.noPosts" : "experiments.fill.noCampaigns")));
        problemLabel.setText("");
        showTicked();
    }

    private void showTicked() {
        List<ProjectVariants.Item> chosen = ticked.get(sourceChoice.getValue());
        tickedLabel.setText(chosen.isEmpty() ? text.get("experiments.fill.tickHint")
                : text.get("experiments.fill.ticked", String.join(", ", chosen.stream()
                        .map(ProjectVariants.Item::name).toList())));
    }

    /** The answer as chosen; the domain's own checks (the days, the window) throw its reasons. */
    private Request read() {
        ProjectVariants.Source source = sourceChoice.getValue();
        List<ProjectVariants.Item> items = new ArrayList<>(ticked.get(source));
        if (items.size() < 2) {
            throw new FillProblem(Reason.of("experiment.project.error.tooFew", items.size()));
        }
        ProjectVariants.Days days = new ProjectVariants.Days(day(fromDay), day(toDay));
        int window = DEFAULT_WINDOW;
        if (source == ProjectVariants.Source.LANDING_POSTS) {
            String typed = windowField.getText() == null ? "" : windowField.getText().strip();
            try {
                window = Integer.parseInt(typed);
            } catch (NumberFormatException notWhole) {
                throw new FillProblem(Reason.of("experiments.fill.windowNotWhole", typed));
            }
        }
        return new Request(source, items, days, new ProjectVariants.PostCounting(visitChoice.getValue(), window),
                segmentChoice.getValue());
    }

    /**
     * The day as typed: a picker takes typed text only on Enter or on leaving it, and Enter here presses Fill, which
     * would otherwise count without the day just typed.
     */
    private static Optional<LocalDate> day(DatePicker picker) {
        String typed = picker.getEditor().getText() == null ? "" : picker.getEditor().getText().strip();
        if (typed.isEmpty()) {
            picker.setValue(null);
            return Optional.empty();
        }
        try {
            picker.setValue(LocalDate.parse(typed));
            return Optional.of(picker.getValue());
        } catch (DateTimeParseException notADay) {
            throw new FillProblem(Reason.of("experiments.fill.dayNotRead", typed));
        }
    }

    /** Input the dialog cannot read, with what to do about it. */
    private static final class FillProblem extends RuntimeException {

        private final transient Reason reason;

        FillProblem(Reason reason) {
            super(reason.english());
            this.reason = reason;
        }
    }
}
