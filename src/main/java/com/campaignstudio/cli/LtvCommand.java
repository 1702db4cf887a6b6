package com.campaignstudio.cli;

import com.campaignstudio.ltv.ClvBySegment;
import com.campaignstudio.ltv.ClvIntervals;
import com.campaignstudio.ltv.FittedModel;
import com.campaignstudio.ltv.LtvResult;
import com.campaignstudio.ltv.LtvRun;
import com.campaignstudio.ltv.LtvSettings;
import com.campaignstudio.ltv.PeriodUnit;
import com.campaignstudio.ltv.RenewalSurvival;
import com.campaignstudio.ltv.SbgFit;
import com.campaignstudio.ltv.ShiftedBetaGeometric;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectMetadata;
import com.campaignstudio.segments.SegmentStore;
import com.campaignstudio.work.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.IntStream;

/** Fits BG/NBD and Gamma-Gamma and prints the parameters, fit quality and the most valuable customers. */
@Command(name = "ltv", mixinStandardHelpOptions = true,
        description = "Fit BG/NBD and Gamma-Gamma to the project's orders; print parameters, fit quality and the "
                + "top customers by lifetime value.")
final class LtvCommand implements Callable<Integer> {

    /** Tables show money to the cent; the JSON keeps four decimals. */
    private static final Map<String, Function<Object, String>> GROUP_FORMATS = Map.of(
            "mean_clv", Output.decimals(2), "clv_90_low", Output.decimals(2), "clv_90_high", Output.decimals(2));
    private static final Map<String, Function<Object, String>> CUSTOMER_FORMATS = Map.of(
            "t_x", Output.decimals(1), "T", Output.decimals(1), "p_alive", Output.decimals(3),
            "expected_purchases", Output.decimals(2), "clv", Output.decimals(2));

    @Mixin
    ProjectOption project;

    @Option(names = "--unit", paramLabel = "UNIT", defaultValue = "week", description = "day, week or month. Default: ${DEFAULT-VALUE}")
    String unit;

    @Option(names = "--calibration-end", paramLabel = "DATE", description = "Fit on orders up to this day (yyyy-MM-dd) and check the "
            + "model against the rest.")
    LocalDate calibrationEnd;

    @Option(names = "--platform", paramLabel = "CODE", description = "Only customers acquired on this platform.")
    String platform;

    @Option(names = "--segmentation", paramLabel = "ID", description = "With --segment: only this saved segmentation's segment.")
    long segmentation;

    @Option(names = "--segment", paramLabel = "N", defaultValue = "1", description = "Segment number (1 = the most valuable).")
    int segment;

    @Option(names = "--compare-segmentation", paramLabel = "ID", description = "Also compare mean CLV across the segments of this "
            + "saved segmentation (its id, as the segment command prints).")
    long compared;

    @Option(names = "--horizon", paramLabel = "PERIODS", defaultValue = "52", description = "CLV horizon in periods. Default: ${DEFAULT-VALUE}")
    int horizon;

    @Option(names = "--discount", paramLabel = "RATE", defaultValue = "0.10", description = "Yearly discount rate. Default: ${DEFAULT-VALUE}")
    double discount;

