package com.campaignstudio.bench;

import com.campaignstudio.demo.OrderHistories;
import com.campaignstudio.ltv.CustomerSummary;
import com.campaignstudio.ltv.LtvModel;
import com.campaignstudio.ltv.LtvResult;
import com.campaignstudio.ltv.LtvSettings;
import com.campaignstudio.ltv.PeriodUnit;
import com.campaignstudio.ltv.SummaryReader;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * RFM summary + BG/NBD + Gamma-Gamma fit + CLV for 100,000 or 1,000,000 customers whose orders follow the
 * demo's planted parameters (generated first, not timed).
 */
final class LtvCase {

    private LtvCase() {
    }

    static BenchResult run(Path scratch, String name, int customers) throws Exception {
        Path file = scratch.resolve(name + ".campaign");
        Files.deleteIfExists(file);
        try (Project project = Project.create(ProjectLocations.under(scratch.resolve("home-ltv")), file,
                ZoneId.of("Asia/Shanghai"))) {
            long generationStarted = System.nanoTime();
            project.database().transaction(connection -> {
                OrderHistories.write(connection, customers, 20_261_123L, TaskContext.silent());
                return null;
            });
            double generation = seconds(generationStarted);
            HeapPeak.reset();
            long started = System.nanoTime();
            CustomerSummary summary = new SummaryReader(project.database()).read(PeriodUnit.WEEK, null, null, null,
                    TaskContext.silent());
            double read = seconds(started);
            long fitStarted = System.nanoTime();
            LtvResult result = LtvModel.fit(summary, LtvSettings.defaults(), TaskContext.silent());
            double fit = seconds(fitStarted);
            double total = seconds(started);
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("summary_s", format(read));
            extra.put("fit_and_clv_s", format(fit));
            extra.put("customers", Integer.toString(summary.size()));
            extra.put("r", format(result.bgNbd().value("r")));
            extra.put("alpha", format(result.bgNbd().value("alpha")));
            extra.put("a", format(result.bgNbd().value("a")));
            extra.put("b", format(result.bgNbd().value("b")));
            extra.put("generation_s", format(generation));
            return new BenchResult(name, customers, total, HeapPeak.megabytes(), extra);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
