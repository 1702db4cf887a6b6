package com.campaignstudio.cli;

import com.campaignstudio.experiments.Bayesian;
import com.campaignstudio.experiments.ExperimentAnalysis;
import com.campaignstudio.experiments.ExperimentSetup;
import com.campaignstudio.experiments.ExperimentStore;
import com.campaignstudio.experiments.Interval;
import com.campaignstudio.experiments.SampleRatio;
import com.campaignstudio.experiments.Variant;
import com.campaignstudio.project.Project;
import com.campaignstudio.text.Reason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.DoubleFunction;

/** Reads an A/B (or A/B/n) experiment from typed-in counts; optionally saves it in a project or loads it from one. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Did variant B beat A? Compares each variant with the first (the control): rates with Wilson "
                + "95%% intervals, the lift with Newcombe and MOVER-R intervals, the two-proportion z-test, P(better) "
                + "and expected loss under Beta(1,1) priors, a verdict, and a check of the split. "
                + "'experiment size' plans the sample size and duration; 'experiment sequential' reads a daily series "
                + "with the peeking-safe mSPRT.",
        subcommands = {ExperimentSizeCommand.class, ExperimentSequentialCommand.class})
final class ExperimentCommand implements Callable<Integer> {

    @Option(names = "--variant", paramLabel = "NAME:VISITORS:CONVERSIONS", description = "A variant and its counts, "
            + "such as A:1000:100; give it once per variant, the control first.")
    List<String> variants;

    @Option(names = "--split", paramLabel = "SHARE", split = ",", description = "The intended split of visitors, one "
            + "share per variant, such as 50,50 or 1,1,2. Default: even.")
    List<Double> split;

    @Option(names = "--min-lift", paramLabel = "DIFFERENCE", description = "The smallest absolute lift in conversion "
            + "rate that matters, such as 0.02 for 2 percentage points: an interval inside it gives the verdict "
            + "NO_MEANINGFUL_DIFFERENCE.")
    Double minLift;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the Monte Carlo draws for three or more "
            + "variants. Default: 1")
    Long seed;

    @Option(names = "--project", paramLabel = "FILE", description = "The project file (.campaign) to save the "
            + "experiment in (--save) or load it from (--load).")
    Path projectFile;

    @Option(names = "--save", paramLabel = "NAME", description = "Save the experiment in the project under this "
            + "name, replacing one of that name.")
    String saveAs;

    @Option(names = "--load", paramLabel = "NAME", description = "Read the experiment saved under this name; "
            + "--split, --min-lift and --seed change it for this run.")
    String load;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((saveAs != null || load != null) && projectFile == null) {
            throw new IllegalArgumentException((load != null ? "--load" : "--save")
                    + " needs the project: add --project FILE.campaign");
        }
        if (load != null && variants != null) {
            throw new IllegalArgumentException("--load reads the variants saved under \"" + load
                    + "\"; leave out --variant, or leave out --load");
        }
        if (load == null && (variants == null || variants.size() < 2)) {
            throw new IllegalArgumentException("give each variant as --variant NAME:VISITORS:CONVERSIONS, at least two, "
                    + "the control first (such as --variant A:1000:100 --variant B:1000:130), or --load NAME");
        }
        ExperimentAnalysis.Analysis analysis;
        boolean replaced = false;
        if (projectFile == null) {
            analysis = ExperimentAnalysis.analyse(setup(null));
        } else {
            ProjectOption project = new ProjectOption();
            project.file = projectFile;
            try (Project open = project.open()) {
                ExperimentStore store = new ExperimentStore(open.database());
                ExperimentSetup saved = null;
                if (load != null) {
                    Optional<ExperimentStore.Saved> found = store.load(load);
                    if (found.isEmpty()) {
                        throw new IllegalArgumentException("no experiment named \"" + load + "\" in "
                                + projectFile.getFileName() + "; saved experiments: " + names(store));
                    }
                    saved = found.get().setup();
                }
                analysis = ExperimentAnalysis.analyse(setup(saved));
                if (saveAs != null) {
                    replaced = store.save(saveAs, analysis);
                    ProjectOption.save(open);
                }
            }
        }
        print(analysis, replaced);
        return 0;
    }

    private static String names(ExperimentStore store) throws SQLException {
        List<String> names = store.list().stream().map(ExperimentStore.Saved::name).toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** The setup typed, or the saved one with what was typed changed. */
    private ExperimentSetup setup(ExperimentSetup saved) {
        List<Variant> typed = saved != null ? saved.variants() : variants.stream().map(ExperimentCommand::variant).toList();
        List<Double> shares = split != null ? split : saved != null ? saved.intendedSplit() : List.of();
        Optional<Double> lift = minLift != null ? Optional.of(minLift) : saved != null ? saved.minLift() : Optional.empty();
        long chosenSeed = seed != null ? seed : saved != null ? saved.seed() : 1;
        return new ExperimentSetup(typed, shares, lift, chosenSeed);
    }

    /** NAME:VISITORS:CONVERSIONS; the name may itself hold colons. */
    static Variant variant(String text) {
        int last = text.lastIndexOf(':');
        int middle = last < 0 ? -1 : text.lastIndexOf(':', last - 1);
        if (middle < 0) {
            throw new IllegalArgumentException("--variant " + text + ": write it as NAME:VISITORS:CONVERSIONS, such as "
                    + "A:1000:100");
        }
        String where = "--variant " + text;
        return new Variant(text.substring(0, middle), count(where, text.substring(middle + 1, last), "visitors"),
                count(where, text.substring(last + 1), "conversions"));
    }

    static long count(String option, String number, String what) {
        try {
            return Long.parseLong(number.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": the " + what + " '" + number + "' is not a whole number");
        }
    }

    private void print(ExperimentAnalysis.Analysis analysis, boolean replaced) {
        PrintWriter out = spec.commandLine().getOut();
        String control = analysis.setup().control().name();
        if (json) {
            Output.json(out, json(analysis));
            return;
        }
        out.printf(Locale.ROOT, "Control: %s. Rates with Wilson 95%% intervals; %s under Beta(1,1) priors.%n", control,
                analysis.simulated() ? "chance to be best and expected loss from "
                        + String.format(Locale.ROOT, "%,d", Bayesian.DRAWS)
                        + " seeded draws" : "chance to be best and expected loss exact");
        Output.table(out, analysis.arms().stream().map(arm -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("variant", arm.variant().name());
            row.put("visitors", arm.variant().visitors());
            row.put("conversions", arm.variant().conversions());
            row.put("rate", Output.percent(arm.rate()));
            row.put("rate_95", Output.percent(arm.wilson().low()) + " to " + Output.percent(arm.wilson().high()));
            row.put("chance_best", Output.percent(arm.chanceToBeBest()));
            row.put("expected_loss", points(arm.expectedLoss(), false));
            return row;
        }).toList());
        out.println();
        boolean several = analysis.comparisons().size() > 1;
        String level = several ? "lift_" + Output.percent(analysis.comparisons().getFirst().intervalLevel())
                .replace(".0%", "").replace("%", "") : "lift_95";
        Output.table(out, analysis.comparisons().stream().map(comparison -> {
            Map<String, Object> row = new LinkedHashMap<>();
            var test = comparison.test();
            row.put("variant", comparison.variant());
            row.put("lift", points(test.absoluteLift(), true));
            row.put(level, range(test.absoluteInterval(), ExperimentCommand::signedPoints) + " pp");
            row.put("relative", test.relativeLift().map(r -> signedPercent(r)).orElse("-"));
            row.put("relative_" + level.substring(5), test.relativeInterval()
                    .map(i -> range(i, ExperimentCommand::signedPercent)).orElse("-"));
            row.put("z", String.format(Locale.ROOT, "%.2f", test.z()));
            row.put("p_value", pValue(test.pValue()));
            if (several) {
                row.put("p_adjusted", pValue(comparison.adjustedPValue()));
            }
            row.put("p_better", Output.percent(comparison.probabilityBetter()));
            row.put("loss_if_chosen", points(comparison.lossChoosingVariant(), false));
            row.put("verdict", comparison.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            return row;
        }).toList());
        out.println();
        for (ExperimentAnalysis.Comparison comparison : analysis.comparisons()) {
            out.println(verdictText(comparison));
        }
        SampleRatio ratio = analysis.sampleRatio();
        out.printf(Locale.ROOT, "Split: %s (intended %s), chi-square p = %s%n", shares(ratio.observed()),
                shares(ratio.shares()), pValue(ratio.pValue()));
        analysis.warnings().forEach(warning -> out.println("Warning: " + warning.english()));
        analysis.notes().forEach(note -> out.println("Note: " + note.english()));
        if (saveAs != null) {
            out.println((replaced ? "Saved, replacing the earlier \"" : "Saved as \"") + saveAs.strip() + "\" in "
                    + projectFile.getFileName());
        }
    }

    private Map<String, Object> json(ExperimentAnalysis.Analysis analysis) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("control", analysis.setup().control().name());
        result.put("min_lift", analysis.setup().minLift().orElse(null));
        result.put("seed", analysis.setup().seed());
        Map<String, Object> methods = new LinkedHashMap<>();
        methods.put("rate_interval", "wilson");
        methods.put("lift_interval", "newcombe_hybrid_score");
        methods.put("relative_lift_interval", "mover_r_wilson");
        methods.put("p_value", "pooled_two_proportion_z_test");
        methods.put("bayesian", analysis.simulated() ? "beta_1_1_monte_carlo" : "beta_1_1_closed_form");
        result.put("methods", methods);
        result.put("variants", analysis.arms().stream().map(arm -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", arm.variant().name());
            row.put("visitors", arm.variant().visitors());
            row.put("conversions", arm.variant().conversions());
            row.put("rate", arm.rate());
            row.put("rate_low", arm.wilson().low());
            row.put("rate_high", arm.wilson().high());
            row.put("chance_to_be_best", arm.chanceToBeBest());
            row.put("expected_loss", arm.expectedLoss());
            return row;
        }).toList());
        result.put("comparisons", analysis.comparisons().stream().map(comparison -> {
            Map<String, Object> row = new LinkedHashMap<>();
            var test = comparison.test();
            row.put("variant", comparison.variant());
            row.put("control", comparison.control());
            row.put("interval_level", comparison.intervalLevel());
            row.put("absolute_lift", test.absoluteLift());
            row.put("absolute_lift_low", test.absoluteInterval().low());
            row.put("absolute_lift_high", test.absoluteInterval().high());
            row.put("relative_lift", test.relativeLift().orElse(null));
            row.put("relative_lift_low", test.relativeInterval().map(Interval::low).orElse(null));
            row.put("relative_lift_high", test.relativeInterval().map(Interval::high).orElse(null));
            row.put("z", test.z());
            row.put("p_value", test.pValue());
            row.put("p_value_adjusted", comparison.adjustedPValue());
            row.put("probability_better", comparison.probabilityBetter());
            row.put("expected_loss_choosing_variant", comparison.lossChoosingVariant());
            row.put("expected_loss_keeping_control", comparison.lossKeepingControl());
            row.put("verdict", comparison.verdict().name().toLowerCase(Locale.ROOT));
            row.put("verdict_text", verdictText(comparison));
            return row;
        }).toList());
        SampleRatio ratio = analysis.sampleRatio();
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("intended", ratio.shares());
        split.put("observed", ratio.observed());
        split.put("chi_square", ratio.chiSquare());
        split.put("p_value", ratio.pValue());
        split.put("mismatch", ratio.mismatch());
        result.put("sample_ratio", split);
        result.put("warnings", analysis.warnings());
        result.put("notes", analysis.notes());
        if (saveAs != null) {
            result.put("saved_as", saveAs.strip());
        }
        return result;
    }

    private static String verdictText(ExperimentAnalysis.Comparison comparison) {
        return Reason.of(comparison.verdict().messageKey(), comparison.variant(), comparison.control()).english();
    }

    static String pValue(double p) {
        return p < 0.0001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    /** A difference in rate, in percentage points. */
    static String points(double difference, boolean signed) {
        return String.format(Locale.ROOT, signed ? "%+.2f pp" : "%.2f pp", difference * 100);
    }

    static String signedPoints(double difference) {
        return String.format(Locale.ROOT, "%+.2f", difference * 100);
    }

    static String signedPercent(double share) {
        return String.format(Locale.ROOT, "%+.1f%%", share * 100);
    }

    private static String range(Interval interval, DoubleFunction<String> format) {
        return format.apply(interval.low()) + " to " + format.apply(interval.high());
    }

    private static String shares(List<Double> shares) {
        List<String> shown = new ArrayList<>();
        shares.forEach(share -> shown.add(Output.percent(share)));
        return String.join(" / ", shown);
    }
}
