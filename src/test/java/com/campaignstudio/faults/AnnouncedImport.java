package com.campaignstudio.faults;

import com.campaignstudio.importer.EntityKind;
import com.campaignstudio.importer.ImportPlan;
import com.campaignstudio.importer.Importer;
import com.campaignstudio.importer.MappingSuggester;
import com.campaignstudio.importer.TabularSource;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.settings.AppDirectories;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;

import java.nio.file.Path;
import java.util.List;

/**
 * A process for kill-at-each-phase trials: imports a file into a project, printing each phase's message key the
 * first time it appears (stage.preparing, stage.importing, stage.indexing, stage.linking), so that the parent can
 * kill it in the phase it wants.
 */
public final class AnnouncedImport {

    private AnnouncedImport() {
    }

    public static void main(String[] args) throws Exception {
        ProjectLocations locations = ProjectLocations.under(AppDirectories.current().data());
        Path file = Path.of(args[1]);
        EntityKind kind = EntityKind.fromCliName(args[2]).orElseThrow();
        try (Project project = Project.open(locations, Path.of(args[0]))) {
            List<String> headers;
            try (TabularSource source = TabularSource.open(file)) {
                headers = source.headers();
            }
            new Importer(project.database()).run(new ImportPlan(file, kind, MappingSuggester.suggest(kind, headers),
                    ImportPlan.Duplicates.UPDATE, ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS), new TaskContext() {
                private String last;

                @Override
                public void progress(long done, long total) {
                }

                @Override
                public void message(Reason message) {
                    if (!message.key().equals(last)) {
                        last = message.key();
                        System.out.println(last);
                        System.out.flush();
                    }
                }

                @Override
                public boolean isCancelled() {
                    return false;
                }
            });
            project.save();
            System.out.println("saved");
        }
    }
}
