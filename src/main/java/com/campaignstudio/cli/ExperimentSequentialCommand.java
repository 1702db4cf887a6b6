package com.campaignstudio.cli;

import com.campaignstudio.experiments.DailyTotals;
import com.campaignstudio.experiments.ExperimentException;
import com.campaignstudio.experiments.SequentialTest;
import com.campaignstudio.text.Reason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Reads a running experiment day by day with the peeking-safe mSPRT. */
@Command(name = "sequential", mixinStandardHelpOptions = true,
        description = "Read a running A/B experiment every day without inflating false positives: the mixture "
                + "sequential probability ratio test (mSPRT) on running totals, with an always-valid p-value, "
                + "interval on the lift and verdict for each day.")
final class ExperimentSequentialCommand implements Callable<Integer> {

    @Option(names = "--day", paramLabel = "VA:CA:VB:CB", description = "One day's running totals: visitors and "
            + "conversions of A, then of B, such as 1500:150:1500:171; once per day, in order.")
    List<String> days;

    @Option(names = "--file", paramLabel = "FILE.csv", description = "Instead of --day: a CSV file with one row per "
            + "day (day,visitors_a,conversions_a,visitors_b,conversions_b; the header and the day column may be left "
            + "out).")
    Path file;

    @Option(names = "--min-lift", paramLabel = "DIFFERENCE", required = true, description = "The smallest absolute "
            + "lift that matters, such as 0.01 for one percentage point; fix it before the experiment starts.")
    double minLift;

    @Option(names = "--tau", paramLabel = "SPREAD", description = "The mixing spread tau (tau squared is the "
            + "variance of the lifts the test averages over). Default: the minimum lift.")
    Double tau;

    @Option(names = "--alpha", paramLabel = "SHARE", defaultValue = "0.05",
            description = "The false-positive rate to hold however often you look. Default: ${DEFAULT-VALUE}")
    double alpha;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if ((days == null) == (file == null)) {
            throw new IllegalArgumentException("give the daily running totals as --day VA:CA:VB:CB (once per day) or "
                    + "as --file FILE.csv, not both");
        }
        List<SequentialTest.Day> series = file != null ? read(file) : typed(days);
        SequentialTest.Settings settings = new SequentialTest.Settings(alpha, minLift, tau != null ? tau : minLift);
        SequentialTest.Result result = SequentialTest.run(series, settings);
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SequentialTest.Look look : result.looks()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("day", look.day().label());
            row.put("visitors_a", look.day().visitorsA());
            row.put("conversions_a", look.day().conversionsA());
            row.put("visitors_b", look.day().visitorsB());
            row.put("conversions_b", look.day().conversionsB());
            row.put("lift", look.lift());
            row.put("p_value", look.pValue());
            row.put("lift_low", look.interval().low());
            row.put("lift_high", look.interval().high());
            row.put("verdict", look.verdict().name().toLowerCase(Locale.ROOT));
            rows.add(row);
        }
        String verdict = Reason.of(result.verdict().messageKey(), "B", "A").english();
        if (json) {
            Map<String, Object> output = new LinkedHashMap<>();
            output.put("alpha", alpha);
            output.put("min_lift", minLift);
            output.put("tau", settings.tau());
            output.put("verdict", result.verdict().name().toLowerCase(Locale.ROOT));
            output.put("verdict_text", verdict);
            output.put("decided_on", result.decidedOn().map(look -> look.day().label()).orElse(null));
            output.put("days", rows);
            Output.json(out, output);
            return 0;
        }
        out.printf(Locale.ROOT, "mSPRT, alpha %s, minimum lift %s, tau %s: the p-value and interval stay valid "
                + "however often you look.%n", alpha, ExperimentCommand.points(minLift, false),
                ExperimentCommand.points(settings.tau(), false));
        Output.table(out, rows.stream().map(row -> {
            Map<String, Object> shown = new LinkedHashMap<>(row);
            shown.put("lift", ExperimentCommand.points((double) row.get("lift"), true));
            shown.put("p_value", ExperimentCommand.pValue((double) row.get("p_value")));
            shown.put("lift_low", ExperimentCommand.points((double) row.get("lift_low"), true));
            shown.put("lift_high", ExperimentCommand.points((double) row.get("lift_high"), true));
            shown.put("verdict", ((String) row.get("verdict")).replace('_', ' '));
            return shown;
        }).toList());
        out.println();
        out.println(verdict);
        out.println(result.decidedOn().map(look -> "Decided on day " + look.day().label() + ": "
                        + look.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".")
                .orElse("Not decided yet: keep the experiment running."));
        return 0;
    }

    private static List<SequentialTest.Day> typed(List<String> texts) {
        List<SequentialTest.Day> series = new ArrayList<>();
        for (String text : texts) {
            String[] fields = text.split(":", -1);
            if (fields.length != 4) {
                throw new IllegalArgumentException("--day " + text + ": write it as VA:CA:VB:CB, the running totals of "
                        + "visitors and conversions of A and of B, such as 1500:150:1500:171");
            }
            series.add(day(String.valueOf(series.size() + 1), fields, 0, "--day " + text));
        }
        return series;
    }

    /** Rows of day,visitors_a,conversions_a,visitors_b,conversions_b; a header and the day column are optional. */
    static List<SequentialTest.Day> read(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        try {
            return DailyTotals.parse(text);
        } catch (ExperimentException e) {
            throw new IllegalArgumentException(csv.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static SequentialTest.Day day(String label, String[] fields, int first, String where) {
        return new SequentialTest.Day(label, ExperimentCommand.count(where, fields[first], "visitors of A"),
                ExperimentCommand.count(where, fields[first + 1], "conversions of A"),
                ExperimentCommand.count(where, fields[first + 2], "visitors of B"),
                ExperimentCommand.count(where, fields[first + 3], "conversions of B"));
    }
}
