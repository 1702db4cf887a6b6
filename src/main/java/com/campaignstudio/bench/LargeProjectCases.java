package com.campaignstudio.bench;

import com.campaignstudio.dashboard.DashboardQueries;
import com.campaignstudio.data.TableBrowser;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/** What a user waits for with the large demo project (1M followers): open, dashboard, browse, segment, save. */
final class LargeProjectCases {

    private static final int PAGE = 200;
    private static final int PAGES_SAMPLED = 50;

    private final ProjectLocations locations;
    private final Path file;

    LargeProjectCases(ProjectLocations locations, Path file) {
        this.locations = locations;
        this.file = file;
    }

    BenchResult run(String name) throws Exception {
        HeapPeak.reset();
        long started = System.nanoTime();
        Project project = Project.open(locations, file);
        double openSeconds = seconds(started);
        try {
            Map<String, String> extra = new LinkedHashMap<>();
            double caseSeconds = switch (name) {
                case "open-large" -> openSeconds;
                case "dashboard-large" -> timed(() -> new DashboardQueries(project.database()).summary());
                case "browse-large" -> browse(project, extra);
                case "segment-large" -> SegmentCase.run(project, file.getParent(), extra);
                case "save-large" -> timed(() -> {
                    project.saveOverwriting(TaskContext.silent());
                    return null;
                });
                default -> throw new IllegalArgumentException(name);
            };
            return new BenchResult(name, DemoSize.LARGE.followers(), caseSeconds, HeapPeak.megabytes(), extra);
        } finally {
            project.close();
        }
    }

    /** The data view's work on the follower table: key list, sorted key list, and one page of rows. */
    private static double browse(Project project, Map<String, String> extra) throws Exception {
        long started = System.nanoTime();
        TableBrowser followers = new TableBrowser(project.database(), "follower");
        long[] keys = followers.orderedKeys(null, true, TaskContext.silent());
        extra.put("keys_s", format(seconds(started)));
        long sortStarted = System.nanoTime();
        followers.orderedKeys("followed_at", false, TaskContext.silent());
        extra.put("sorted_keys_s", format(seconds(sortStarted)));
        SplittableRandom random = new SplittableRandom(1);
        long pagesStarted = System.nanoTime();
        for (int i = 0; i < PAGES_SAMPLED; i++) {
            int from = random.nextInt(keys.length - PAGE);
            followers.rows(Arrays.copyOfRange(keys, from, from + PAGE));
        }
        extra.put("page_ms", format(seconds(pagesStarted) * 1000 / PAGES_SAMPLED));
        extra.put("rows", Integer.toString(keys.length));
        return seconds(started);
    }

    private interface Step {
        Object run() throws Exception;
    }

    private static double timed(Step step) throws Exception {
        long started = System.nanoTime();
        step.run();
        return seconds(started);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
