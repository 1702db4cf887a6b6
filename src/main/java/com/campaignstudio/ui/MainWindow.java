package com.campaignstudio.ui;

import com.campaignstudio.AppInfo;
import com.campaignstudio.dashboard.DashboardQueries;
import com.campaignstudio.importer.Importer;
import com.campaignstudio.importer.PresetStore;
import com.campaignstudio.portrait.Audiences;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.ui.help.GuidePage;
import com.campaignstudio.ui.help.GuideWindow;
import com.campaignstudio.ui.importer.ImportWizardController;
import com.campaignstudio.ui.importer.ImportWizardModel;
import com.campaignstudio.project.Project;
import com.campaignstudio.settings.AppDirectories;
import com.campaignstudio.settings.AppSettings;
import com.campaignstudio.settings.Language;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.Fonts;
import com.campaignstudio.ui.common.FxBackgroundRunner;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import com.campaignstudio.ui.basket.BasketController;
import com.campaignstudio.ui.basket.BasketResults;
import com.campaignstudio.ui.dashboard.DashboardController;
import com.campaignstudio.ui.dashboard.DashboardViewModel;
import com.campaignstudio.ui.data.DataController;
import com.campaignstudio.ui.experiments.ExperimentsController;
import com.campaignstudio.ui.experiments.ExperimentsModel;
import com.campaignstudio.ui.schedule.ScheduleController;
import com.campaignstudio.ui.schedule.ScheduleResults;
import com.campaignstudio.ui.funnels.FunnelsController;
import com.campaignstudio.ui.pending.PendingController;
import com.campaignstudio.ui.ltv.LtvController;
import com.campaignstudio.ui.ltv.LtvResults;
import com.campaignstudio.ui.budget.BudgetController;
import com.campaignstudio.ui.budget.BudgetResults;
import com.campaignstudio.budget.BudgetAnalysis;
import com.campaignstudio.ui.segments.SegmentsController;
import com.campaignstudio.ui.segments.SegmentsResults;
import com.campaignstudio.ui.shell.AppState;
import com.campaignstudio.ui.shell.FileQuestions;
import com.campaignstudio.ui.shell.ProjectActions;
import com.campaignstudio.ui.shell.Section;
import com.campaignstudio.ui.shell.ShellController;
import com.campaignstudio.ui.shell.WorkspaceController;
import com.campaignstudio.ui.start.StartController;
import com.campaignstudio.ui.portrait.PortraitController;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.image.Image;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The composition root of the UI: builds every controller with its dependencies and rebuilds the window
 * when the language changes, keeping the open project.
 */
public final class MainWindow {

    private static final String STYLESHEET = "/com/campaignstudio/ui/campaign-studio.css";
    /** Tall enough for the check step with its notes, its platform choices and a few rejected rows. */
    private static final double WIZARD_HEIGHT = 760;

    private final Stage stage;
    private final AppSettings settings;
    private final AppDirectories directories;
    private final FxBackgroundRunner runner;
    private final boolean firstRun;
    private final AppState state = new AppState();
    /** Results on screen, kept while the project is open so that a language switch does not throw them away. */
    private final SegmentsResults segmentsResults = new SegmentsResults();
    private final LtvResults ltvResults = new LtvResults();
    private final BasketResults basketResults = new BasketResults();
    /** The plan being laid out stays while the project is open; the model read from its data goes when that changes. */
    private final ScheduleResults scheduleResults = new ScheduleResults();
    /** The budget model fitted to the project's data, with the curves set by hand on it. */
    private BudgetResults budgetResults = new BudgetResults(BudgetAnalysis.DEFAULT_DRAWS);
    /** Experiments are typed in, not read from the data: they are kept while the project is open, whatever is imported. */
    private final ExperimentsModel experiments = new ExperimentsModel();
    /** Each open project's activity arranged by person, read once per change of its data for all funnel tabs. */
    private final Snapshots snapshots = new Snapshots();
    private final Audiences audiences = new Audiences();
    private UiText text;
    private ProjectActions actions;
    private GuideWindow guide;
    private FileQuestions fileQuestions = FileQuestions.SYSTEM;

