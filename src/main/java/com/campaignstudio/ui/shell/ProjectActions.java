package com.campaignstudio.ui.shell;

import com.campaignstudio.AppInfo;
import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.project.Backups.Backup;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectSettings;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.project.ProjectOpenException;
import com.campaignstudio.project.SaveConflictException;
import com.campaignstudio.settings.AppDirectories;
import com.campaignstudio.settings.AppSettings;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.work.BackgroundRunner;
import javafx.application.Platform;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the user does with project files: new, open, demo, save, save as, restore a backup, close and
 * recover after a crash. Slow steps run in the background; questions are asked on the FX thread.
 */
public final class ProjectActions {

    private final Stage stage;
    private final AppState state;
    private final AppSettings settings;
    private final ProjectLocations locations;
    private final AppDirectories directories;
    private final BackgroundRunner runner;
    private final UiText text;
    private final Dialogs dialogs;
    private final Consumer<Path> importWizard;
    private FileQuestions files = FileQuestions.SYSTEM;

    public ProjectActions(Stage stage, AppState state, AppSettings settings, AppDirectories directories,
                          BackgroundRunner runner, UiText text, Consumer<Path> importWizard) {
        this.stage = stage;
        this.state = state;
        this.settings = settings;
        this.directories = directories;
        this.locations = ProjectLocations.under(directories.data());
        this.runner = runner;
        this.text = text;
        this.dialogs = new Dialogs(text, stage);
        this.importWizard = importWizard;
    }

    public Dialogs dialogs() {
        return dialogs;
    }

    /** Who answers the questions for a project file (new, open, save as): the system's dialogs unless a test does. */
    public void useFileQuestions(FileQuestions questions) {
        files = questions;
    }

    public void newProject() {
        FileChooser chooser = chooser(text.get("dialog.new.title"));
        chooser.setInitialFileName(text.get("dialog.new.defaultName") + AppInfo.PROJECT_EXTENSION);
        Optional.ofNullable(files.ask(chooser, FileQuestions.Kind.SAVE, stage)).map(File::toPath)
                .map(ProjectActions::withExtension).ifPresent(this::create);
    }

    public void create(Path file) {
        closeProject(() -> runner.run(text.get("dialog.opening", file.getFileName()),
                context -> Project.create(locations, file, ZoneId.of("Asia/Shanghai")),
                this::opened, dialogs::unexpected));
    }

