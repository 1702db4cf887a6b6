package com.campaignstudio.bench;

import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Start-up of a fresh JVM, cold and warm, without and with a JDK ahead-of-time cache made by a training run of
 * the same kind as the installer's (installer/linux/finish-image): to the first window on a first run (case
 * {@code startup}), or through {@code stats} on a small project to its exit (case {@code startup-cli}).
 * Cold: the class path, the JDK's files and the cache dropped from the page cache first ({@link PageCache}).
 */
final class StartupCase {

    private static final int WARM_RUNS = 5;

    private final Path scratch;
    private final String javaCommand = ProcessHandle.current().info().command().orElse("java");
    private final boolean headless = System.getenv("DISPLAY") == null;
    /** The peak heap the last window run reported with its first window. */
    private long windowPeakMb;

    StartupCase(Path scratch) {
        this.scratch = scratch;
    }

    BenchResult window() throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(List.of("-D" + BenchCases.EXIT_AFTER_FIRST_WINDOW + "=true"));
        if (headless) {
            options.addAll(List.of("-Dglass.platform=Headless", "-Dprism.order=sw"));
        }
        Map<String, String> extra = measure("window", options, List.of(), true);
        extra.put("platform", headless ? "headless" : "display");
        return result("startup", extra, windowPeakMb);
    }

    BenchResult commandLine() throws Exception {
        Path project = scratch.resolve("startup-small.campaign");
        DemoProjects.write(ProjectLocations.under(scratch.resolve("home")), project, DemoSize.SMALL,
                DemoProjects.DEFAULT_SEED, TaskContext.silent());
        // The command's own heap is not reported by it: 0.
        return result("startup-cli", measure("cli", List.of(), List.of("stats", "--project", project.toString()),
                false), 0);
    }

    private static BenchResult result(String name, Map<String, String> extra, long peakHeapMb) {
        return new BenchResult(name, 1, Double.parseDouble(extra.get("warm_aot_s")), peakHeapMb, extra);
    }

    private Map<String, String> measure(String name, List<String> options, List<String> arguments, boolean window)
            throws IOException, InterruptedException {
        Path cache = scratch.resolve(name + ".aot");
        Files.deleteIfExists(cache);
        run(concat(List.of("-XX:AOTCacheOutput=" + cache), options), arguments, window);
        if (!Files.isRegularFile(cache)) {
            throw new IOException("the training run wrote no AOT cache");
        }
        List<String> withCache = concat(List.of("-XX:AOTCache=" + cache), options);
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("evicted_files", Integer.toString(PageCache.evict(cachedFiles(cache))));
        figures.put("cold_s", seconds(run(options, arguments, window)));
        figures.put("warm_s", seconds(medianOfWarmRuns(options, arguments, window)));
        PageCache.evict(cachedFiles(cache));
        figures.put("cold_aot_s", seconds(run(withCache, arguments, window)));
        figures.put("warm_aot_s", seconds(medianOfWarmRuns(withCache, arguments, window)));
        figures.put("aot_mb", Long.toString(Files.size(cache) / (1024 * 1024)));
        figures.put("cold", PageCache.supported() ? "page_cache_dropped" : "first_run");
        return figures;
    }

    private double medianOfWarmRuns(List<String> options, List<String> arguments, boolean window)
            throws IOException, InterruptedException {
        double[] runs = new double[WARM_RUNS];
        for (int i = 0; i < WARM_RUNS; i++) {
            runs[i] = run(options, arguments, window);
        }
        Arrays.sort(runs);
        return runs[WARM_RUNS / 2];
    }

    /** Seconds from starting the JVM to its first window, or to its exit for a command. */
    private double run(List<String> options, List<String> arguments, boolean window)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaCommand, "-cp", System.getProperty("java.class.path"),
                "--enable-native-access=ALL-UNNAMED", "-Xlog:disable", "-Xlog:all=warning:stderr",
                "-Dcampaignstudio.home=" + Files.createTempDirectory(scratch, "home")));
        command.addAll(options);
        command.add("com.campaignstudio.Launcher");
        command.addAll(arguments);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        double seconds = -1;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (window && seconds < 0 && line.startsWith(BenchCases.FIRST_WINDOW_MARKER)) {
                    seconds = (System.nanoTime() - started) / 1e9;
                    windowPeakMb = Long.parseLong(line.replaceAll(".*peak_heap_mb=(\\d+).*", "$1"));
                }
            }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("the measured JVM failed: " + String.join(" ", command));
        }
        if (!window) {
            seconds = (System.nanoTime() - started) / 1e9;
        } else if (seconds < 0) {
            throw new IOException("the application did not show its first window");
        }
        return seconds;
    }

    /** The files a start reads: the class path (with the jars its manifest names), the JDK's, JavaFX's native
     * libraries as unpacked in the home folder, and the cache. */
    private static List<Path> cachedFiles(Path cache) throws IOException {
        List<Path> files = new ArrayList<>(List.of(cache));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            files.add(path);
            files.addAll(filesUnder(path.resolveSibling("lib")));
        }
        files.addAll(filesUnder(Path.of(System.getProperty("java.home"), "lib")));
        files.addAll(filesUnder(Path.of(System.getProperty("user.home"), ".openjfx", "cache")));
        return files;
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