    public MainWindow(Stage stage, AppSettings settings, AppDirectories directories, FxBackgroundRunner runner,
                      boolean firstRun) {
        this.stage = stage;
        this.settings = settings;
        this.directories = directories;
        this.runner = runner;
        this.firstRun = firstRun;
        state.projectProperty().addListener((observable, old, project) -> {
            forgetResults();
            experiments.clear();
            scheduleResults.clear();
        });
        state.dataVersionProperty().addListener((observable, old, version) -> forgetResults());
    }

    /** Results describe the project's data as it was: another project, or changed data, starts without them. */
    private void forgetResults() {
        segmentsResults.clear();
        ltvResults.clear();
        basketResults.clear();
        scheduleResults.forgetModel();
        budgetResults.clear();
    }

    /** Bootstrap refits per budget fit: fewer in UI tests, whose fits need not be as precise. */
    void budgetDraws(int draws) {
        budgetResults = new BudgetResults(draws);
    }

    public void show() {
        stage.setTitle(AppInfo.NAME);
        java.net.URL icon = MainWindow.class.getResource("/com/campaignstudio/ui/icon-256.png");
        if (icon != null) {
            // Decoded in the background: the window shows without waiting for it (start-up time).
            stage.getIcons().add(new Image(icon.toExternalForm(), true));
        }
        Scene scene = new Scene(build());
        scene.getStylesheets().add(MainWindow.class.getResource(STYLESHEET).toExternalForm());
        stage.setScene(scene);
        acceptDroppedFiles(scene);
        stage.setOnCloseRequest(event -> {
            event.consume();
            actions.quit();
        });
        stage.show();
    }

