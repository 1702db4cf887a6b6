package com.campaignstudio.cli;

import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.work.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Writes a demo project file with planted truth. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Create a demo project with synthetic data whose parameters are known.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "default",
            description = "small, default or large (large has 1M followers). Default: ${DEFAULT-VALUE}")
    DemoSize size;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The project file to write (.campaign).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + DemoProjects.DEFAULT_SEED, description = "Random seed.")
    long seed;

    @Option(names = "--force", description = "Overwrite the file if it exists.")
    boolean force;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DemoSize demoSize = size;
        if (Files.exists(out) && !force) {
            throw new IllegalArgumentException(out + " exists; pass --force to overwrite it");
        }
        long started = System.nanoTime();
        DemoProjects.write(ProjectOption.locations(), out, demoSize, seed, TaskContext.silent());
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("file", out.toAbsolutePath().toString());
        result.put("size", demoSize.name().toLowerCase(java.util.Locale.ROOT));
        result.put("followers", demoSize.followers());
        result.put("seed", seed);
        result.put("bytes", Files.size(out));
        result.put("seconds", Math.round(seconds * 100) / 100.0);
        if (json) {
            Output.json(spec.commandLine().getOut(), result);
        } else {
            Output.table(spec.commandLine().getOut(), List.of(result));
        }
        return 0;
    }
}
