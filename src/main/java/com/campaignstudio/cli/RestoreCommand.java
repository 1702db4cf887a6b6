package com.campaignstudio.cli;

import com.campaignstudio.project.Backups;
import com.campaignstudio.project.Backups.Backup;
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

/** Puts a backup in place of a project file, keeping the replaced version as a backup too. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Put a backup in place of a project file (the newest intact one unless --backup says which). "
                + "The version it replaces, damaged or not, is kept as a backup.")
final class RestoreCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Option(names = "--backup", paramLabel = "N", description = "The backup to restore, as numbered by the backups command (1 = newest).")
    Integer number;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Backups backups = new Backups(ProjectOption.locations().backupRoot());
        List<Backup> kept = backups.forFile(project.file);
        String name = project.file.getFileName().toString();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no backups of " + name + " are kept on this computer; "
                    + "list them with: campaign-studio backups --project FILE");
        }
        Backup chosen;
        if (number == null) {
            chosen = backups.newestGood(project.file).orElseThrow(() -> new IllegalStateException(
                    "none of the " + kept.size() + " backups of " + name + " is intact; nothing was changed"));
        } else {
            if (number < 1 || number > kept.size()) {
                throw new IllegalArgumentException("--backup " + number + ": there are " + kept.size()
                        + " backups of " + name + ", numbered 1 (newest) to " + kept.size());
            }
            chosen = kept.get(number - 1);
            if (!Backups.isIntact(chosen)) {
                throw new IllegalStateException("backup " + number + " of " + name + " (" + chosen.describeTime()
                        + ") is damaged itself; choose another (campaign-studio backups --project FILE); nothing was changed");
            }
        }
        Project.restore(ProjectOption.locations(), project.file, chosen);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("file", project.file.toAbsolutePath().toString());
        result.put("restored_from", BackupsCommand.isoTime(chosen.savedAt()));
        result.put("backup_file", chosen.file().toString());
        if (json) {
            Output.json(spec.commandLine().getOut(), result);
        } else {
            spec.commandLine().getOut().println("restored " + name + " to the version saved " + chosen.describeTime()
                    + "; the version it replaced is kept as a backup");
        }
        return 0;
    }
}