    /** Asks for export files and opens the import wizard for each. */
    public void importWithChooser() {
        if (state.project().isEmpty()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(text.get("import.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.get("import.fileTypes"),
                "*.csv", "*.tsv", "*.txt", "*.xlsx"));
        List<File> files = chooser.showOpenMultipleDialog(stage);
        if (files != null) {
            files.stream().map(File::toPath).forEach(importWizard);
        }
    }

    /** Opens the import wizard for a file (dropped on the window, or chosen). */
    public void importFile(Path file) {
        if (state.project().isPresent()) {
            importWizard.accept(file);
        }
    }

    public void openWithChooser() {
        Optional.ofNullable(files.ask(chooser(text.get("dialog.open.title")), FileQuestions.Kind.OPEN, stage))
                .map(File::toPath).ifPresent(this::open);
    }

    public void open(Path file) {
        closeProject(() -> runner.run(text.get("dialog.opening", file.getFileName()),
                context -> Project.open(locations, file, context), this::opened, this::openFailed));
    }

    /** Opens the demo project, creating it first (with progress) if this is the first time. */
    public void openDemo() {
        Path demo = directories.demoProject();
        if (demo.toFile().isFile()) {
            open(demo);
            return;
        }
        closeProject(() -> runner.run(text.get("dialog.demo.generating"),
                context -> DemoProjects.create(locations, demo, DemoSize.DEFAULT, DemoProjects.DEFAULT_SEED,
                        text.bundle().getLocale(), context),
                this::opened, dialogs::unexpected));
    }

    public void save() {
        state.project().ifPresent(project -> saveThen(project, this::saved));
    }

    /** Saves in the background, then runs {@code then}; a conflicting save by someone else asks first. */
    private void saveThen(Project project, Consumer<Project> then) {
        runner.run(text.get("dialog.saving", project.file().getFileName()), context -> {
            project.save(context);
            return project;
        }, then, error -> {
            if (error instanceof SaveConflictException conflict) {
                resolveConflict(project, conflict);
            } else {
                dialogs.unexpected(error);
            }
        });
    }

    private void resolveConflict(Project project, SaveConflictException conflict) {
        ButtonType saveCopy = new ButtonType(text.get("dialog.conflict.saveCopy"), ButtonBar.ButtonData.YES);
        ButtonType overwrite = new ButtonType(text.get("dialog.conflict.overwrite"), ButtonBar.ButtonData.OTHER);
        dialogs.choose(text.get("dialog.conflict.title"), text.get("dialog.conflict.header",
                        conflict.file().getFileName()), text.get("dialog.conflict.content"), saveCopy, overwrite)
                .ifPresent(answer -> {
                    if (answer == saveCopy) {
                        saveAs();
                    } else {
                        runner.run(text.get("dialog.saving", project.file().getFileName()), context -> {
                            project.saveOverwriting(context);
                            return project;
                        }, this::saved, dialogs::unexpected);
                    }
                });
    }

    public void saveAs() {
        state.project().ifPresent(project -> {
            FileChooser chooser = chooser(text.get("dialog.saveAs.title"));
            chooser.setInitialDirectory(project.file().getParent().toFile());
            chooser.setInitialFileName(project.file().getFileName().toString());
            Optional.ofNullable(files.ask(chooser, FileQuestions.Kind.SAVE, stage)).map(File::toPath)
                    .map(ProjectActions::withExtension).ifPresent(target -> saveAs(project, target));
        });
    }

    private void saveAs(Project project, Path target) {
        runner.run(text.get("dialog.saving", target.getFileName()), context -> {
            project.saveAs(target, context);
            return project;
        }, saved -> {
            saved(saved);
            remember(target);
            stage.setTitle(windowTitle(saved));
        }, dialogs::unexpected);
    }

    private void saved(Project project) {
        state.setProject(project);
        remember(project.file());
    }

    public void restoreBackup() {
        state.project().ifPresent(project -> {
            List<Backup> backups;
            String projectId;
            try {
                projectId = project.projectId();
                backups = project.backups().list(projectId);
            } catch (Exception e) {
                dialogs.unexpected(e);
                return;
            }
            if (backups.isEmpty()) {
                dialogs.info(text.get("dialog.backup.title"), null, text.get("dialog.backup.none"));
                return;
            }
            DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.systemDefault());
            List<String> labels = backups.stream().map(b -> text.get("dialog.backup.item",
                    format.format(b.savedAt()), String.format("%.1f", b.size() / 1048576.0))).toList();
            ChoiceDialog<String> dialog = new ChoiceDialog<>(labels.getFirst(), labels);
            dialog.initOwner(stage);
            dialog.setTitle(text.get("dialog.backup.title"));
            dialog.setHeaderText(text.get("dialog.backup.header", project.file().getFileName()));
            Dialogs.localise(dialog, text);
            dialog.showAndWait().map(labels::indexOf).map(backups::get)
                    .filter(chosen -> dialogs.confirm(text.get("dialog.backup.title"), text.get("dialog.backup.confirm")))
                    .ifPresent(chosen -> restore(project.file(), chosen));
        });
    }

    private void restore(Path file, Backup backup) {
        closeProject(() -> runner.run(text.get("dialog.opening", file.getFileName()), context -> {
            Project.restore(locations, file, backup);
            return Project.open(locations, file, context);
        }, this::opened, this::openFailed));
    }

    /** Per-project choices: pseudonymising ids on import, and the time zone of times without one. */
    public void projectSettings() {
        state.project().ifPresent(project -> new ProjectSettingsDialog(stage, text).edit(state.settings())
                .ifPresent(changes -> runner.run(text.get("status.ready"), context -> {
                    changes.store(project.database());
                    return null;
                }, done -> refreshData(), dialogs::unexpected)));
    }

    /** Closes the open project (asking about unsaved changes first), then runs {@code then}. */
    public void closeProject(Runnable then) {
        Optional<Project> open = state.project();
        if (open.isEmpty()) {
            then.run();
            return;
        }
        Project project = open.get();
        if (project.hasUnsavedChanges()) {
            ButtonType save = new ButtonType(text.get("dialog.unsaved.save"), ButtonBar.ButtonData.YES);
            ButtonType discard = new ButtonType(text.get("dialog.unsaved.discard"), ButtonBar.ButtonData.NO);
            Optional<ButtonType> answer = dialogs.choose(text.get("dialog.unsaved.title"),
                    text.get("dialog.unsaved.header", project.file().getFileName()), "", save, discard);
            if (answer.isEmpty()) {
                return;
            }
            if (answer.get() == save) {
                saveThen(project, saved -> closeNow(saved, then));
                return;
            }
        }
        closeNow(project, then);
    }

