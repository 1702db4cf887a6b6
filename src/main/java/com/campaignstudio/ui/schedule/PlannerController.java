package com.campaignstudio.ui.schedule;

import com.campaignstudio.funnels.FunnelException;
import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.schedule.AudienceHours;
import com.campaignstudio.schedule.Goal;
import com.campaignstudio.schedule.PlannedPost;
import com.campaignstudio.schedule.PlatformModel;
import com.campaignstudio.schedule.Prediction;
import com.campaignstudio.schedule.SchedulePlan;
import com.campaignstudio.schedule.ScheduleSettings;
import com.campaignstudio.schedule.ScheduleSettingsStore;
import com.campaignstudio.schedule.ScheduleStore;
import com.campaignstudio.schedule.Simulation;
import com.campaignstudio.schedule.Simulator;
import com.campaignstudio.schedule.Suggester;
import com.campaignstudio.segments.SegmentProfile;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.ui.common.Dialogs;
import com.campaignstudio.ui.common.ExportMenu;
import com.campaignstudio.ui.common.Glossary;
import com.campaignstudio.ui.common.RunProgress;
import com.campaignstudio.ui.common.Term;
import com.campaignstudio.ui.common.UiText;
import com.campaignstudio.ui.common.Views;
import com.campaignstudio.ui.segments.DefaultNames;
import com.campaignstudio.schedule.BoostBudget;
import com.campaignstudio.schedule.BoostBudgetStore;
import com.campaignstudio.work.BackgroundRunner;
import com.campaignstudio.work.Work;
import javafx.fxml.FXML;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The Planner tab: the user lays posts on a calendar; after every change the plan is simulated again in the
 * background (the latest change wins) and the totals, the tables and the reach chart show what it should bring. The
 * model is read from the project once, with progress and Cancel, and again when its settings change; the suggester
 * fills the unlocked posts; plans are saved in the project with what they were predicted to bring.
 */
public final class PlannerController implements CalendarGrid.Edits {

    /** An audience the suggester can aim at: a saved segment, or everyone (segmentation 0). */
    record Target(long segmentationId, int segmentNo, String label) {
        boolean everyone() {
            return segmentationId == 0;
        }
    }


    private final ProjectDatabase database;
    private final Snapshots snapshots;
    private final BackgroundRunner runner;
    private final UiText text;
    private final PlanExport planExport;
    private final ScheduleResults results;
    private final Glossary glossary;
    private final ExportMenu exports;
    private final PlannerFormats formats;
    private final PlannerTables tables;
    private final ReachChart reach;
    private final CalendarGrid calendar;
    private RunProgress progressOfBuild;
    private int simulations;
    private int builds;
    private int selected = -1;
    private boolean showing;
    private PlatformChips chips = new PlatformChips(List.of());
    private SuggestBudget budget;

    @FXML private DatePicker startPicker;
    @FXML private ToggleButton weekToggle;
    @FXML private ToggleButton monthToggle;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private ComboBox<ScheduleStore.Saved> savedChoice;
    @FXML private Button openButton;
    @FXML private Button deleteButton;
    @FXML private ProgressBar progress;
    @FXML private Button cancelButton;
    @FXML private Label updatingLabel;
    @FXML private Label problemLabel;
    @FXML private FlowPane palette;
    @FXML private VBox calendarBox;
    @FXML private Label noPostLabel;
    @FXML private GridPane postEditor;
    @FXML private ComboBox<String> platformChoice;
    @FXML private ComboBox<String> formatChoice;
    @FXML private TextField topicField;
    @FXML private TextField boostField;
    @FXML private CheckBox lockedCheck;
    @FXML private Label fatigueLabel;
    @FXML private Label fatigueValue;
    @FXML private Slider fatigueSlider;
    @FXML private Label priorLabel;
    @FXML private Spinner<Integer> priorSpinner;
    @FXML private Label notesLabel;
    @FXML private RadioButton hoursMode;
    @FXML private GridPane countsGrid;
    @FXML private VBox hoursBox;
    @FXML private Spinner<Double> hoursSpinner;
    @FXML private GridPane formatHoursGrid;
    @FXML private ComboBox<Goal> goalChoice;
    @FXML private Label targetLabel;
    @FXML private ComboBox<Target> targetChoice;
    @FXML private Label reasonsLabel;
    @FXML private GridPane totalsGrid;
    @FXML private Label leftOutLabel;
    @FXML private StackedAreaChart<Number, Number> reachChart;
    @FXML private TableView<PlannerTables.PlatformRow> platformTable;
    @FXML private TableView<Simulation.PostOutcome> postTable;

