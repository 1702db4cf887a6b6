package com.campaignstudio.ui.budget;

import com.campaignstudio.budget.BudgetGoal;
import com.campaignstudio.budget.BudgetStore;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import com.campaignstudio.work.BackgroundRunner;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Saved splits: the list, the one chosen with its intervals beside another chosen to compare with, and delete (after
 * asking). Each platform is a row; a platform one of the two splits lacks shows a dash there.
 */
public final class ScenariosController {

    /** A platform in the chosen split and in the one compared with (either may lack it). */
    public record Row(String platform, Optional<BudgetStore.SavedRow> chosen, Optional<BudgetStore.SavedRow> other) {
    }

    private final ProjectDatabase database;
    private final BackgroundRunner runner;
    private final BudgetFormats formats;
    private final UiText text;
    private final ExportMenu exports;

    @FXML
    private ListView<BudgetStore.Saved> savedList;
    @FXML
    private Button deleteButton;
    @FXML
    private Label scenarioTitle;
    @FXML
    private ComboBox<BudgetStore.Saved> compareChoice;
    @FXML
    private TableView<Row> scenarioTable;
    @FXML
    private Label scenarioTotals;

    ScenariosController(ProjectDatabase database, BackgroundRunner runner, BudgetFormats formats,
                        ExportMenu exports) {
        this.database = database;
        this.runner = runner;
        this.formats = formats;
        this.text = formats.text();
        this.exports = exports;
    }

    @FXML
    private void initialize() {
        savedList.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(BudgetStore.Saved saved, boolean empty) {
                super.updateItem(saved, empty);
                setText(empty || saved == null ? null : saved.name());
            }
        });
        compareChoice.setConverter(Views.converter(saved -> saved == null ? text.get("budget.scenarios.none")
                : saved.name()));
        savedList.getSelectionModel().selectedItemProperty().addListener((observable, old, saved) -> show());
        compareChoice.valueProperty().addListener((observable, old, saved) -> show());
        exports.install(scenarioTable, text.get("budget.tab.scenarios"));
        TableFit.columnsToContent(scenarioTable);
        TableFit.heightToRows(scenarioTable, 12);
        scenarioTitle.setText(text.get("budget.scenarios.empty"));
        refresh();
    }

    /** Reads the saved splits again (one saved in the optimiser meanwhile shows), keeping the choices made. */
    void refresh() {
        runner.run(text.get("budget.scenarios.loading"), context -> new BudgetStore(database).list(), saved -> {
            String chosen = name(savedList.getSelectionModel().getSelectedItem());
            String compared = name(compareChoice.getValue());
            savedList.getItems().setAll(saved);
            List<BudgetStore.Saved> others = new ArrayList<>();
            others.add(null);
            others.addAll(saved);
            compareChoice.getItems().setAll(others);
            saved.stream().filter(s -> s.name().equals(chosen)).findFirst()
                    .ifPresentOrElse(s -> savedList.getSelectionModel().select(s), () -> {
                        if (!saved.isEmpty()) {
                            savedList.getSelectionModel().selectFirst();
                        }
                    });
            compareChoice.setValue(saved.stream().filter(s -> s.name().equals(compared)).findFirst().orElse(null));
            show();
        }, this::failed);
    }

    private static String name(BudgetStore.Saved saved) {
        return saved == null ? null : saved.name();
    }

    private void show() {
        BudgetStore.Saved chosen = savedList.getSelectionModel().getSelectedItem();
        deleteButton.setDisable(chosen == null);
        scenarioTable.getItems().clear();
        scenarioTable.getColumns().clear();
        scenarioTotals.setText("");
        if (chosen == null) {
            scenarioTitle.setText(text.get(savedList.getItems().isEmpty() ? "budget.scenarios.empty"
                    : "budget.scenarios.choose"));
            return;
        }
        BudgetStore.Saved other = compareChoice.getValue();
        scenarioTitle.setText(describe(chosen));
        BudgetGoal goal = chosen.inputs().goal();
        Set<String> platforms = new LinkedHashSet<>();
        chosen.results().rows().forEach(row -> platforms.add(row.platform()));
        if (other != null) {
            other.results().rows().forEach(row -> platforms.add(row.platform()));
        }
        List<Row> rows = platforms.stream().map(platform -> new Row(platform, row(chosen, platform),
                Optional.ofNullable(other).flatMap(o -> row(o, platform)))).toList();
        List<TableColumn<Row, ?>> columns = new ArrayList<>();
        columns.add(CurvesController.column(text.get("budget.col.platform"), row -> text.platform(row.platform())));
        columns.addAll(splitColumns(chosen, goal, Row::chosen));
        if (other != null) {
            columns.addAll(splitColumns(other, other.inputs().goal(), Row::other));
        }
        scenarioTable.getColumns().setAll(columns);
        scenarioTable.getItems().setAll(rows);
        String totals = text.get("budget.scenarios.total", chosen.name(), text.yuan(chosen.results().spent()),
                formats.outcome(goal, chosen.results().total()));
        scenarioTotals.setText(other == null ? totals : totals + "\n" + text.get("budget.scenarios.total",
                other.name(), text.yuan(other.results().spent()),
                formats.outcome(other.inputs().goal(), other.results().total())));
    }

    private String describe(BudgetStore.Saved saved) {
        return text.get("budget.scenarios.title", saved.name(), text.get(saved.inputs().goal().key()),
                text.yuan(saved.inputs().budget()), text.integer(saved.inputs().weeks()));
    }

    private static Optional<BudgetStore.SavedRow> row(BudgetStore.Saved saved, String platform) {
        return saved.results().rows().stream().filter(row -> row.platform().equals(platform)).findFirst();
    }

    private List<TableColumn<Row, String>> splitColumns(BudgetStore.Saved saved, BudgetGoal goal,
                                                        java.util.function.Function<Row,
                                                                Optional<BudgetStore.SavedRow>> part) {
        String dash = "\u2013";
        return List.of(
                CurvesController.column(text.get("budget.scenarios.spend", saved.name()),
                        row -> part.apply(row).map(r -> text.yuan(r.spend())).orElse(dash)),
                CurvesController.column(text.get("budget.scenarios.outcome", saved.name()),
                        row -> part.apply(row).map(r -> formats.outcome(goal, r.outcome())).orElse(dash)));
    }

    @FXML
    private void delete() {
        BudgetStore.Saved chosen = savedList.getSelectionModel().getSelectedItem();
        if (chosen == null) {
            return;
        }
        Dialogs dialogs = new Dialogs(text, window());
        if (!dialogs.confirm(text.get("budget.scenarios.delete"), text.get("budget.scenarios.deleteAsk",
                chosen.name()))) {
            return;
        }
        runner.run(text.get("budget.saving"), context -> new BudgetStore(database).delete(chosen.name()),
                deleted -> refresh(), this::failed);
    }

    private void failed(Throwable failure) {
        new Dialogs(text, window()).unexpected(failure);
    }

    private javafx.stage.Window window() {
        return savedList.getScene() == null ? null : savedList.getScene().getWindow();
    }
}
