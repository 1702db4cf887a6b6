package com.campaignstudio.ui.experiments;

import com.campaignstudio.experiments.DailyTotals;
import com.campaignstudio.experiments.ExperimentAnalysis;
import com.campaignstudio.experiments.ExperimentException;
import com.campaignstudio.experiments.ExperimentSetup;
import com.campaignstudio.experiments.ExperimentStore;
import com.campaignstudio.experiments.SampleSize;
import com.campaignstudio.experiments.SequentialTest;
import com.campaignstudio.experiments.Variant;
import com.campaignstudio.text.Reason;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * What the Experiments view shows, as the user typed it and as it was read: the variants with their counts and
 * intended shares, the minimum lift that matters, the reading of the last run; the sample size question; the daily
 * running totals of a running experiment and their peeking-safe reading; and the experiments saved in the project.
 * It lives as long as the open project, not as long as the view, so that a view built again in another language
 * shows the same. Typed text is kept as typed and read here, so a mistake is reported with what to fix, in the
 * user's language ({@link InputProblem}).
 */
public final class ExperimentsModel {

    /** Typed percentages are read to this many places (a rate of 5.25% is 0.0525). */
    private static final int PERCENT_SCALE = 2;

    /** A variant's row as typed: name, visitors, conversions and its share of the intended split. */
    public static final class VariantRow {
        private final StringProperty name;
        private final StringProperty visitors;
        private final StringProperty conversions;
        private final StringProperty share;

        public VariantRow(String name, String visitors, String conversions, String share) {
            this.name = new SimpleStringProperty(name);
            this.visitors = new SimpleStringProperty(visitors);
            this.conversions = new SimpleStringProperty(conversions);
            this.share = new SimpleStringProperty(share);
        }

        public StringProperty nameProperty() {
            return name;
        }

        public StringProperty visitorsProperty() {
            return visitors;
        }

        public StringProperty conversionsProperty() {
            return conversions;
        }

        public StringProperty shareProperty() {
            return share;
        }
    }

    /**
     * Typed input that cannot be read; the reason says what to type instead. A problem with one field names the
     * field first ({@code field}), in the language the problem is shown in.
     */
    public static final class InputProblem extends Exception {
        private final transient Reason reason;
        private final transient Reason field;

        InputProblem(Reason reason) {
            this(reason, null);
        }

        InputProblem(Reason reason, Reason field) {
            super(reason.english());
            this.reason = reason;
            this.field = field;
        }

        /** What is wrong and what to type instead, in the language of {@code bundle}. */
        public String in(ResourceBundle bundle) {
            if (field == null) {
                return reason.in(bundle);
            }
            List<String> arguments = new ArrayList<>(reason.arguments());
            arguments.addFirst(field.in(bundle));
            return new Reason(reason.key(), arguments).in(bundle);
        }
    }

    private final ObservableList<VariantRow> variants = FXCollections.observableArrayList();
    private final StringProperty minLift = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<ExperimentAnalysis.Analysis> analysis = new ReadOnlyObjectWrapper<>();
    private final StringProperty savedName = new SimpleStringProperty("");
    private final ObservableList<ExperimentStore.Saved> saved = FXCollections.observableArrayList();
    private long seed = 1;
    /** How the variants on show were counted from the project; empty when they were typed or loaded. */
    private final ObservableList<Reason> fillNotes = FXCollections.observableArrayList();

    private final StringProperty baseline = new SimpleStringProperty("5");
    private final StringProperty lift = new SimpleStringProperty("20");
    private final ObjectProperty<SampleSize.LiftKind> liftKind = new SimpleObjectProperty<>(SampleSize.LiftKind.RELATIVE);
    private final StringProperty power = new SimpleStringProperty("80");
    private final StringProperty alpha = new SimpleStringProperty("5");
    private final ObjectProperty<Integer> arms = new SimpleObjectProperty<>(2);
    private final StringProperty dailyTraffic = new SimpleStringProperty("");

    private final StringProperty dailyTotals = new SimpleStringProperty("");
    private final StringProperty sequentialMinLift = new SimpleStringProperty("1");
    private final StringProperty sequentialAlpha = new SimpleStringProperty("5");
    private final ReadOnlyObjectWrapper<SequentialTest.Result> sequential = new ReadOnlyObjectWrapper<>();

    public ExperimentsModel() {
        clear();
    }

    // Properties

    /** The variants as typed, the control first. */
    public ObservableList<VariantRow> variants() {
        return variants;
    }

    /** The smallest absolute lift that matters, in percentage points, as typed (blank: none). */
    public ObservableList<Reason> fillNotes() {
        return fillNotes;
    }

    public StringProperty minLiftProperty() {
        return minLift;
    }

    /** The reading of the last run, or null. */
    public ReadOnlyObjectProperty<ExperimentAnalysis.Analysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    public Optional<ExperimentAnalysis.Analysis> analysis() {
        return Optional.ofNullable(analysis.get());
    }

    /** The name the variants were loaded from or saved under; blank for a new experiment. */
    public StringProperty savedNameProperty() {
        return savedName;
    }

