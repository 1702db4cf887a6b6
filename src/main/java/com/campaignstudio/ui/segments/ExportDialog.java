package com.campaignstudio.ui.segments;

import com.campaignstudio.segments.AudienceExport;
import com.campaignstudio.segments.SegmentProfile;
import com.campaignstudio.segments.Segmentation;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.UiText;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Asks which segments and which columns an audience export holds. */
final class ExportDialog {

    /** The user's choice. */
    record Choice(Set<Integer> segments, List<AudienceExport.Column> columns) {
    }

    private final UiText text;
    private final Window owner;

    ExportDialog(UiText text, Window owner) {
        this.text = text;
        this.owner = owner;
    }

    Optional<Choice> ask(Segmentation segmentation, boolean hasPropensity) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.get("segments.export"));
        dialog.setHeaderText(text.get("segments.export.header"));
        VBox content = new VBox(6);
        content.getChildren().add(new Label(text.get("segments.export.segments")));
        List<CheckBox> segmentBoxes = new ArrayList<>();
        for (SegmentProfile profile : segmentation.profiles()) {
            CheckBox box = new CheckBox(profile.name() + " (" + text.integer(profile.size()) + ")");
            box.setSelected(profile.number() == 0);
            segmentBoxes.add(box);
            content.getChildren().add(box);
        }
        content.getChildren().add(new Label(text.get("segments.export.columns")));
        List<CheckBox> columnBoxes = new ArrayList<>();
        for (AudienceExport.Column column : AudienceExport.Column.values()) {
            CheckBox box = new CheckBox(text.get("segments.export.column." + column.header()));
            box.setSelected(column == AudienceExport.Column.FOLLOWER_ID || column == AudienceExport.Column.PLATFORM);
            box.setDisable(column == AudienceExport.Column.PROPENSITY && !hasPropensity);
            columnBoxes.add(box);
            content.getChildren().add(box);
        }
        content.getChildren().add(new Label(text.get("segments.export.privacy")));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Dialogs.localise(dialog, text);
        if (dialog.showAndWait().filter(Dialogs::isOk).isEmpty()) {
            return Optional.empty();
        }
        Set<Integer> segments = new HashSet<>();
        for (int i = 0; i < segmentBoxes.size(); i++) {
            if (segmentBoxes.get(i).isSelected()) {
                segments.add(i);
            }
        }
        List<AudienceExport.Column> columns = new ArrayList<>();
        for (int i = 0; i < columnBoxes.size(); i++) {
            if (columnBoxes.get(i).isSelected()) {
                columns.add(AudienceExport.Column.values()[i]);
            }
        }
        return segments.isEmpty() || columns.isEmpty() ? Optional.empty() : Optional.of(new Choice(segments, columns));
    }
}
