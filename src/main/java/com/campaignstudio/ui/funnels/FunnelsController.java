package com.campaignstudio.ui.funnels;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import com.campaignstudio.ui.shell.FileQuestions;
import com.campaignstudio.work.BackgroundRunner;
import javafx.fxml.FXML;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;

/**
 * The Funnels & retention view: four tabs, each a view of its own (the funnel from a post to a payment, cohort
 * retention, live selling, what drives buying). F5 runs the tab on show.
 */
public final class FunnelsController {

    private final UiText text;
    private final FunnelController funnel;
    private final DriversController drivers;

    @FXML
    private TabPane tabs;
    @FXML
    private Tab funnelTab;
    @FXML
    private Tab retentionTab;
    @FXML
    private Tab liveTab;
    @FXML
    private Tab driversTab;

    /** @param snapshots the application's activity snapshots, shared by the tabs (and kept between visits) */
    public FunnelsController(ProjectDatabase database, Snapshots snapshots, BackgroundRunner runner, UiText text,
                             FileQuestions files) {
        this.text = text;
        this.funnel = new FunnelController(database, snapshots, runner, text);
        this.drivers = new DriversController(database, runner, text);
    }

    @FXML
    private void initialize() {
        funnelTab.setContent(Views.load("FunnelView.fxml", funnel, text));
        driversTab.setContent(Views.load("DriversView.fxml", drivers, text));
        driversTab.selectedProperty().addListener((observable, was, selected) -> {
            if (selected) {
                drivers.shown();
            }
        });
        if (driversTab.isSelected()) {
            drivers.shown();
        }
        tabs.sceneProperty().addListener((observable, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::run);
            }
        });
    }

    /** F5: runs what the tab on show runs. */
    private void run() {
        Tab shown = tabs.getSelectionModel().getSelectedItem();
        if (shown == funnelTab) {
            funnel.run();
        } else if (shown == driversTab) {
            drivers.run();
        }
    }
}