    /** The project's saved experiments, the most recently saved first. */
    public ObservableList<ExperimentStore.Saved> saved() {
        return saved;
    }

    public StringProperty baselineProperty() {
        return baseline;
    }

    public StringProperty liftProperty() {
        return lift;
    }

    public ObjectProperty<SampleSize.LiftKind> liftKindProperty() {
        return liftKind;
    }

    public StringProperty powerProperty() {
        return power;
    }

    public StringProperty alphaProperty() {
        return alpha;
    }

    public ObjectProperty<Integer> armsProperty() {
        return arms;
    }

    /** People a day entering the experiment, all arms together (blank: unknown). */
    public StringProperty dailyTrafficProperty() {
        return dailyTraffic;
    }

    /** The running totals, one day a line, as pasted, typed or imported. */
    public StringProperty dailyTotalsProperty() {
        return dailyTotals;
    }

    public StringProperty sequentialMinLiftProperty() {
        return sequentialMinLift;
    }

    public StringProperty sequentialAlphaProperty() {
        return sequentialAlpha;
    }

    public ReadOnlyObjectProperty<SequentialTest.Result> sequentialProperty() {
        return sequential.getReadOnlyProperty();
    }

    public Optional<SequentialTest.Result> sequential() {
        return Optional.ofNullable(sequential.get());
    }

    // Commands

    /** Back to a new experiment with variants A and B and no results (another project was opened). */
    public void clear() {
        variants.setAll(new VariantRow("A", "", "", "1"), new VariantRow("B", "", "", "1"));
        minLift.set("");
        analysis.set(null);
        savedName.set("");
        saved.clear();
        seed = 1;
        fillNotes.clear();
        dailyTotals.set("");
        sequential.set(null);
    }

    /** Adds a variant named after the next letter not taken, with an even share. */
    public VariantRow addVariant() {
        String name = null;
        for (char letter = 'A'; letter <= 'Z' && name == null; letter++) {
            String candidate = String.valueOf(letter);
            if (variants.stream().noneMatch(row -> row.nameProperty().get().strip().equalsIgnoreCase(candidate))) {
                name = candidate;
            }
        }
        VariantRow row = new VariantRow(name == null ? "" : name, "", "", "1");
        variants.add(row);
        return row;
    }

    /** Removes a variant; two always stay. */
    public void removeVariant(VariantRow row) {
        if (variants.size() > 2) {
            variants.remove(row);
        }
    }

    /** The typed variants, split and minimum lift as an experiment's setup. */
    public ExperimentSetup setup() throws InputProblem {
        List<Variant> read = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        for (VariantRow row : variants) {
            String name = row.nameProperty().get() == null ? "" : row.nameProperty().get().strip();
            String shown = name.isEmpty() ? String.valueOf(read.size() + 1) : name;
            long visitors = whole(row.visitorsProperty().get(), Reason.of("experiment.input.visitors", shown));
            long conversions = whole(row.conversionsProperty().get(), Reason.of("experiment.input.conversions", shown));
            read.add(domain(() -> new Variant(name, visitors, conversions)));
            shares.add(positive(row.shareProperty().get(), Reason.of("experiment.input.share", shown)));
        }
        Optional<Double> lift = blank(minLift.get()) ? Optional.empty()
                : Optional.of(points(minLift.get(), Reason.of("experiment.input.minLift")));
        return domain(() -> new ExperimentSetup(read, shares, lift, seed));
    }

    public void show(ExperimentAnalysis.Analysis read) {
        analysis.set(read);
    }

    /** Fills the variants from a saved experiment. */
    public void load(ExperimentStore.Saved experiment) {
        ExperimentSetup setup = experiment.setup();
        List<VariantRow> rows = new ArrayList<>();
        for (int i = 0; i < setup.variants().size(); i++) {
            Variant variant = setup.variants().get(i);
            rows.add(new VariantRow(variant.name(), Long.toString(variant.visitors()),
                    Long.toString(variant.conversions()), plain(setup.intendedSplit().get(i))));
        }
        variants.setAll(rows);
        minLift.set(setup.minLift().map(d -> plain(d * 100)).orElse(""));
        seed = setup.seed();
        savedName.set(experiment.name());
        fillNotes.clear();
        analysis.set(null);
    }

    /**
     * Puts counts read from the project in the variants, and what to know about them: the analysis on show was of
     * other counts, and the saved experiment's name no longer fits them. The split is the visitors counted, as
     * nothing assigned these groups: an even split would make every uneven pair of campaigns a sample ratio mismatch.
     */
    public void fill(List<Variant> counted, List<Reason> notes) {
        List<VariantRow> rows = counted.stream().map(variant -> new VariantRow(variant.name(),
                Long.toString(variant.visitors()), Long.toString(variant.conversions()),
                Long.toString(variant.visitors()))).toList();
        for (VariantRow row : rows) {
            // A count changed by hand is no longer the one the notes describe.
            row.visitorsProperty().addListener((observable, was, now) -> fillNotes.clear());
            row.conversionsProperty().addListener((observable, was, now) -> fillNotes.clear());
        }
        variants.setAll(rows);
        List<Reason> shown = new ArrayList<>(notes);
        shown.add(Reason.of("experiments.fill.splitNote"));
        fillNotes.setAll(shown);
        savedName.set("");
        analysis.set(null);
    }