    private void closeNow(Project project, Runnable then) {
        runner.cancelAll();
        state.setProject(null);
        useSettings(ProjectSettings.NONE);
        stage.setTitle(AppInfo.NAME);
        runner.run(text.get("status.ready"), context -> {
            project.close();
            return project;
        }, closed -> then.run(), dialogs::unexpected);
    }

    public void quit() {
        closeProject(Platform::exit);
    }

    /** At start-up: offers to recover each project whose unsaved changes a crash left behind. */
    public void offerRecovery() {
        for (Path file : Project.findRecoverable(locations)) {
            ButtonType recover = new ButtonType(text.get("dialog.recover.recover"), ButtonBar.ButtonData.YES);
            ButtonType discard = new ButtonType(text.get("dialog.recover.discard"), ButtonBar.ButtonData.NO);
            Optional<ButtonType> answer = dialogs.choose(text.get("dialog.recover.title"),
                    text.get("dialog.recover.header", file.getFileName()), text.get("dialog.recover.content"),
                    recover, discard);
            if (answer.isPresent() && answer.get() == recover) {
                open(file);
                return;
            }
            if (answer.isPresent()) {
                try {
                    Project.discardRecoverable(locations, file);
                } catch (IOException | ProjectOpenException e) {
                    dialogs.unexpected(e);
                }
            }
        }
    }

    /** After data changed (an import, an undo): reads the settings and platforms again, then has the views read their data. */
    public void refreshData() {
        state.project().ifPresent(project -> runner.run(text.get("status.ready"),
                context -> ProjectSettings.read(project.database()), settings -> {
                    useSettings(settings);
                    state.dataChanged();
                }, error -> state.dataChanged()));
    }

    private void useSettings(ProjectSettings settings) {
        state.setSettings(settings);
        text.usePlatforms(settings.platforms());
    }

    /** Reads the project's settings before its views show, so that they name every platform in the user's language. */
    private void opened(Project project) {
        runner.run(text.get("status.ready"), context -> ProjectSettings.read(project.database()), settings -> {
            useSettings(settings);
            show(project);
        }, error -> show(project));
    }

    private void show(Project project) {
        state.setProject(project);
        stage.setTitle(windowTitle(project));
        remember(project.file());
        if (project.wasRecovered()) {
            dialogs.info(text.get("dialog.recover.title"), null, text.get("dialog.recovered"));
        }
        project.unrecoveredChanges().ifPresent(copy -> dialogs.info(text.get("dialog.recover.title"), null,
                text.get("dialog.unrecovered", copy)));
    }

    private void openFailed(Throwable error) {
        if (error instanceof ProjectOpenException problem) {
            String key = "open.problem." + problem.problem().name();
            String header = text.get("open.problem.header", problem.file().getFileName(), text.get(key + ".title"));
            String detail = problem.reason().in(text.bundle());
            String content = text.get(key + ".advice") + "\n\n" + detail;
            if (problem.goodBackup().isEmpty()) {
                dialogs.error(text.get(key + ".title"), header, content);
                return;
            }
            Backup backup = problem.goodBackup().get();
            ButtonType restore = new ButtonType(text.get("dialog.damaged.restore"), ButtonBar.ButtonData.YES);
            dialogs.choose(text.get(key + ".title"), header, text.get(key + ".advice") + "\n\n" + detail
                            + "\n\n" + text.get("dialog.damaged.backup", backup.describeTime()), restore)
                    .ifPresent(answer -> restore(problem.file(), backup));
        } else {
            dialogs.unexpected(error);
        }
    }

    private void remember(Path file) {
        try {
            settings.addRecentProject(file);
        } catch (IOException e) {
            // Recent projects are a convenience; failing to record one must not interrupt the user.
        }
    }

    static String windowTitle(Project project) {
        return project.file().getFileName() + " \u2014 " + AppInfo.NAME;
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.get("dialog.fileType"),
                "*" + AppInfo.PROJECT_EXTENSION));
        return chooser;
    }

    private static Path withExtension(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(AppInfo.PROJECT_EXTENSION) ? file : file.resolveSibling(name + AppInfo.PROJECT_EXTENSION);
    }
}
