package com.campaignstudio.cli;

import com.campaignstudio.bench.BenchCases;
import com.campaignstudio.bench.BenchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

/** Runs benchmark cases and prints one machine-readable line per case. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure speed; prints one line per case: bench case=NAME size=N seconds=S peak_heap_mb=M "
                + "key=value...")
final class BenchCommand implements Callable<Integer> {

    /** {@link BenchCases#DEFAULT_RUN} as the help says it (an annotation needs a constant; a test keeps them equal). */
    static final String DEFAULT_CASES = "startup demo-default demo-large";

    @Parameters(arity = "0..*", paramLabel = "CASE", completionCandidates = CaseNames.class,
            description = "Cases to run: ${COMPLETION-CANDIDATES}. Default: " + DEFAULT_CASES + ".")
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
                throw new IllegalArgumentException("unknown bench case '" + name + "'; cases: "
                        + String.join(", ", BenchCases.NAMES));
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

    /** The case names, for the help. */
    static final class CaseNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return BenchCases.NAMES.iterator();
        }
    }
}
