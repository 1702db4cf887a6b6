package com.campaignstudio.ui.funnels;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import com.campaignstudio.ui.ltv.LtvResults;
import com.campaignstudio.ui.shell.FileQuestions;
import com.campaignstudio.work.BackgroundRunner;
import javafx.fxml.FXML;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;

/**
 * The Funnels & retention view: four tabs, each a view of its own (the funnel from a post to a payment, cohort
 * retention, live selling, what drives buying). F5 runs the tab on show. Retention draws over its revenue the curve
 * the lifetime-value fit on show expects, so it is given the Lifetime value view's results.
 */
public final class FunnelsController {

    private final UiText text;
    private final RetentionController retention;
    private final LiveController live;

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

    public FunnelsController(ProjectDatabase database, BackgroundRunner runner, UiText text, FileQuestions files,
                             LtvResults lifetimeValue) {
        this.text = text;
        Glossary glossary = new Glossary(text);
        ExportMenu exports = new ExportMenu(text, runner);
        Snapshots snapshots = new Snapshots();
        this.retention = new RetentionController(database, runner, text, snapshots, lifetimeValue.fittedProperty(),
                glossary, exports);
        this.live = new LiveController(database, runner, text, glossary, exports);
    }

    @FXML
    private void initialize() {
        retentionTab.setContent(Views.load("RetentionView.fxml", retention, text));
        liveTab.setContent(Views.load("LiveView.fxml", live, text));
        tabs.sceneProperty().addListener((observable, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::run);
            }
        });
    }

    /** F5: runs what the tab on show runs. */
    private void run() {
        Tab shown = tabs.getSelectionModel().getSelectedItem();
        if (shown == retentionTab) {
            retention.run();
        } else if (shown == liveTab) {
            live.run();
        }
    }
}
