package com.campaignstudio.cli;

import com.campaignstudio.bench.BenchCases;
import com.campaignstudio.bench.BenchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Runs benchmark cases and prints one machine-readable line per case. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure speed. Cases: startup, demo-small, demo-default, demo-large, open-large, "
                + "dashboard-large, browse-large, save-large, import-orders "
                + "(default: startup demo-default demo-large).")
final class BenchCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "CASE", description = "Cases to run.")
    List<String> cases;

    @Spec
    CommandSpec spec;

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        List<String> toRun = cases == null || cases.isEmpty() ? BenchCases.DEFAULT_RUN : cases;
        for (String name : toRun) {
            if (!BenchCases.NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown bench case '" + name + "'; cases: " + BenchCases.NAMES);
            }
        }
        Path scratch = Files.createTempDirectory("campaign-studio-bench");
        try {
            BenchCases benchCases = new BenchCases(scratch);
            for (String name : toRun) {
                BenchResult result = benchCases.run(name);
                spec.commandLine().getOut().println(result.line());
                spec.commandLine().getOut().flush();
            }
        } finally {
            deleteTree(scratch);
        }
        return 0;
    }
}
