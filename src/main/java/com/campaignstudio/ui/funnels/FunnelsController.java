package com.campaignstudio.ui.funnels;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import com.campaignstudio.ui.ltv.LtvResults;
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
    private final FunnelController funnel;
    private final DriversController drivers;
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

    /**
     * @param snapshots     the application's activity snapshots, shared by the tabs (and kept between visits)
     * @param lifetimeValue the lifetime-value view's results, whose fit the retention tab draws over revenue
     */
    public FunnelsController(ProjectDatabase database, Snapshots snapshots, BackgroundRunner runner, UiText text,
                             LtvResults lifetimeValue) {
        this.text = text;
        Glossary glossary = new Glossary(text);
        ExportMenu exports = new ExportMenu(text, runner);
        this.funnel = new FunnelController(database, snapshots, runner, text);
        this.retention = new RetentionController(database, runner, text, snapshots, lifetimeValue.fittedProperty(),
                glossary, exports);
        this.live = new LiveController(database, runner, text, glossary, exports);
        this.drivers = new DriversController(database, runner, text);
    }

    @FXML
    private void initialize() {
        funnelTab.setContent(Views.load("FunnelView.fxml", funnel, text));
        retentionTab.setContent(Views.load("RetentionView.fxml", retention, text));
        liveTab.setContent(Views.load("LiveView.fxml", live, text));
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
        } else if (shown == retentionTab) {
            retention.run();
        } else if (shown == liveTab) {
            live.run();
        } else if (shown == driversTab) {
            drivers.run();
        }
    }
}
