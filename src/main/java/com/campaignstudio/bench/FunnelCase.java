package com.campaignstudio.bench;

import com.campaignstudio.demo.ActivityHistories;
import com.campaignstudio.funnels.Breakdown;
import com.campaignstudio.funnels.FunnelDefinition;
import com.campaignstudio.funnels.FunnelQuery;
import com.campaignstudio.funnels.FunnelResult;
import com.campaignstudio.funnels.Funnels;
import com.campaignstudio.funnels.StepOrder;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.retention.Activity;
import com.campaignstudio.retention.CohortBasis;
import com.campaignstudio.retention.Retention;
import com.campaignstudio.retention.RetentionResult;
import com.campaignstudio.retention.RetentionSettings;
import com.campaignstudio.snapshot.ActivitySnapshot;
import com.campaignstudio.snapshot.Period;
import com.campaignstudio.snapshot.SnapshotReader;
import com.campaignstudio.snapshot.Snapshots;
import com.campaignstudio.work.TaskContext;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Funnels and retention on 5M engagement events of 200,000 followers and 300,000 orders (generated and saved first,
 * not timed): after opening the project, the activity snapshot (one scan of each table), a 4-step social-to-sale
 * funnel by the 7 platforms and a 12 x 12 monthly retention matrix, first run and repeated (the snapshot cached,
 * as when the user changes the breakdown or the window); then a save, which stores the snapshot in the project file,
 * and the first funnel after opening that file again.
 */
final class FunnelCase {

    static final int FOLLOWERS = 200_000;
    static final int EVENTS = 5_000_000;
    static final int ORDERS = 300_000;
    private static final int REPEATS = 5;

    private FunnelCase() {
    }

    static BenchResult run(Path scratch, String name) throws Exception {
        Path file = scratch.resolve(name + ".campaign");
        Files.deleteIfExists(file);
        ProjectLocations locations = ProjectLocations.under(scratch.resolve("home-funnel"));
        long generationStarted = System.nanoTime();
        try (Project project = Project.create(locations, file, ZoneId.of("Asia/Shanghai"))) {
            project.database().transaction(connection -> {
                ActivityHistories.write(connection, FOLLOWERS, EVENTS, ORDERS, 20_261_123L, TaskContext.silent());
                return null;
            });
            project.save();
        }
        double generation = seconds(generationStarted);
        FunnelQuery byPlatform = FunnelQuery.of(new FunnelDefinition(FunnelDefinition.SOCIAL_TO_SALE,
                Duration.ofDays(7), StepOrder.STRICT)).by(Breakdown.PLATFORM);
        RetentionSettings monthly = new RetentionSettings(CohortBasis.PURCHASE, Period.MONTH, Activity.PURCHASE, 12, 12);
        Map<String, String> extra = new LinkedHashMap<>();
        double first;
        try {
            try (Project project = Project.open(locations, file)) {
                Snapshots snapshots = new Snapshots();
                HeapPeak.reset();
                long processCpu = processCpuNanos();
                long started = System.nanoTime();
                ActivitySnapshot snapshot = snapshots.of(project.database(), TaskContext.silent());
                double snapshotSeconds = seconds(started);
                double snapshotCpu = (processCpuNanos() - processCpu) / 1e9;
                long funnelStarted = System.nanoTime();
                FunnelResult funnel = Funnels.run(snapshot, byPlatform, TaskContext.silent());
                double funnelSeconds = seconds(funnelStarted);
                long retentionStarted = System.nanoTime();
                RetentionResult retention = Retention.run(snapshot, monthly, TaskContext.silent());
                double retentionSeconds = seconds(retentionStarted);
                first = seconds(started);

                double[] funnelRepeat = new double[REPEATS];
                double[] retentionRepeat = new double[REPEATS];
                double[] windowRepeat = new double[REPEATS];
                double[] funnelCpu = new double[REPEATS];
                for (int run = 0; run < REPEATS; run++) {
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    long again = System.nanoTime();
                    Funnels.run(snapshots.of(project.database(), TaskContext.silent()), byPlatform, TaskContext.silent());
                    funnelRepeat[run] = seconds(again);
                    funnelCpu[run] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
                    again = System.nanoTime();
                    Retention.run(snapshots.of(project.database(), TaskContext.silent()), monthly, TaskContext.silent());
                    retentionRepeat[run] = seconds(again);
                    again = System.nanoTime();
                    Funnels.run(snapshots.of(project.database(), TaskContext.silent()), FunnelQuery.of(new FunnelDefinition(
                            FunnelDefinition.SOCIAL_TO_SALE, Duration.ofDays(30), StepOrder.STRICT)), TaskContext.silent());
                    windowRepeat[run] = seconds(again);
                }
                extra.put("snapshot_s", format(snapshotSeconds));
                extra.put("snapshot_cpu_s", format(snapshotCpu));
                extra.put("snapshot_threads", Integer.toString(Integer.getInteger(SnapshotReader.THREADS,
                        Math.min(4, Runtime.getRuntime().availableProcessors()))));
                extra.put("funnel_first_s", format(funnelSeconds));
                extra.put("retention_first_s", format(retentionSeconds));
                extra.put("funnel_repeat_s", format(median(funnelRepeat)));
                extra.put("funnel_repeat_cpu_s", format(median(funnelCpu)));
                extra.put("retention_repeat_s", format(median(retentionRepeat)));
                extra.put("funnel_other_window_s", format(median(windowRepeat)));
                extra.put("events", Integer.toString(snapshot.events()));
                extra.put("orders", Integer.toString(snapshot.orders()));
                extra.put("persons", Integer.toString(snapshot.persons()));
                extra.put("unlinked_buyers", Integer.toString(snapshot.unlinkedBuyers()));
                extra.put("platforms", Integer.toString(funnel.groups().size()));
                extra.put("converted", Long.toString(funnel.overall().converted()));
                extra.put("cohorts", Integer.toString(retention.cohorts().size()));
                extra.put("generation_s", format(generation));
                long fileWithout = Files.size(file);
                long saveStarted = System.nanoTime();
                project.save();
                extra.put("save_with_snapshot_s", format(seconds(saveStarted)));
                extra.put("file_mb", Long.toString(fileWithout >> 20));
                extra.put("file_with_snapshot_mb", Long.toString(Files.size(file) >> 20));
            }
            reopenWithStoredSnapshot(locations, file, byPlatform, extra);
            return new BenchResult(name, EVENTS, first, HeapPeak.megabytes(), extra);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The first funnel after opening a project whose last save stored its snapshot: no table scan. */
    private static void reopenWithStoredSnapshot(ProjectLocations locations, Path file, FunnelQuery query,
                                                 Map<String, String> extra) throws Exception {
        long openStarted = System.nanoTime();
        try (Project project = Project.open(locations, file)) {
            extra.put("open_with_snapshot_s", format(seconds(openStarted)));
            long started = System.nanoTime();
            ActivitySnapshot snapshot = new Snapshots().of(project.database(), TaskContext.silent());
            double stored = seconds(started);
            FunnelResult funnel = Funnels.run(snapshot, query, TaskContext.silent());
            extra.put("stored_snapshot_s", format(stored));
            extra.put("stored_first_funnel_s", format(seconds(started)));
            extra.put("stored_converted", Long.toString(funnel.overall().converted()));
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU time of the whole process: the snapshot reads on several threads. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
