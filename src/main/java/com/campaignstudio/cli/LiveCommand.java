package com.campaignstudio.cli;

import com.campaignstudio.funnels.LiveFigures;
import com.campaignstudio.funnels.LiveResult;
import com.campaignstudio.funnels.LiveSelling;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectMetadata;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.stats.Proportion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Live-stream selling: conversion buyers / viewers with intervals and revenue per viewer-minute. */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Live-stream selling sessions: viewers, engaged, buyers, conversion = buyers / viewers with a 95%% "
                + "Wilson interval and revenue per viewer-minute, by platform and by period.")
final class LiveCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--period", paramLabel = "PERIOD", defaultValue = "month",
            description = "week or month. Default: ${DEFAULT-VALUE}")
    String period;

    @Option(names = "--json", description = "Print the result as JSON (with every session).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Period periodChoice = Period.byKey(period.toLowerCase(Locale.ROOT));
        LiveResult result;
        String currency;
        try (Project open = project.open()) {
            currency = new ProjectMetadata(open.database()).get(ProjectMetadata.CURRENCY).orElse("CNY");
            result = LiveSelling.read(open.database(), periodChoice);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("period", periodChoice.key());
            json.put("currency", currency);
            json.put("total", row("all", result.total(), true));
            json.put("by_platform", result.byPlatform().stream().map(f -> row("platform", f, true)).toList());
            json.put("by_period", result.byPeriod().stream().map(f -> row("period", f, true)).toList());
            json.put("sessions", result.sessions().stream().map(f -> row("started_at", f, true)).toList());
            json.put("notes", result.notes());
            Output.json(out, json);
            return 0;
        }
        LiveFigures total = result.total();
        out.printf(Locale.ROOT, "%,d live sessions: %,d viewers, %,d buyers, conversion %s, revenue %.2f %s%n",
                total.sessions(), total.viewers(), total.buyers(),
                total.conversion().map(LiveCommand::withInterval).orElse("-"), total.revenue(), currency);
        out.println("By platform:");
        Output.table(out, result.byPlatform().stream().map(f -> row("platform", f, false)).toList());
        out.println();
        out.println("By " + periodChoice.key() + ":");
        Output.table(out, result.byPeriod().stream().map(f -> row(periodChoice.key(), f, false)).toList());
        result.notes().forEach(note -> out.println("Note: " + note));
        return 0;
    }

    private static Map<String, Object> row(String name, LiveFigures figures, boolean json) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(name, json && name.equals("platform") ? figures.label().key() : figures.label().english());
        row.put("sessions", figures.sessions());
        row.put("viewers", figures.viewers());
        row.put("buyers", figures.buyers());
        if (json) {
            rate(row, "conversion", figures.conversion());
            rate(row, "engaged_share", figures.engagedShare());
            rate(row, "buyers_per_engaged", figures.buyersPerEngaged());
            row.put("revenue", Math.round(figures.revenue() * 100) / 100.0);
            row.put("revenue_per_viewer_minute", figures.revenuePerViewerMinute().isPresent()
                    ? figures.revenuePerViewerMinute().getAsDouble() : null);
        } else {
            row.put("conversion", figures.conversion().map(LiveCommand::withInterval).orElse("-"));
            row.put("engaged", figures.engagedShare().map(p -> Output.percent(p.rate())).orElse("-"));
            row.put("revenue", String.format(Locale.ROOT, "%.2f", figures.revenue()));
            row.put("revenue_per_viewer_minute", figures.revenuePerViewerMinute().isPresent()
                    ? String.format(Locale.ROOT, "%.4f", figures.revenuePerViewerMinute().getAsDouble()) : "-");
        }
        return row;
    }

    private static void rate(Map<String, Object> row, String name, Optional<Proportion> rate) {
        row.put(name, rate.map(Proportion::rate).orElse(null));
        row.put(name + "_low", rate.map(Proportion::low).orElse(null));
        row.put(name + "_high", rate.map(Proportion::high).orElse(null));
    }

    private static String withInterval(Proportion p) {
        return String.format(Locale.ROOT, "%s [%s, %s]", Output.percent(p.rate()), Output.percent(p.low()),
                Output.percent(p.high()));
    }
}
