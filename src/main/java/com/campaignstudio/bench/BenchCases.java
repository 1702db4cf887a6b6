package com.campaignstudio.bench;

import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmark cases. Later issues add theirs here. */
public final class BenchCases {

    /** Printed by the application when its first window is showing, when started for the startup case. */
    public static final String FIRST_WINDOW_MARKER = "campaign-studio first-window";
    public static final String EXIT_AFTER_FIRST_WINDOW = "campaignstudio.exitAfterFirstWindow";

    /** Every case, in the order the help and the README list them. */
    public static final List<String> NAMES = List.of("startup", "startup-cli", "demo-small", "demo-default", "demo-large",
            "open-large", "dashboard-large", "browse-large", "segment-large", "save-large", "import-orders",
            "import-orders-more", "import-followers", "import-engagement", "import-xlsx", "ltv-100k", "ltv-1m",
            "funnel-5m", "schedule-heatmap", "schedule-resim", "schedule-suggest", "budget-optimize", "budget-curve",
            "budget-fit", "portrait");
    /** A large demo project made earlier, used instead of generating one (several minutes) for the large cases. */
    public static final String LARGE_PROJECT = "campaignstudio.bench.largeProject";
    public static final List<String> DEFAULT_RUN = List.of("startup", "demo-default", "demo-large");

    private final Path scratch;
    private Path largeFile;

    public BenchCases(Path scratch) {
        this.scratch = scratch;
    }

    public BenchResult run(String name) throws Exception {
        return switch (name) {
            case "startup" -> new StartupCase(scratch).window();
            case "startup-cli" -> new StartupCase(scratch).commandLine();
            case "demo-small" -> demo(DemoSize.SMALL);
            case "demo-default" -> demo(DemoSize.DEFAULT);
            case "demo-large" -> demo(DemoSize.LARGE);
            case "open-large", "dashboard-large", "browse-large", "segment-large", "save-large" ->
                    largeProject().run(name);
            case "import-orders" -> new ImportCases(scratch).importOrders();
            case "import-orders-more" -> new ImportCases(scratch).importMoreOrders();
            case "import-followers" -> new ImportCases(scratch).importFollowers();
            case "import-engagement" -> new ImportCases(scratch).importEngagement();
            case "import-xlsx" -> new ImportCases(scratch).importWorkbook();
            case "ltv-100k" -> LtvCase.run(scratch, name, 100_000);
            case "ltv-1m" -> LtvCase.run(scratch, name, 1_000_000);
            case "funnel-5m" -> FunnelCase.run(scratch, name);
            case "schedule-heatmap" -> HeatMapCase.run(scratch, name);
            case "schedule-resim" -> ScheduleCase.resimulate(name);
            case "schedule-suggest" -> ScheduleCase.suggest(name);
            case "budget-optimize" -> BudgetCase.optimize(name);
            case "budget-curve" -> BudgetCase.curve(name);
            case "budget-fit" -> BudgetCase.fit(scratch, name);
            case "portrait" -> PortraitCase.run(scratch, name);
            default -> throw new IllegalArgumentException("unknown bench case '" + name + "'; cases: "
                    + String.join(", ", NAMES));
        };
    }

    private BenchResult demo(DemoSize size) throws Exception {
        Path file = scratch.resolve("bench-" + size.name().toLowerCase() + ".campaign");
        HeapPeak.reset();
        long started = System.nanoTime();
        DemoProjects.write(ProjectLocations.under(scratch.resolve("home")), file, size, DemoProjects.DEFAULT_SEED,
                TaskContext.silent());
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("file_mb", Long.toString(Files.size(file) / (1024 * 1024)));
        extra.put("followers_per_s", Long.toString(Math.round(size.followers() / seconds)));
        if (size == DemoSize.LARGE) {
            // The large-project cases of the same run use it.
            largeFile = file;
        } else {
            Files.deleteIfExists(file);
        }
        return new BenchResult("demo-" + size.name().toLowerCase(), size.followers(), seconds, HeapPeak.megabytes(), extra);
    }

    private LargeProjectCases largeProject() throws Exception {
        String given = System.getProperty(LARGE_PROJECT);
        if (largeFile == null && given != null) {
            largeFile = Path.of(given);
        }
        if (largeFile == null) {
            largeFile = scratch.resolve("bench-large.campaign");
            DemoProjects.write(ProjectLocations.under(scratch.resolve("home")), largeFile, DemoSize.LARGE,
                    DemoProjects.DEFAULT_SEED, TaskContext.silent());
        }
        return new LargeProjectCases(ProjectLocations.under(scratch.resolve("home")), largeFile);
    }
}
