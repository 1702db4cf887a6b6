package com.campaignstudio.ui.shell;

import com.campaignstudio.ui.common.UiText;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/** The open project's workspace: section navigation on the left, the section's view on the right. */
public final class WorkspaceController {

    private final AppState state;
    private final UiText text;
    private final Function<Section, Parent> views;
    private final Map<Section, Parent> built = new EnumMap<>(Section.class);
    private final ChangeListener<Section> sectionListener = (observable, old, section) -> show(section);
    private final ChangeListener<Long> dataListener = (observable, old, version) -> reload();

    @FXML
    private ListView<Section> navigation;
    @FXML
    private StackPane sectionContent;

    public WorkspaceController(AppState state, UiText text, Function<Section, Parent> views) {
        this.state = state;
        this.text = text;
        this.views = views;
    }

    @FXML
    private void initialize() {
        navigation.getItems().setAll(Section.values());
        navigation.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Section item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.get(item.titleKey()));
                getStyleClass().remove("pending-section");
                if (!empty && item != null && !item.isBuilt()) {
                    getStyleClass().add("pending-section");
                }
            }
        });
        navigation.getSelectionModel().selectedItemProperty().addListener((observable, old, section) -> {
            if (section != null) {
                state.sectionProperty().set(section);
            }
        });
        // Weak: the state outlives this workspace, which is replaced when another project opens.
        state.sectionProperty().addListener(new WeakChangeListener<>(sectionListener));
        state.dataVersionProperty().addListener(new WeakChangeListener<>(dataListener));
        show(state.sectionProperty().get());
    }

    private void reload() {
        built.clear();
        show(state.sectionProperty().get());
    }

    private void show(Section section) {
        navigation.getSelectionModel().select(section);
        sectionContent.getChildren().setAll(built.computeIfAbsent(section, views));
    }
}
