package com.campaignstudio.cli;

import com.campaignstudio.project.Backups;
import com.campaignstudio.project.Backups.Backup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Lists the kept versions of a project, newest first, and whether each is intact. */
@Command(name = "backups", mixinStandardHelpOptions = true,
        description = "List the backups kept of a project (the versions its last saves replaced), newest first, "
                + "and whether each is intact. Restore one with: restore --project FILE --backup N.")
final class BackupsCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Backup> backups = new Backups(ProjectOption.locations().backupRoot()).forFile(project.file);
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < backups.size(); i++) {
            Backup backup = backups.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("backup", i + 1);
            row.put("saved_at", json ? isoTime(backup.savedAt()) : backup.describeTime());
            if (json) {
                row.put("bytes", backup.size());
            } else {
                row.put("size_mb", String.format(Locale.ROOT, "%.1f", backup.size() / 1048576.0));
            }
            row.put("intact", Backups.isIntact(backup));
            row.put("file", backup.file().toString());
            rows.add(row);
        }
        if (json) {
            Output.json(out, rows);
        } else if (rows.isEmpty()) {
            out.println("no backups of " + project.file.getFileName() + " are kept on this computer "
                    + "(a backup is made each time a save replaces the file)");
        } else {
            Output.table(out, rows);
        }
        return 0;
    }

    /** A moment as ISO-8601 in this computer's time zone, to the second: 2026-11-23T14:05:09+08:00. */
    static String isoTime(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                instant.atZone(ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS));
    }
}
