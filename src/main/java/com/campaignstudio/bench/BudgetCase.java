package com.campaignstudio.bench;

import com.campaignstudio.budget.Adstock;
import com.campaignstudio.budget.BudgetAnalysis;
import com.campaignstudio.budget.BudgetGoal;
import com.campaignstudio.budget.BudgetOptimizer;
import com.campaignstudio.budget.BudgetPlan;
import com.campaignstudio.budget.HillCurve;
import com.campaignstudio.budget.WeeklyHistory;
import com.campaignstudio.work.TaskContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The budget split's figures on synthetic platforms: optimising 10 platforms with bounds, the best outcome at 100
 * budgets with intervals, and fitting 8 platforms × 2 years of weeks with a 500-draw bootstrap.
 */
final class BudgetCase {

    private static final int RUNS = 50;

    private BudgetCase() {
    }

    static BenchResult optimize(String name) {
        SplittableRandom random = new SplittableRandom(3);
        List<HillCurve> curves = new ArrayList<>();
        List<BudgetOptimizer.Bounds> bounds = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            // Half the curves S-shaped (α > 1), which take the trading step on top of water-filling.
            curves.add(new HillCurve(20_000 + 80_000 * random.nextDouble(), p % 2 == 0 ? 0.8 : 1.6 + random.nextDouble(),
                    5_000 + 20_000 * random.nextDouble()));
            bounds.add(new BudgetOptimizer.Bounds(p < 3 ? 2_000 : 0, p >= 7 ? 15_000 : Double.POSITIVE_INFINITY));
        }
        double[] ms = new double[RUNS];
        HeapPeak.reset();
        for (int run = 0; run < RUNS; run++) {
            long t = System.nanoTime();
            BudgetOptimizer.optimize(curves, 100_000 + 1_000 * run, bounds);
            ms[run] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("median_ms", format(ms[RUNS / 2]));
        extra.put("p90_ms", format(ms[(int) (RUNS * 0.9)]));
        return new BenchResult(name, curves.size(), ms[RUNS / 2] / 1000, HeapPeak.megabytes(), extra);
    }

