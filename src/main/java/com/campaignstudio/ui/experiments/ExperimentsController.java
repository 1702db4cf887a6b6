package com.campaignstudio.ui.experiments;

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

/**
 * The Experiments view: three tabs, each a view of its own. Compare reads the variants' counts (and saves them in
 * the project), Sample size plans an experiment, Day by day reads a running one without the harm of peeking. F5
 * runs the tab on show. What is typed and read lives in the {@link ExperimentsModel}, which outlives the view.
 */
public final class ExperimentsController {

    private final CompareController compare;
    private final SampleSizeController size;
    private final SequentialController sequential;
    private final UiText text;

    @FXML
    private TabPane tabs;
    @FXML
    private Tab compareTab;
    @FXML
    private Tab sizeTab;
    @FXML
    private Tab sequentialTab;

    public ExperimentsController(ProjectDatabase database, Snapshots snapshots, BackgroundRunner runner, UiText text,
                                 ExperimentsModel model, FileQuestions files) {
        this.text = text;
        Glossary glossary = new Glossary(text);
        ExportMenu exports = new ExportMenu(text, runner);
        this.compare = new CompareController(database, snapshots, runner, text, model, glossary, exports);
        this.size = new SampleSizeController(text, model, glossary, exports);
        this.sequential = new SequentialController(runner, text, model, glossary, exports, files);
    }

    @FXML
    private void initialize() {
        compareTab.setContent(Views.load("CompareView.fxml", compare, text));
        sizeTab.setContent(Views.load("SampleSizeView.fxml", size, text));
        sequentialTab.setContent(Views.load("SequentialView.fxml", sequential, text));
        tabs.sceneProperty().addListener((observable, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), this::run);
            }
        });
    }

    /** F5: runs what the tab on show runs. */
    private void run() {
        Tab shown = tabs.getSelectionModel().getSelectedItem();
        if (shown == compareTab) {
            compare.run();
        } else if (shown == sizeTab) {
            size.run();
        } else {
            sequential.run();
        }
    }
}