    @Option(names = "--penalty", paramLabel = "WEIGHT", defaultValue = "0", description = "Ridge penalty on the parameters. Default: ${DEFAULT-VALUE}")
    double penalty;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Customers to list. Default: ${DEFAULT-VALUE}")
    int top;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PeriodUnit periodUnit = PeriodUnit.byKey(unit);
        LtvSettings settings = new LtvSettings(periodUnit, calibrationEnd, platform, segmentation, segment - 1, horizon,
                LtvRun.perPeriod(discount, periodUnit), penalty);
        LtvResult result;
        ClvBySegment bySegment;
        RenewalSurvival renewals;
        String currency;
        try (Project open = project.open()) {
            currency = new ProjectMetadata(open.database()).get(ProjectMetadata.CURRENCY).orElse("CNY");
            LtvResult fitted = new LtvRun(open.database()).run(settings, TaskContext.silent());
            result = fitted.withPlatformIntervals(ClvIntervals.byPlatform(fitted, 1, TaskContext.silent()));
            bySegment = compared == 0 ? null
                    : ClvBySegment.of(result, new SegmentStore(open.database()).load(compared), 1, TaskContext.silent());
            renewals = RenewalSurvival.read(open.database(), 12);
        }
        ShiftedBetaGeometric subscriptions = renewals.fittable() ? SbgFit.fit(renewals.alive()) : null;
        if (json) {
            Map<String, Object> out = asJson(result, currency);
            if (bySegment != null) {
                out.put("clv_by_segment", groupRows("segment", bySegment.groups()));
                out.put("customers_outside_segments", bySegment.outside());
            }
            out.put("subscriptions", subscriptions == null ? null : subscriptionsJson(renewals, subscriptions));
            Output.json(spec.commandLine().getOut(), out);
        } else {
            print(spec.commandLine().getOut(), result);
            if (bySegment != null) {
                spec.commandLine().getOut().printf(Locale.ROOT, "CLV by segment of \u201c%s\u201d (%d customers have no "
                        + "linked follower in it):%n", bySegment.segmentation(), bySegment.outside());
                Output.table(spec.commandLine().getOut(), Output.formatted(groupRows("segment", bySegment.groups()),
                        GROUP_FORMATS));
            }
            if (subscriptions != null) {
                if (subscriptions.sameForEveryone()) {
                    spec.commandLine().getOut().printf(Locale.ROOT, "Subscriptions (%d subscribers): %.1f%% renew each "
                            + "month, the same for everyone as far as the data tell (sBG reduces to geometric churn)%n",
                            renewals.alive()[0], 100 * subscriptions.retentionRate(1));
                } else {
                    spec.commandLine().getOut().printf(Locale.ROOT, "Subscriptions (sBG, %d subscribers): alpha = %.3f, "
                            + "beta = %.3f%n", renewals.alive()[0], subscriptions.alpha(), subscriptions.beta());
                }
            }
        }
        return 0;
    }

    private static Map<String, Object> subscriptionsJson(RenewalSurvival renewals, ShiftedBetaGeometric fit) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("subscribers", renewals.alive()[0]);
        out.put("alpha", fit.alpha());
        out.put("beta", fit.beta());
        out.put("churn_spread", fit.churnSpread());
        out.put("first_renewal_rate", fit.retentionRate(1));
        return out;
    }

    private Map<String, Object> asJson(LtvResult result, String currency) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("unit", result.settings().unit().key());
        out.put("calibration_end", result.summary().calibrationEnd().toString());
        out.put("customers", result.summary().size());
        out.put("currency", currency);
        out.put("bgnbd", model(result.bgNbd()));
        out.put("gamma_gamma", result.gammaGamma() == null ? null : model(result.gammaGamma()));
        if (result.check() != null) {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("holdout_periods", result.summary().holdoutLength());
            check.put("predicted_repeat_purchases", result.check().predictedHoldout());
            check.put("actual_repeat_purchases", result.check().actualHoldout());
            check.put("by_frequency", result.check().byFrequency().stream().map(f -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("x", f.x());
                row.put("customers", f.customers());
                row.put("actual_mean", f.actualMean());
                row.put("predicted_mean", f.predictedMean());
                return row;
            }).toList());
            out.put("holdout", check);
        }
        out.put("clv_by_platform", groupRows("platform", result.byPlatform()));
        out.put("top_customers", topCustomers(result));
        out.put("notes", result.notes());
        return out;
    }

    private static Map<String, Object> model(FittedModel model) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int k = 0; k < model.names().size(); k++) {
            out.put(model.names().get(k), model.identified()[k] ? model.values()[k] : null);
        }
        Map<String, Object> errors = new LinkedHashMap<>();
        for (int k = 0; k < model.names().size(); k++) {
            errors.put(model.names().get(k), model.identified()[k] ? model.standardErrors()[k] : null);
        }
        out.put("standard_errors", errors);
        out.put("not_identified", IntStream.range(0, model.names().size()).filter(k -> !model.identified()[k])
                .mapToObj(model.names()::get).toList());
        out.put("log_likelihood", model.logLikelihood());
        out.put("converged", model.converged());
        out.put("customers", model.customers());
        return out;
    }

    /** Mean CLV per group (platform or segment) with its 90% interval from the parameters' uncertainty. */
    private static List<Map<String, Object>> groupRows(String groupName, List<LtvResult.GroupValue> groups) {
        return groups.stream().map(g -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(groupName, g.group());
            row.put("customers", g.customers());
            row.put("mean_clv", round(g.meanClv()));
            row.put("clv_90_low", round(g.low()));
            row.put("clv_90_high", round(g.high()));
            row.put("total_clv", Double.isFinite(g.totalClv()) ? Math.round(g.totalClv()) : null);
            return row;
        }).toList();
    }

    private List<Map<String, Object>> topCustomers(LtvResult result) {
        return IntStream.range(0, result.summary().size()).boxed()
                .sorted(Comparator.comparingDouble(i -> -result.clv()[i])).limit(top).map(i -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("customer", result.summary().customers()[i]);
                    row.put("platform", result.summary().platforms()[i]);
                    row.put("x", result.summary().x()[i]);
                    row.put("t_x", round(result.summary().tx()[i]));
                    row.put("T", round(result.summary().T()[i]));
                    row.put("p_alive", round(result.probabilityAlive()[i]));
                    row.put("expected_purchases", round(result.expectedPurchases()[i]));
                    row.put("clv", round(result.clv()[i]));
                    return row;
                }).toList();
    }

    private void print(PrintWriter out, LtvResult result) {
        out.printf(Locale.ROOT, "%,d customers, unit %s, calibration end %s%n", result.summary().size(),
                result.settings().unit().key(), result.summary().calibrationEnd());
        printModel(out, "BG/NBD", result.bgNbd());
        if (result.gammaGamma() != null) {
            printModel(out, "Gamma-Gamma", result.gammaGamma());
        }
        if (result.check() != null) {
            out.printf(Locale.ROOT, "Hold-out (%.1f %ss): predicted %.0f repeat purchases, actual %.0f (%.1f%% off)%n",
                    result.summary().holdoutLength(), result.settings().unit().key(), result.check().predictedHoldout(),
                    result.check().actualHoldout(), result.check().holdoutError() * 100);
        }
        result.notes().forEach(note -> out.println("Note: " + note));
        out.println("CLV by platform:");
        Output.table(out, Output.formatted(groupRows("platform", result.byPlatform()), GROUP_FORMATS));
        out.println("Top customers:");
        Output.table(out, Output.formatted(topCustomers(result), CUSTOMER_FORMATS));
    }

    private static void printModel(PrintWriter out, String name, FittedModel model) {
        StringBuilder line = new StringBuilder(name + ":");
        for (int k = 0; k < model.names().size(); k++) {
            line.append(model.identified()[k]
                    ? String.format(Locale.ROOT, " %s = %.4g (\u00b1%.2g)", model.names().get(k), model.values()[k],
                            model.standardErrors()[k])
                    : " " + model.names().get(k) + " not identified");
        }
        line.append(String.format(Locale.ROOT, "; log-likelihood %.1f%s", model.logLikelihood(),
                model.converged() ? "" : " (not converged)"));
        out.println(line);
    }

    /** Four decimals; NaN stays NaN (printed as null), where Math.round would make it 0. */
    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 10_000) / 10_000.0 : value;
    }
}