    /**
     * @param snapshots the application's activity snapshots (the funnel after a click is read from them)
     * @param results   the plan, model and results, kept while the project is open
     */
    public PlannerController(ProjectDatabase database, Snapshots snapshots, BackgroundRunner runner, UiText text,
                             ScheduleResults results, Glossary glossary, ExportMenu exports, PlanExport planExport) {
        this.database = database;
        this.snapshots = snapshots;
        this.runner = runner;
        this.text = text;
        this.results = results;
        this.planExport = planExport;
        this.glossary = glossary;
        this.exports = exports;
        this.formats = new PlannerFormats(text);
        this.tables = new PlannerTables(text, formats, glossary);
        this.reach = new ReachChart(text);
        this.calendar = new CalendarGrid(text, this);
    }

    @FXML
    private void initialize() {
        progressOfBuild = new RunProgress(text.bundle());
        progress.progressProperty().bind(progressOfBuild.fractionProperty());
        calendar.node().setPrefHeight(CalendarGrid.HOUR_HEIGHT * 15);
        problemLabel.managedProperty().bind(problemLabel.textProperty().isNotEmpty());
        calendarBox.getChildren().add(calendar.node());
        VBox.setVgrow(calendar.node(), javafx.scene.layout.Priority.ALWAYS);
        tables.setUpPlatforms(platformTable);
        tables.setUpPosts(postTable);
        exports.install(reachChart, "schedule-reach");
        exports.install(postTable, "schedule-posts");
        exports.install(platformTable, "schedule-platforms");
        glossary.attach(fatigueLabel, Term.POST_FATIGUE);
        glossary.attach(priorLabel, Term.PRIOR_POSTS);
        glossary.attach(targetLabel, Term.AUDIENCE_INDEX);
        targetChoice.setConverter(Views.converter(Target::label));
        goalChoice.getItems().setAll(Goal.values());
        goalChoice.setConverter(Views.converter(goal -> text.get("schedule.goal." + goal.key())));
        goalChoice.setValue(Goal.REACH);
        platformChoice.setConverter(Views.converter(text::platform));
        formatChoice.setConverter(Views.converter(format -> text.get("value.format." + format)));
        savedChoice.setConverter(Views.converter(ScheduleStore.Saved::name));
        budget = new SuggestBudget(text, countsGrid, formatHoursGrid);
        hoursSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 200, 20, 1));
        hoursMode.selectedProperty().addListener((observable, was, hours) -> {
            hoursBox.setVisible(hours);
            hoursBox.setManaged(hours);
            countsGrid.setVisible(!hours);
            countsGrid.setManaged(!hours);
        });
        setUpSettings();
        setUpPeriod();
        setUpEditor();
        if (results.history().isEmpty()) {
            LocalDate monday = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            results.useHistory(new PlanHistory(new SchedulePlan(monday.atStartOfDay(), 7,
                    SchedulePlan.DEFAULT_TAIL_DAYS, List.of())));
        }
        showPeriod();
        showPlan();
        refreshSaved();
        listTargets();
        results.model().ifPresentOrElse(model -> {
            modelShown(model);
            results.simulation().filter(simulation -> simulation.plan().equals(plan()))
                    .ifPresentOrElse(this::show, this::resimulate);
        }, this::build);
    }

    // Commands the section's keyboard shortcuts reach

    /** F5: reads the model again when it is missing, else simulates the plan again. */
    void run() {
        if (results.model().isEmpty()) {
            build();
        } else {
            resimulate();
        }
    }

    @FXML
    void undo() {
        if (history().undo()) {
            afterChange();
        }
    }

    @FXML
    void redo() {
        if (history().redo()) {
            afterChange();
        }
    }

    // The calendar's edits

    @Override
    public void add(String platform, LocalDateTime at) {
        String format = results.model().flatMap(model -> Optional.ofNullable(model.usualFormat().get(platform)))
                .orElse("video");
        List<PlannedPost> posts = new ArrayList<>(plan().posts());
        posts.add(PlannedPost.of(platform, at, format));
        selected = posts.size() - 1;
        change(plan().withPosts(posts));
    }

    @Override
    public void move(int index, LocalDateTime at) {
        edit(index, post -> post.movedTo(post.platform(), at));
    }

    @Override
    public void remove(int index) {
        List<PlannedPost> posts = new ArrayList<>(plan().posts());
        if (index < 0 || index >= posts.size()) {
            return;
        }
        posts.remove(index);
        selected = -1;
        change(plan().withPosts(posts));
    }

    @Override
    public void select(int index) {
        selected = index;
        showPlan();
    }

    @FXML
    private void removeSelected() {
        remove(selected);
    }

    private void edit(int index, UnaryOperator<PlannedPost> change) {
        List<PlannedPost> posts = new ArrayList<>(plan().posts());
        if (index < 0 || index >= posts.size()) {
            return;
        }
        posts.set(index, change.apply(posts.get(index)));
        selected = index;
        change(plan().withPosts(posts));
    }

    private void change(SchedulePlan next) {
        if (history().change(next)) {
            afterChange();
        } else {
            showPlan();
        }
    }

    private void afterChange() {
        if (selected >= plan().posts().size()) {
            selected = -1;
        }
        // The reasons explained the suggestion as it was made; after any change they would describe another plan.
        reasonsLabel.setText("");
        showPeriod();
        showPlan();
        resimulate();
    }

    // The plan on show

    private PlanHistory history() {
        return results.history().orElseThrow();
    }

    private SchedulePlan plan() {
        return history().current();
    }

    private LocalDateTime now() {
        ZoneId zone = results.model().map(model -> model.built().projectZone()).orElse(ZoneId.systemDefault());
        return LocalDateTime.now(zone);
    }

    private Set<String> knownPlatforms() {
        return results.model().map(model -> model.built().model().platformCodes()).orElse(Set.of());
    }

    private void showPlan() {
        calendar.show(plan(), selected, now(), chips, knownPlatforms());
        undoButton.setDisable(!history().canUndo());
        redoButton.setDisable(!history().canRedo());
        showEditor();
        showNotes();
    }

    private void setUpPeriod() {
        startPicker.valueProperty().addListener((observable, was, date) -> periodChosen());
        weekToggle.selectedProperty().addListener((observable, was, week) -> periodChosen());
        monthToggle.selectedProperty().addListener((observable, was, month) -> periodChosen());
        // A toggle group lets its selected button be pressed off; a period is always chosen.
        weekToggle.getToggleGroup().selectedToggleProperty().addListener((observable, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            }
        });
    }

    private void showPeriod() {
        showing = true;
        startPicker.setValue(plan().start().toLocalDate());
        boolean week = plan().days() == 7;
        weekToggle.setSelected(week);
        monthToggle.setSelected(!week);
        showing = false;
    }

    /**
     * A week starts on the first Monday from the date picked, a month on its first day. The plan moves with its
     * period: a post outside the new period moves by as many days as the period's start did (a Thursday 21:00 post
     * stays a Thursday 21:00 post of the new week); a post that still falls outside is dropped, and the view says
     * how many. The change can be undone as any other.
     */
    private void periodChosen() {
        if (showing || startPicker.getValue() == null || !(weekToggle.isSelected() || monthToggle.isSelected())) {
            return;
        }
        LocalDate picked = startPicker.getValue();
        LocalDate start = monthToggle.isSelected() ? picked.withDayOfMonth(1)
                : picked.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        int days = monthToggle.isSelected() ? start.lengthOfMonth() : 7;
        SchedulePlan period = new SchedulePlan(start.atStartOfDay(), days, SchedulePlan.DEFAULT_TAIL_DAYS, List.of());
        selected = -1;
        long shift = ChronoUnit.DAYS.between(plan().start().toLocalDate(), start);
        List<PlannedPost> moved = new ArrayList<>();
        for (PlannedPost post : plan().posts()) {
            PlannedPost candidate = period.covers(post.at()) ? post
                    : post.movedTo(post.platform(), post.at().plusDays(shift));
            if (period.covers(candidate.at())) {
                moved.add(candidate);
            }
        }
        int dropped = plan().posts().size() - moved.size();
        change(period.withPosts(moved));
        showPeriod();
        if (dropped > 0) {
            problemLabel.setText(text.get("schedule.planner.dropped", dropped));
        }
    }

    // The selected post's editor

    private void setUpEditor() {
        platformChoice.valueProperty().addListener((observable, was, platform) -> {
            if (!showing && platform != null) {
                edit(selected, post -> post.movedTo(platform, post.at()));
            }
        });
        formatChoice.valueProperty().addListener((observable, was, format) -> {
            if (!showing && format != null) {
                edit(selected, post -> new PlannedPost(post.platform(), post.at(), format, post.topic(), post.boost(),
                        post.locked()));
            }
        });
        lockedCheck.selectedProperty().addListener((observable, was, locked) -> {
            if (!showing) {
                edit(selected, post -> post.withLocked(locked));
            }
        });
        topicField.setOnAction(event -> topicTyped());
        topicField.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused) {
                topicTyped();
            }
        });
        boostField.setOnAction(event -> boostTyped());
        boostField.focusedProperty().addListener((observable, was, focused) -> {
            if (!focused) {
                boostTyped();
            }
        });
    }

    private void topicTyped() {
        if (showing || selected < 0) {
            return;
        }
        String topic = topicField.getText().strip();
        edit(selected, post -> new PlannedPost(post.platform(), post.at(), post.format(), topic, post.boost(),
                post.locked()));
    }

    private void boostTyped() {
        if (showing || selected < 0) {
            return;
        }
        String typed = boostField.getText().strip().replace("\u00a5", "");
        ParsePosition position = new ParsePosition(0);
        Number amount = typed.isEmpty() ? 0 : NumberFormat.getNumberInstance(text.locale()).parse(typed, position);
        if (amount == null || !typed.isEmpty() && position.getIndex() != typed.length()
                || !(amount.doubleValue() >= 0) || Double.isInfinite(amount.doubleValue())) {
            problemLabel.setText(text.get("schedule.error.boost", boostField.getText()));
            return;
        }
        problemLabel.setText("");
        double boost = amount.doubleValue();
        edit(selected, post -> new PlannedPost(post.platform(), post.at(), post.format(), post.topic(), boost,
                post.locked()));
    }

    private void showEditor() {
        boolean any = selected >= 0 && selected < plan().posts().size();
        postEditor.setDisable(!any);
        noPostLabel.setVisible(!any);
        noPostLabel.setManaged(!any);
        showing = true;
        if (any) {
            PlannedPost post = plan().posts().get(selected);
            Set<String> platforms = new LinkedHashSet<>(platforms());
            platforms.add(post.platform());
            platformChoice.getItems().setAll(platforms);
            platformChoice.setValue(post.platform());
            Set<String> shownFormats = new LinkedHashSet<>(results.model().map(ScheduleResults.Model::formats)
                    .orElse(PlannerModels.FORMATS));
            shownFormats.add(post.format());
            formatChoice.getItems().setAll(shownFormats);
            formatChoice.setValue(post.format());
            topicField.setText(post.topic());
            boostField.setText(post.boost() == 0 ? "" : NumberFormat.getNumberInstance(text.locale())
                    .format(post.boost()));
            lockedCheck.setSelected(post.locked());
        } else {
            platformChoice.setValue(null);
            formatChoice.setValue(null);
            topicField.setText("");
            boostField.setText("");
            lockedCheck.setSelected(false);
        }
        showing = false;
    }

    /** The model's platforms in the project's order. */
    private List<String> platforms() {
        return results.model().map(model -> List.copyOf(model.built().rates().keySet())).orElse(List.of());
    }

    // Settings and the model

    private void setUpSettings() {
        ScheduleSettings settings = results.settings();
        fatigueSlider.setValue(settings.fatigue());
        fatigueValue.setText(text.percent(settings.fatigue()));
        fatigueSlider.valueProperty().addListener((observable, was, value) -> {
            fatigueValue.setText(text.percent(value.doubleValue()));
            if (!fatigueSlider.isValueChanging()) {
                fatigueChosen();
            }
        });
        fatigueSlider.valueChangingProperty().addListener((observable, was, changing) -> {
            if (!changing) {
                fatigueChosen();
            }
        });
        priorSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 100,
                (int) Math.round(settings.priorPosts())));
        priorSpinner.valueProperty().addListener((observable, was, posts) -> {
            if (!showing && posts != null && posts != results.settings().priorPosts()) {
                results.chooseSettings(results.settings().withPriorPosts(posts));
                build();
            }
        });
    }

    private void fatigueChosen() {
        double fatigue = Math.round(fatigueSlider.getValue() * 100) / 100.0;
        if (showing || fatigue == results.settings().fatigue()) {
            return;
        }
        results.chooseSettings(results.settings().withFatigue(fatigue));
        Optional<ScheduleResults.Model> current = results.model();
        if (current.isEmpty()) {
            build();
            return;
        }
        ScheduleResults.Model model = current.get();
        ScheduleSettings settings = results.settings();
        startModelRun(context -> PlannerModels.withFatigue(model, settings));
    }

    /**
     * The tab is shown again: if the Best time view changed a half-life, an audience zone or (while the planner has
     * not set its own) k since the model was read, it is read again.
     */
    public void shown() {
        Optional<ScheduleResults.Model> current = results.model();
        if (current.isEmpty()) {
            return;
        }
        ScheduleSettings builtFor = current.get().builtFor();
        boolean chosen = results.settingsChosen();
        runner.run(text.get("schedule.building"), context -> new ScheduleSettingsStore(database).load(), stored -> {
            boolean changed = !stored.halfLifeHours().equals(builtFor.halfLifeHours())
                    || !stored.platformZones().equals(builtFor.platformZones())
                    || !chosen && stored.priorPosts() != builtFor.priorPosts();
            if (changed && results.model().equals(current)) {
                build();
            }
        }, this::failed);
    }

    /** Reads the model from the project with the settings on show. */
    private void build() {
        ScheduleSettings settings = results.settings();
        boolean chosen = results.settingsChosen();
        startModelRun(context -> PlannerModels.read(database, snapshots, settings, chosen, context));
    }

    private void startModelRun(Work<ScheduleResults.Model> work) {
        int build = ++builds;
        progress.setVisible(true);
        progress.setManaged(true);
        cancelButton.setVisible(true);
        cancelButton.setManaged(true);
        problemLabel.setText("");
        runner.run(text.get("schedule.building"), context -> work.run(progressOfBuild.around(context)), model -> {
            if (build != builds) {
                return;
            }
            buildEnded();
            results.useModel(model);
            results.useSettings(model.builtFor());
            modelShown(model);
            resimulate();
        }, failure -> {
            if (build == builds) {
                buildEnded();
                failed(failure);
            }
        }, () -> {
            if (build == builds) {
                buildEnded();
                problemLabel.setText(text.get("schedule.cancelled"));
            }
        });
    }

    private void buildEnded() {
        progress.setVisible(false);
        progress.setManaged(false);
        cancelButton.setVisible(false);
        cancelButton.setManaged(false);
    }

    @FXML
    private void cancel() {
        progressOfBuild.cancel();
    }

    /** The palette, the suggester's budget and the notes for the model now read. */
    private void modelShown(ScheduleResults.Model model) {
        List<String> platforms = platforms();
        chips = new PlatformChips(platforms);
        palette.getChildren().setAll(platforms.stream().map(code -> chips.paletteChip(code, text.platform(code)))
                .toList());
        showing = true;
        fatigueSlider.setValue(model.builtFor().fatigue());
        priorSpinner.getValueFactory().setValue((int) Math.round(model.builtFor().priorPosts()));
        showing = false;
        budget.show(platforms, formatsOf(model), plan());
        showPlan();
    }

    /** The format of each platform's new posts: the one most of its posts have. */
    private Map<String, String> formatsOf(ScheduleResults.Model model) {
        Map<String, String> formatOf = new LinkedHashMap<>();
        for (String platform : platforms()) {
            formatOf.put(platform, usualFormat(model, platform));
        }
        return formatOf;
    }

    private static String usualFormat(ScheduleResults.Model model, String platform) {
        return model.usualFormat().getOrDefault(platform, "video");
    }

    /** What the model assumes where it has no posts to go by, and posts that cannot be published as planned. */
    private void showNotes() {
        List<String> notes = new ArrayList<>();
        results.model().ifPresent(model -> {
            for (String platform : platforms()) {
                PlatformModel assumed = model.built().model().platform(platform).orElseThrow();
                if (!assumed.history()) {
                    notes.add(text.get("schedule.noHistory", text.platform(platform),
                            formats.decimal(assumed.halfLifeHours()),
                            text.count(assumed.expectedReach(usualFormat(model, platform))),
                            text.percent(assumed.platformRate())));
                }
            }
        });
        LocalDateTime now = now();
        long past = plan().posts().stream().filter(post -> post.at().isBefore(now)).count();
        if (past > 0) {
            notes.add(text.get("schedule.pastPosts", past));
        }
        notesLabel.setText(String.join("\n", notes));
    }

    // Simulating

    private void resimulate() {
        Optional<ScheduleResults.Model> model = results.model();
        if (model.isEmpty()) {
            return;
        }
        int request = ++simulations;
        SchedulePlan plan = plan();
        Simulator simulator = model.get().simulator();
        updatingLabel.setVisible(true);
        runner.run(text.get("schedule.simulating"), context -> simulator.simulate(plan), simulation -> {
            if (request == simulations) {
                results.show(simulation);
                show(simulation);
            }
        }, failure -> {
            if (request == simulations) {
                updatingLabel.setVisible(false);
                failed(failure);
            }
        });
    }

    private void show(Simulation simulation) {
        updatingLabel.setVisible(false);
        tables.showTotals(totalsGrid, simulation.total());
        tables.showPlatforms(platformTable, simulation);
        tables.showPosts(postTable, simulation);
        leftOutLabel.setText(tables.leftOut(simulation.unknown()));
        if (simulation.posts().isEmpty()) {
            reachChart.getData().clear();
        } else {
            reach.show(reachChart, simulation, platforms());
        }
    }

    // Suggesting

    @FXML
    private void suggest() {
        Optional<ScheduleResults.Model> model = results.model();
        if (model.isEmpty()) {
            problemLabel.setText(text.get("schedule.error.noModel"));
            return;
        }
        Map<String, String> formatOf = formatsOf(model.get());
        Map<String, Integer> wanted = budget.posts();
        boolean byHours = hoursMode.isSelected();
        double hours = hoursSpinner.getValue();
        Map<String, Double> hoursPerFormat = budget.hoursPerFormat();
        Goal goal = goalChoice.getValue();
        Target target = Optional.ofNullable(targetChoice.getValue()).orElse(everyone());
        // A post the user gave a topic or a boost is work they will not want replaced: it stays, as a locked one.
        SchedulePlan period = plan().withPosts(plan().posts().stream().map(post -> post.locked()
                || post.topic().isBlank() && post.boost() == 0 ? post : post.withLocked(true)).toList());
        LocalDateTime notBefore = now();
        Suggester suggester = new Suggester(model.get().built().model());
        problemLabel.setText("");
        runner.run(text.get("schedule.suggesting"), context -> {
            Map<String, double[]> audience = target.everyone() ? Map.of() : AudienceHours.of(
                    snapshots.of(database, context),
                    new SegmentStore(database).members(target.segmentationId(), target.segmentNo()));
            Map<String, Integer> posts = wanted;
            if (byHours) {
                Map<String, Integer> any = wanted.keySet().stream().collect(Collectors.toMap(p -> p, p -> 1));
                posts = suggester.postsForHours(new Suggester.Request(period, any, formatOf, goal, notBefore,
                        audience), hours, hoursPerFormat);
            }
            return suggester.suggest(new Suggester.Request(period, posts, formatOf, goal, notBefore, audience));
        }, this::suggested, this::failed);
    }

    /**
     * Spends the weekly boost budget the Budget view handed over on the plan's posts, each platform's budget split
     * evenly over its posts; undone as any other change. Platforms with a budget and no post are named.
     */
    @FXML
    private void spendBoostBudget() {
        runner.run(text.get("schedule.loadingSaved"), context -> new BoostBudgetStore(database).load(), weekly -> {
            if (weekly.isEmpty()) {
                problemLabel.setText(text.get("schedule.planner.boostBudget.none"));
                return;
            }
            BoostBudget.Spread spread = BoostBudget.spread(plan(), weekly);
            change(spread.plan());
            problemLabel.setText(spread.withoutPosts().isEmpty() ? ""
                    : text.get("schedule.planner.boostBudget.withoutPosts", String.join(text.get("schedule.list.separator"),
                    spread.withoutPosts().stream().map(text::platform).toList())));
        }, this::failed);
    }

    private void suggested(Suggester.Suggestion suggestion) {
        List<String> lines = new ArrayList<>();
        suggestion.shortOfSlots().forEach((platform, missing) -> lines.add(text.get("schedule.suggest.short",
                text.platform(platform), missing)));
        suggestion.reasons().forEach(reason -> lines.add(formats.reason(reason)));
        if (suggestion.reasons().isEmpty()) {
            lines.add(text.get("schedule.suggest.nothing"));
        }
        selected = -1;
        change(suggestion.plan());
        reasonsLabel.setText(String.join("\n", lines));
    }

    private Target everyone() {
        return new Target(0, 0, text.get("schedule.suggest.everyone"));
    }

    /** The saved segments, each a target the suggester can aim at. */
    private void listTargets() {
        targetChoice.getItems().setAll(everyone());
        targetChoice.setValue(targetChoice.getItems().getFirst());
        DefaultNames names = new DefaultNames(text);
        runner.run(text.get("schedule.loadingSegments"), context -> {
            SegmentStore store = new SegmentStore(database);
            List<Target> targets = new ArrayList<>();
            for (SegmentStore.Summary summary : store.list()) {
                for (SegmentProfile profile : store.profiles(summary.id())) {
                    targets.add(new Target(summary.id(), profile.number(), names.segmentation(summary.name())
                            + " \u00b7 " + names.segment(profile.name())));
                }
            }
            return targets;
        }, targets -> targetChoice.getItems().addAll(targets), this::failed);
    }

    // Saved plans

    @FXML
    private void save() {
        Optional<ScheduleResults.Model> model = results.model();
        if (model.isEmpty()) {
            problemLabel.setText(text.get("schedule.error.noModel"));
            return;
        }
        Dialogs dialogs = new Dialogs(text, window());
        dialogs.askText(text.get("schedule.save.title"), text.get("schedule.save.header"),
                results.savedName().orElse("")).map(String::strip).filter(name -> !name.isEmpty()).ifPresent(name -> {
                    boolean exists = savedChoice.getItems().stream().anyMatch(saved -> saved.name().equals(name));
                    if (exists && !dialogs.confirm(text.get("schedule.save.title"),
                            text.get("schedule.save.replace", name))) {
                        return;
                    }
                    SchedulePlan plan = plan();
                    ScheduleSettings settings = model.get().builtFor();
                    Simulator simulator = model.get().simulator();
                    runner.run(text.get("schedule.saving"), context -> {
                        ScheduleStore store = new ScheduleStore(database);
                        store.save(name, plan, settings, Prediction.of(simulator.simulate(plan)));
                        return store.list();
                    }, saved -> {
                        results.useSavedName(name);
                        showSaved(saved);
                    }, this::failed);
                });
    }

    @FXML
    private void open() {
        ScheduleStore.Saved chosen = savedChoice.getValue();
        if (chosen == null) {
            return;
        }
        results.useSavedName(chosen.name());
        selected = -1;
        reasonsLabel.setText("");
        boolean otherSettings = !chosen.settings().equals(results.settings());
        results.chooseSettings(chosen.settings());
        if (history().change(chosen.plan())) {
            showPeriod();
            showPlan();
        }
        if (otherSettings) {
            showing = true;
            fatigueSlider.setValue(chosen.settings().fatigue());
            priorSpinner.getValueFactory().setValue((int) Math.round(chosen.settings().priorPosts()));
            showing = false;
            build();
        } else {
            resimulate();
        }
    }

    @FXML
    private void delete() {
        ScheduleStore.Saved chosen = savedChoice.getValue();
        if (chosen == null || !new Dialogs(text, window()).confirm(text.get("schedule.delete.title"),
                text.get("schedule.delete.confirm", chosen.name()))) {
            return;
        }
        runner.run(text.get("schedule.deleting"), context -> {
            ScheduleStore store = new ScheduleStore(database);
            store.delete(chosen.name());
            return store.list();
        }, this::showSaved, this::failed);
    }

    private void refreshSaved() {
        runner.run(text.get("schedule.loadingSaved"), context -> new ScheduleStore(database).list(), this::showSaved,
                this::failed);
    }

    private void showSaved(List<ScheduleStore.Saved> saved) {
        savedChoice.getItems().setAll(saved);
        savedChoice.setValue(results.savedName().flatMap(name -> saved.stream()
                .filter(one -> one.name().equals(name)).findFirst()).orElse(saved.isEmpty() ? null : saved.getFirst()));
        openButton.setDisable(saved.isEmpty());
        deleteButton.setDisable(saved.isEmpty());
    }

    private void failed(Throwable failure) {
        if (failure instanceof FunnelException problem) {
            problemLabel.setText(problem.reason().in(text.bundle()));
        } else {
            new Dialogs(text, window()).unexpected(failure);
        }
    }

    @FXML
    private void exportCalendar() {
        results.model().ifPresent(model -> planExport.calendar(plan(), results.simulation(),
                model.built().projectZone(), window()));
    }

    @FXML
    private void exportCsv() {
        planExport.csv(plan(), results.simulation(), window());
    }

    private Window window() {
        return problemLabel.getScene() == null ? null : problemLabel.getScene().getWindow();
    }
}
