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
        description = "Measure speed. Cases: startup, demo-small, demo-default, demo-large "
                + "(default: startup demo-default demo-large).")
final class BenchCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "CASE", description = "Cases to run.")
    List<String> cases;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<String> toRun = cases == null || cases.isEmpty() ? BenchCases.DEFAULT_RUN : cases;
        for (String name : toRun) {
            if (!BenchCases.NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown bench case '" + name + "'; cases: " + BenchCases.NAMES);
            }
        }
        Path scratch = Files.createTempDirectory("campaign-studio-bench");
        BenchCases benchCases = new BenchCases(scratch);
        for (String name : toRun) {
            BenchResult result = benchCases.run(name);
            spec.commandLine().getOut().println(result.line());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
