package com.campaignstudio.cli;

import com.campaignstudio.data.TableCatalog;
import com.campaignstudio.data.TableCatalog.TableCount;
import com.campaignstudio.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Prints each table's row count. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Print the row count of each table.")
final class StatsCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<TableCount> counts;
        try (Project open = project.open()) {
            counts = new TableCatalog(open.database()).counts();
        }
        if (json) {
            Map<String, Long> byTable = new LinkedHashMap<>();
            counts.forEach(c -> byTable.put(c.table(), c.rows()));
            Output.json(spec.commandLine().getOut(), byTable);
        } else {
            Output.table(spec.commandLine().getOut(), counts.stream().map(c -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("table", c.table());
                row.put("rows", c.rows());
                return row;
            }).toList());
        }
        return 0;
    }
}