    /** Files dragged onto the window while a project is open go to the import wizard. */
    private void acceptDroppedFiles(Scene scene) {
        scene.setOnDragOver(event -> {
            if (state.project().isPresent() && event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        scene.setOnDragDropped(event -> {
            boolean accepted = state.project().isPresent() && event.getDragboard().hasFiles();
            if (accepted) {
                event.getDragboard().getFiles().stream().map(java.io.File::toPath).forEach(actions::importFile);
            }
            event.setDropCompleted(accepted);
            event.consume();
        });
    }

    /** Opens the import wizard for {@code file} in a window of its own. */
    public ImportWizardController openImportWizard(Path file) {
        Project project = state.project().orElseThrow();
        ImportWizardController controller = new ImportWizardController(new ImportWizardModel(file,
                state.settings().zone(), text.bundle(),
                new PresetStore(directories.presetsFile())),
                new Importer(project.database()), runner, text, report -> actions.refreshData());
        Stage wizard = new Stage();
        wizard.initOwner(stage);
        wizard.setTitle(text.get("import.window"));
        Parent root = Views.load("ImportWizard.fxml", controller, text);
        Fonts.use(root, text);
        Scene scene = new Scene(root);
        scene.getStylesheets().add(MainWindow.class.getResource(STYLESHEET).toExternalForm());
        wizard.setScene(scene);
        wizard.setMinHeight(WIZARD_HEIGHT);
        wizard.show();
        return controller;
    }

    public ProjectActions actions() {
        return actions;
    }

    public AppState state() {
        return state;
    }

    /** Who answers the questions for a project file (new, open, save as): a UI test, which has no file dialogs. */
    public void useFileQuestions(FileQuestions questions) {
        fileQuestions = questions;
        actions.useFileQuestions(questions);
    }

    public void offerRecovery() {
        actions.offerRecovery();
    }

    private Parent build() {
        Locale locale = settings.effectiveLocale();
        // JavaFX's own controls (empty-table notes, text field menus, date pickers) speak the default locale's language.
        Locale.setDefault(locale);
        text = new UiText(locale);
        text.usePlatforms(state.settings().platforms());
        runner.useLanguage(text.bundle());
        actions = new ProjectActions(stage, state, settings, directories, runner, text, this::openImportWizard);
        actions.useFileQuestions(fileQuestions);
        if (guide != null) {
            guide.close();
        }
        guide = new GuideWindow(stage, text, MainWindow.class.getResource(STYLESHEET).toExternalForm());
        ShellController shell = new ShellController(state, text, runner, actions, this::chooseLanguage, this::openGuide,
                new ShellController.Screens() {
                    @Override
                    public Parent start() {
                        return Views.load("StartView.fxml", new StartController(actions, settings, firstRun), text);
                    }

                    @Override
                    public Parent workspace(Project project) {
                        return Views.load("WorkspaceView.fxml", new WorkspaceController(state, text,
                                section -> sectionView(section, project)), text);
                    }
                });
        Parent root = Views.load("ShellView.fxml", shell, text);
        Fonts.use(root, text);
        return root;
    }

    /** Opens the guide at the page of the section on show (the first page while no project is open). */
    public void openGuide() {
        guide.show(state.project().isPresent() ? GuidePage.of(state.sectionProperty().get()) : GuidePage.START);
    }

    private Parent sectionView(Section section, Project project) {
        return switch (section) {
            case DASHBOARD -> Views.load("DashboardView.fxml", new DashboardController(new DashboardViewModel(
                    new DashboardQueries(project.database()), runner, text.get("dashboard.loading")), text, runner), text);
            case DATA -> Views.load("DataView.fxml", new DataController(project.database(), runner, text,
                    actions.dialogs(), actions::importWithChooser, actions::refreshData), text);
            case SEGMENTS -> Views.load("SegmentsView.fxml", new SegmentsController(project.database(), runner, text,
                    segmentsResults), text);
            case FUNNELS -> Views.load("FunnelsView.fxml", new FunnelsController(project.database(), snapshots, runner,
                    text, ltvResults), text);
            case LIFETIME_VALUE -> Views.load("LtvView.fxml", new LtvController(project.database(), runner, text,
                    ltvResults), text);
            case BOUGHT_TOGETHER -> Views.load("BasketView.fxml", new BasketController(project.database(), runner, text,
                    basketResults, this::askFile, actions::importWithChooser), text);
            case SCHEDULE -> Views.load("ScheduleView.fxml", new ScheduleController(project.database(), snapshots,
                    runner, text, scheduleResults, this::askFile), text);
            case BUDGET -> Views.load("BudgetView.fxml", new BudgetController(project.database(), runner, text,
                    budgetResults, actions::importWithChooser), text);
            case EXPERIMENTS -> Views.load("ExperimentsView.fxml", new ExperimentsController(project.database(),
                    snapshots, runner, text, experiments, this::askFile), text);
            case PORTRAIT -> Views.load("PortraitView.fxml", new PortraitController(
                    project.database(), runner, text, audiences, actions::importWithChooser), text);
            default -> Views.load("PendingView.fxml", new PendingController(section, text), text);
        };
    }

    /** Asks for a file as the window's file questions do (a UI test answers in the system's place). */
    private java.io.File askFile(javafx.stage.FileChooser chooser, FileQuestions.Kind kind, javafx.stage.Window owner) {
        return fileQuestions.ask(chooser, kind, owner);
    }

    private void chooseLanguage() {
        String system = text.get("dialog.language.system");
        List<String> choices = List.of(system, "English", "简体中文");
        String current = settings.language().map(language -> language == Language.ENGLISH ? "English" : "简体中文")
                .orElse(system);
        ChoiceDialog<String> dialog = new ChoiceDialog<>(current, choices);
        dialog.initOwner(stage);
        dialog.setTitle(text.get("dialog.language.title"));
        dialog.setHeaderText(text.get("dialog.language.header"));
        Dialogs.localise(dialog, text);
        dialog.showAndWait().ifPresent(choice -> {
            Optional<Language> language = switch (choice) {
                case "English" -> Optional.of(Language.ENGLISH);
                case "简体中文" -> Optional.of(Language.SIMPLIFIED_CHINESE);
                default -> Optional.empty();
            };
            try {
                settings.setLanguage(language);
            } catch (IOException e) {
                actions.dialogs().unexpected(e);
            }
            stage.getScene().setRoot(build());
        });
    }
}
