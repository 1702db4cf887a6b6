package com.campaignstudio.cli;

import com.campaignstudio.importer.ImportHistory;
import com.campaignstudio.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Lists a project's imports, or undoes one of them. */
@Command(name = "imports", mixinStandardHelpOptions = true,
        description = "List the imports of a project; with --undo ID, undo one and save the project.")
final class HistoryCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--undo", paramLabel = "ID", description = "Undo the import with this id.")
    Long undo;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Project open = project.open()) {
            ImportHistory history = new ImportHistory(open.database());
            if (undo != null) {
                boolean known = history.entries().stream().anyMatch(e -> e.id() == undo && !e.undone());
                if (!known) {
                    throw new IllegalArgumentException("no import " + undo + " to undo in " + project.file.getFileName());
                }
                history.undo(undo);
                open.save();
            }
            List<ImportHistory.Entry> entries = history.entries();
            if (json) {
                Output.json(spec.commandLine().getOut(), entries);
            } else {
                Output.table(spec.commandLine().getOut(), entries.stream().map(HistoryCommand::row).toList());
            }
        }
        return 0;
    }

    private static Map<String, Object> row(ImportHistory.Entry entry) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", entry.id());
        row.put("file", entry.file());
        row.put("as", entry.kind());
        row.put("read", entry.read());
        row.put("accepted", entry.accepted());
        row.put("updated", entry.updated());
        row.put("skipped", entry.skipped());
        row.put("rejected", entry.rejected());
        row.put("finished", entry.finishedAt());
        row.put("undone", entry.undone() ? "yes" : "");
        return row;
    }
}