    static BenchResult curve(String name) {
        BudgetAnalysis analysis = BudgetAnalysis.run(history(8, 104), BudgetGoal.REVENUE,
                BudgetAnalysis.DEFAULT_DRAWS, BudgetAnalysis.DEFAULT_SEED, TaskContext.silent());
        int weeks = 4;
        double total = Arrays.stream(BudgetPlan.currentSpend(analysis.history(), weeks)).sum();
        double[] budgets = new double[100];
        for (int b = 0; b < budgets.length; b++) {
            budgets[b] = total * (0.25 + 1.75 * b / (budgets.length - 1));
        }
        List<BudgetOptimizer.Bounds> bounds = analysis.history().platforms().stream()
                .map(platform -> BudgetOptimizer.Bounds.free()).toList();
        double[] ms = new double[5];
        HeapPeak.reset();
        for (int run = 0; run < ms.length; run++) {
            long t = System.nanoTime();
            BudgetPlan.bestByBudget(analysis, budgets, bounds, weeks);
            ms[run] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("budgets", Integer.toString(budgets.length));
        extra.put("draws", Integer.toString(analysis.draws().size()));
        extra.put("median_ms", format(ms[ms.length / 2]));
        return new BenchResult(name, budgets.length, ms[ms.length / 2] / 1000, HeapPeak.megabytes(), extra);
    }

    static BenchResult fit(Path scratch, String name) throws IOException, InterruptedException {
        WeeklyHistory history = history(8, 104);
        HeapPeak.reset();
        long t = System.nanoTime();
        BudgetAnalysis analysis = BudgetAnalysis.run(history, BudgetGoal.REVENUE, BudgetAnalysis.DEFAULT_DRAWS,
                BudgetAnalysis.DEFAULT_SEED, TaskContext.silent());
        double seconds = (System.nanoTime() - t) / 1e9;
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("platforms", "8");
        extra.put("weeks", "104");
        extra.put("draws", Integer.toString(analysis.draws().size()));
        extra.put("sse", String.format(Locale.ROOT, "%.6g", analysis.fit().sse()));
        extra.put("r2", String.format(Locale.ROOT, "%.3f", analysis.fit().r2()));
        extra.putAll(scipy(scratch, history, seconds));
        return new BenchResult(name, history.weeks(), seconds, HeapPeak.megabytes(), extra);
    }

    /**
     * The same fit and bootstrap in Python with SciPy's least squares (scripts/budget_fit_scipy.py), where python3
     * with SciPy is installed: its time, its sum of squares, and its time over ours.
     */
    private static Map<String, String> scipy(Path scratch, WeeklyHistory history, double javaSeconds)
            throws IOException, InterruptedException {
        Path script = Path.of("scripts", "budget_fit_scipy.py");
        if (!Files.isRegularFile(script)) {
            return Map.of("scipy", "unavailable(no-script)");
        }
        Path data = scratch.resolve("budget-fit-weeks.csv");
        StringBuilder csv = new StringBuilder("outcome," + String.join(",", history.platforms()) + "\n");
        for (int t = 0; t < history.weeks(); t++) {
            csv.append(history.outcome()[t]);
            for (double[] spend : history.spend()) {
                csv.append(',').append(spend[t]);
            }
            csv.append('\n');
        }
        Files.writeString(data, csv);
        Process python;
        try {
            python = new ProcessBuilder("python3", script.toString(), data.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return Map.of("scipy", "unavailable(no-python3)");
        }
        String output = new String(python.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        String last = output.strip().lines().reduce((first, second) -> second).orElse("");
        if (python.waitFor() != 0 || !last.startsWith("{")) {
            return Map.of("scipy", "unavailable(python3-with-scipy)");
        }
        JsonNode result = JsonMapper.builder().build().readTree(last);
        double seconds = result.get("seconds").asDouble();
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("scipy_seconds", String.format(Locale.ROOT, "%.3f", seconds));
        extra.put("scipy_sse", String.format(Locale.ROOT, "%.6g", result.get("sse").asDouble()));
        extra.put("scipy_over_java", String.format(Locale.ROOT, "%.1f", seconds / javaSeconds));
        return extra;
    }

    /**
     * Weeks of spend on {@code platforms} platforms, on and off as campaigns come and go, and an outcome of a
     * baseline with trend and season plus each platform's Hill response to its adstock, with 3% noise.
     */
    static WeeklyHistory history(int platforms, int weeks) {
        SplittableRandom random = new SplittableRandom(11);
        List<String> codes = List.of("weibo", "wechat", "douyin", "kuaishou", "xiaohongshu", "zhihu", "bilibili",
                "channels").subList(0, platforms);
        double[][] spend = new double[platforms][weeks];
        double[] outcome = new double[weeks];
        for (int t = 0; t < weeks; t++) {
            outcome[t] = 40_000 + 6_000.0 * t / weeks + 4_000 * Math.sin(2 * Math.PI * t / 52);
        }
        for (int p = 0; p < platforms; p++) {
            double median = 3_000 + 10_000 * random.nextDouble();
            for (int t = 0; t < weeks; t++) {
                spend[p][t] = random.nextInt(4) == 0 ? 0 : median * Math.exp(0.9 * random.nextGaussian());
            }
            double[] adstock = Adstock.geometric(spend[p], 0.1 + 0.5 * random.nextDouble());
            HillCurve curve = new HillCurve(5_000 + 20_000 * random.nextDouble(), 0.8 + random.nextDouble(),
                    median * (0.8 + random.nextDouble()));
            for (int t = 0; t < weeks; t++) {
                outcome[t] += curve.value(adstock[t]);
            }
        }
        for (int t = 0; t < weeks; t++) {
            outcome[t] *= 1 + 0.03 * random.nextGaussian();
        }
        return new WeeklyHistory(codes, LocalDate.of(2024, 11, 25), spend, outcome);
    }

    private static String format(double ms) {
        return String.format(Locale.ROOT, "%.2f", ms);
    }
}