    /** The sample size question as typed. */
    public SampleSize.Inputs sizeInputs() throws InputProblem {
        double base = percent(baseline.get(), Reason.of("experiment.input.baseline"));
        SampleSize.LiftKind kind = liftKind.get();
        double typedLift = kind == SampleSize.LiftKind.RELATIVE
                ? percent(lift.get(), Reason.of("experiment.input.liftRelative"))
                : points(lift.get(), Reason.of("experiment.input.liftAbsolute"));
        double chance = percent(power.get(), Reason.of("experiment.input.power"));
        double level = percent(alpha.get(), Reason.of("experiment.input.alpha"));
        return domain(() -> new SampleSize.Inputs(base, typedLift, kind, chance, level, arms.get()));
    }

    /** The plan for the question as typed: with its duration when the daily traffic is given. */
    public SampleSize.Plan plan() throws InputProblem {
        SampleSize.Inputs inputs = sizeInputs();
        if (blank(dailyTraffic.get())) {
            return domain(() -> SampleSize.plan(inputs));
        }
        double daily = positive(dailyTraffic.get(), Reason.of("experiment.input.daily"));
        return domain(() -> SampleSize.plan(inputs, daily, false));
    }

    /** The days typed, and the settings, as the peeking-safe test reads them. */
    public SequentialInput sequentialInput() throws InputProblem {
        List<SequentialTest.Day> days = domain(() -> DailyTotals.parse(dailyTotals.get() == null ? ""
                : dailyTotals.get()));
        double minimum = points(sequentialMinLift.get(), Reason.of("experiment.input.minLift"));
        double level = percent(sequentialAlpha.get(), Reason.of("experiment.input.alpha"));
        SequentialTest.Settings settings = domain(() -> SequentialTest.Settings.of(level, minimum));
        return new SequentialInput(days, settings);
    }

    /** What the peeking-safe test is run on. */
    public record SequentialInput(List<SequentialTest.Day> days, SequentialTest.Settings settings) {
    }

    public void show(SequentialTest.Result read) {
        sequential.set(read);
    }

    public void showSaved(List<ExperimentStore.Saved> found) {
        saved.setAll(found);
    }

    /** Whether an experiment is saved under {@code name} (as the store compares names: stripped). */
    public boolean isSaved(String name) {
        return saved.stream().anyMatch(experiment -> experiment.name().equals(name.strip()));
    }

    // Reading typed numbers

    /** A whole number of 0 or more; digits may be grouped with commas or spaces (1,000 or 1 000). */
    static long whole(String typed, Reason field) throws InputProblem {
        String digits = typed == null ? "" : typed.strip().replaceAll("[,\\s\u00a0\uff0c_]", "");
        if (!digits.matches("\\d{1,15}")) {
            throw new InputProblem(Reason.of("experiment.input.notWhole", shown(typed)), field);
        }
        return Long.parseLong(digits);
    }

    /** A number above 0, such as a share of the split or people a day; digits may be grouped (2,500). */
    static double positive(String typed, Reason field) throws InputProblem {
        double value = number(typed, field);
        if (!(value > 0)) {
            throw new InputProblem(Reason.of("experiment.input.notPositive", shown(typed)), field);
        }
        return value;
    }

    /** A percentage as typed (5 or 5%) as a share (0.05). */
    static double percent(String typed, Reason field) throws InputProblem {
        return scaled(number(typed == null ? null : typed.replace("%", "").replace("\uff05", ""), field));
    }

    /** Percentage points as typed (2) as a difference in rate (0.02). */
    static double points(String typed, Reason field) throws InputProblem {
        return scaled(number(typed, field));
    }

    private static double scaled(double percent) {
        return BigDecimal.valueOf(percent).movePointLeft(2).doubleValue();
    }

    private static double number(String typed, Reason field) throws InputProblem {
        String clean = typed == null ? "" : typed.strip().replaceAll("[\\s\u00a0]", "").replace("\uff0e", ".")
                .replace('\uff0c', ',');
        if (clean.matches("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d*)?")) {
            clean = clean.replace(",", ""); // digits grouped by thousands: 2,500
        }
        if (clean.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)")) {
            return Double.parseDouble(clean);
        }
        throw new InputProblem(Reason.of("experiment.input.notNumber", shown(typed)), field);
    }

    private static String shown(String typed) {
        return typed == null ? "" : typed.strip();
    }

    private static boolean blank(String typed) {
        return typed == null || typed.isBlank();
    }

    /** A number as the user would type it: 1 rather than 1.0, 0.5 rather than 5.0E-1. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).setScale(PERCENT_SCALE + 4, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    /** Domain work whose refusal is reported as typed input to fix. */
    @FunctionalInterface
    private interface DomainWork<T> {
        T get();
    }

    private static <T> T domain(DomainWork<T> work) throws InputProblem {
        try {
            return work.get();
        } catch (ExperimentException e) {
            throw new InputProblem(e.reason());
        }
    }
}
