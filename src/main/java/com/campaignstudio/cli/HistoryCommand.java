package com.campaignstudio.cli;

import com.campaignstudio.importer.ImportHistory;
import com.campaignstudio.project.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Lists a project's imports, or undoes one of them. */
@Command(name = "imports", mixinStandardHelpOptions = true,
        description = "List the imports of a project; --rejections ID lists an import's rejected rows; "
                + "--undo ID undoes one and saves the project.")
final class HistoryCommand implements Callable<Integer> {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Mixin
    ProjectOption project;

    @Option(names = "--undo", paramLabel = "ID", description = "Undo the import with this id.")
    Long undo;

    @Option(names = "--rejections", paramLabel = "ID", description = "Print the rejected rows of the import with this id.")
    Long rejectionsOf;

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
                ProjectOption.save(open);
            }
            if (rejectionsOf != null) {
                if (history.entries().stream().noneMatch(e -> e.id() == rejectionsOf)) {
                    throw new IllegalArgumentException("no import " + rejectionsOf + " in " + project.file.getFileName()
                            + "; the imports command without options lists them");
                }
                var rejections = history.rejections(rejectionsOf);
                if (json) {
                    Output.json(spec.commandLine().getOut(), rejections);
                } else {
                    Output.table(spec.commandLine().getOut(), rejections.stream().map(r -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("row", r.row());
                        row.put("column", r.column());
                        row.put("value", r.value());
                        row.put("reason", r.reason().english());
                        return row;
                    }).toList());
                }
                return 0;
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
        row.put("finished", entry.finishedAt() == null ? "" : entry.finishedAt().format(MINUTE));
        row.put("undone", entry.undone() ? "yes" : "");
        return row;
    }
}
