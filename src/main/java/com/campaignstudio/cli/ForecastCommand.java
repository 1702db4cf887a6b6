package com.campaignstudio.cli;

import com.campaignstudio.forecast.Forecast;
import com.campaignstudio.forecast.Forecaster;
import com.campaignstudio.forecast.RevenueSeries;
import com.campaignstudio.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Forecasts weekly or monthly revenue with intervals and prints the models tried and the forecast. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Forecast revenue with 80%% and 95%% intervals; the model is chosen by a rolling-origin back-test, "
                + "and every model tried is listed with its back-test sMAPE.")
final class ForecastCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--granularity", defaultValue = "week", description = "week or month. Default: ${DEFAULT-VALUE}")
    String granularity;

    @Option(names = "--horizon", defaultValue = "13", description = "Periods ahead. Default: ${DEFAULT-VALUE}")
    int horizon;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RevenueSeries series;
        try (Project open = project.open()) {
            series = RevenueSeries.read(open.database(),
                    RevenueSeries.Granularity.valueOf(granularity.toUpperCase(Locale.ROOT)));
        }
        if (series.size() < 8) {
            throw new IllegalArgumentException("only " + series.size() + " complete " + granularity
                    + "s of revenue: at least 8 are needed to forecast");
        }
        Forecast forecast = Forecaster.forecast(series, horizon, 1);
        List<Map<String, Object>> rows = new ArrayList<>();
        java.time.LocalDate start = series.starts()[series.size() - 1];
        for (int h = 0; h < horizon; h++) {
            start = series.granularity() == RevenueSeries.Granularity.WEEK ? start.plusWeeks(1) : start.plusMonths(1);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("period", start.toString());
            row.put("forecast", Math.round(forecast.point()[h]));
            row.put("low_95", Math.round(forecast.low95()[h]));
            row.put("low_80", Math.round(forecast.low80()[h]));
            row.put("high_80", Math.round(forecast.high80()[h]));
            row.put("high_95", Math.round(forecast.high95()[h]));
            rows.add(row);
        }
        Forecast.Candidate chosen = forecast.chosen();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", chosen.model().id());
            out.put("model_name", chosen.model().name().english());
            out.put("backtest_smape", chosen.smape());
            out.put("backtest_origins", chosen.origins());
            out.put("backtest_window", forecast.backTestWindow());
            out.put("candidates", forecast.candidates().stream().map(candidate -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("model", candidate.model().id());
                row.put("model_name", candidate.model().name().english());
                row.put("smape", candidate.smape());
                row.put("origins", candidate.origins());
                row.put("chosen", candidate.chosen());
                return row;
            }).toList());
            out.put("forecast", rows);
            Output.json(spec.commandLine().getOut(), out);
        } else {
            var out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "Chosen: %s \u2014 lowest average error over %d back-tests of %d %ss ahead%n",
                    chosen.model().name().english(), chosen.origins(), forecast.backTestWindow(), granularity);
            Output.table(out, forecast.candidates().stream().map(candidate -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("model", candidate.model().name().english());
                row.put("backtest_smape", String.format(Locale.ROOT, "%.1f%%", candidate.smape() * 100));
                row.put("chosen", candidate.chosen() ? "*" : "");
                return row;
            }).toList());
            out.println();
            Output.table(out, rows);
        }
        return 0;
    }
}
