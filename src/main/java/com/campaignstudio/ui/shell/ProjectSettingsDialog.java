package com.campaignstudio.ui.shell;

import com.campaignstudio.project.PlatformTable;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.project.ProjectMetadata;
import com.campaignstudio.project.ProjectSettings;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.TableFit;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Optional;

/**
 * Per-project choices: pseudonymising ids on import, the time zone of times without one, and the names of the
 * project's platforms (a platform a file named gets the name as the file wrote it; the user can give it better
 * ones, in both languages).
 */
final class ProjectSettingsDialog {

    private static final List<String> TIME_ZONES = List.of("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei",
            "Asia/Singapore", "Asia/Tokyo", "Europe/London", "Europe/Berlin", "America/New_York",
            "America/Los_Angeles", "UTC");

    private final Window owner;
    private final UiText text;

    ProjectSettingsDialog(Window owner, UiText text) {
        this.owner = owner;
        this.text = text;
    }

    /** A platform being edited: its code, and its names as the user leaves them. */
    private record PlatformRow(PlatformTable.Platform platform, SimpleStringProperty nameEn, SimpleStringProperty nameZh) {
        PlatformRow(PlatformTable.Platform platform) {
            this(platform, new SimpleStringProperty(platform.nameEn()), new SimpleStringProperty(platform.nameZh()));
        }

        boolean changed() {
            return !nameEn.get().equals(platform.nameEn()) || !nameZh.get().equals(platform.nameZh());
        }
    }

    /** What the user chose: stored in the background when they confirm. */
    record Changes(boolean pseudonymise, String zone, List<PlatformTable.Platform> renamed) {

        void store(ProjectDatabase database) throws SQLException {
            database.transaction(connection -> {
                ProjectMetadata.put(connection, ProjectMetadata.PSEUDONYMISE, Boolean.toString(pseudonymise));
                ProjectMetadata.put(connection, ProjectMetadata.TIME_ZONE, zone);
                return null;
            });
            for (PlatformTable.Platform platform : renamed) {
                PlatformTable.rename(database, platform.code(), platform.nameEn(), platform.nameZh());
            }
        }
    }

    /** Shows the project's settings (as read when it opened); empty when the user cancels. */
    Optional<Changes> edit(ProjectSettings settings) {
        CheckBox pseudonymise = new CheckBox(text.get("settings.project.pseudonymise"));
        pseudonymise.setSelected(settings.pseudonymise());
        new Glossary(text).attach(pseudonymise, Term.PSEUDONYMISED);
        ComboBox<String> zone = new ComboBox<>(FXCollections.observableArrayList(TIME_ZONES));
        String currentZone = settings.zone().getId();
        if (!zone.getItems().contains(currentZone)) {
            zone.getItems().addFirst(currentZone);
        }
        zone.setValue(currentZone);
        zone.setConverter(Views.converter(this::zoneName));
        Label hint = new Label(text.get("settings.project.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(440);
        List<PlatformRow> rows = settings.platforms().stream().map(PlatformRow::new).toList();
        VBox content = new VBox(10, pseudonymise, new Label(text.get("settings.project.timeZone")), zone, hint,
                new Label(text.get("settings.project.platforms")), platformTable(rows));
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(text.get("settings.project.title"));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        // The platform table fits its rows once shown; the dialog then fits the table.
        dialog.setOnShown(event -> Platform.runLater(() -> dialog.getDialogPane().getScene().getWindow().sizeToScene()));
        Dialogs.localise(dialog, text);
        if (dialog.showAndWait().filter(Dialogs::isOk).isEmpty()) {
            return Optional.empty();
        }
        List<PlatformTable.Platform> renamed = rows.stream()
                .filter(row -> row.changed() && !row.nameEn().get().isBlank() && !row.nameZh().get().isBlank())
                .map(row -> new PlatformTable.Platform(row.platform().code(), row.nameEn().get().strip(),
                        row.nameZh().get().strip(), row.platform().builtIn()))
                .toList();
        return Optional.of(new Changes(pseudonymise.isSelected(), zone.getValue(), renamed));
    }

    private TableView<PlatformRow> platformTable(List<PlatformRow> rows) {
        TableView<PlatformRow> table = new TableView<>(FXCollections.observableArrayList(rows));
        table.setId("platformTable");
        table.setEditable(true);
        table.setPrefWidth(440);
        table.getColumns().add(nameColumn("settings.project.platform.zh", "platformNameZh", PlatformRow::nameZh));
        table.getColumns().add(nameColumn("settings.project.platform.en", "platformNameEn", PlatformRow::nameEn));
        TableFit.columnsToContent(table);
        TableFit.lastColumnTakesTheRest(table, 120);
        TableFit.heightToRows(table, 12);
        return table;
    }

    private TableColumn<PlatformRow, String> nameColumn(String key, String id,
                                                        java.util.function.Function<PlatformRow, SimpleStringProperty> name) {
        TableColumn<PlatformRow, String> column = new TableColumn<>(text.get(key));
        column.setId(id);
        column.setCellValueFactory(cell -> name.apply(cell.getValue()));
        column.setCellFactory(TextFieldTableCell.forTableColumn());
        return column;
    }

    /** A time zone by its name in the user's language (中国时间); English also gives the zone's id. */
    private String zoneName(String id) {
        try {
            String name = ZoneId.of(id).getDisplayName(TextStyle.FULL, text.locale());
            return text.isChinese() || name.equals(id) ? name : name + " (" + id + ")";
        } catch (DateTimeException e) {
            return id;
        }
    }
}
