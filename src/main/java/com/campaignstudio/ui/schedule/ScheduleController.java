package com.campaignstudio.ui.schedule;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import com.campaignstudio.ui.shell.FileQuestions;
import com.campaignstudio.work.BackgroundRunner;
import javafx.fxml.FXML;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The Schedule section: the best time to post, the planner and the review of plans, each a tab of its own; the
 * planner shows first. F5 runs the tab on show; on the planner Ctrl+Z undoes a change to the plan and Ctrl+Shift+Z
 * redoes it (a text field being typed in keeps these keys for its own text).
 */
public final class ScheduleController {

    private final UiText text;
    private final PlannerController planner;
    private final BestTimeController bestTime;
    private final ScheduleReviewController review;

    @FXML
    private TabPane tabs;
    @FXML
    private Tab bestTimeTab;
    @FXML
    private Tab plannerTab;
    @FXML
    private Tab reviewTab;

    /**
     * @param snapshots the application's activity snapshots, shared with the other sections
     * @param results   the plan and its results, kept while the project is open
     * @param files     asks where to write the plan's calendar file or CSV
     */
    public ScheduleController(ProjectDatabase database, Snapshots snapshots, BackgroundRunner runner, UiText text,
                              ScheduleResults results, FileQuestions files) {
        this.text = text;
        Glossary glossary = new Glossary(text);
        ExportMenu exports = new ExportMenu(text, runner);
        this.planner = new PlannerController(database, snapshots, runner, text, results, glossary, exports,
                new PlanExport(text, runner, files));
        this.bestTime = new BestTimeController(database, runner, text, glossary, exports);
        this.review = new ScheduleReviewController(database, snapshots, runner, text, glossary, exports);
    }

    @FXML
    private void initialize() {
        plannerTab.setContent(Views.load("PlannerView.fxml", planner, text));
        bestTimeTab.setContent(Views.load("BestTimeView.fxml", bestTime, text));
        reviewTab.setContent(review.load());
        tabs.getSelectionModel().select(plannerTab);
        // Each tab reads the project again when shown: a plan saved in the planner, a half-life set in Best time or
        // posts imported meanwhile show at once.
        bestTimeTab.setOnSelectionChanged(event -> {
            if (bestTimeTab.isSelected()) {
                bestTime.refresh();
            }
        });
        plannerTab.setOnSelectionChanged(event -> {
            if (plannerTab.isSelected()) {
                planner.shown();
            }
        });
        reviewTab.setOnSelectionChanged(event -> {
            if (reviewTab.isSelected()) {
                review.refresh();
            }
        });
        tabs.sceneProperty().addListener((observable, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::run);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN),
                        () -> onPlanner(planner::undo));
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN), () -> onPlanner(planner::redo));
            }
        });
    }

    /** F5: runs what the tab on show runs. */
    private void run() {
        if (plannerTab.isSelected()) {
            planner.run();
        } else if (bestTimeTab.isSelected()) {
            bestTime.refresh();
        } else {
            review.refresh();
        }
    }

    private void onPlanner(Runnable command) {
        if (plannerTab.isSelected()) {
            command.run();
        }
    }
}
