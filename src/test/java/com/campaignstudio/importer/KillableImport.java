package com.campaignstudio.importer;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.text.Reason;
import com.campaignstudio.work.TaskContext;

import java.nio.file.Path;
import java.util.List;

/**
 * A second process for the kill test: opens a project, makes one committed but unsaved change, then
 * imports a large file, saying when each step starts, until the parent kills it.
 */
public final class KillableImport {

    private KillableImport() {
    }

    public static void main(String[] args) throws Exception {
        Project project = Project.open(ProjectLocations.under(Path.of(args[0])), Path.of(args[1]));
        project.database().transaction(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("INSERT INTO follower (platform_id, external_id) VALUES (1, 'before-the-import')");
            }
            return null;
        });
        Path file = Path.of(args[2]);
        List<String> headers;
        try (TabularSource source = TabularSource.open(file)) {
            headers = source.headers();
        }
        ImportPlan plan = new ImportPlan(file, EntityKind.ORDERS, MappingSuggester.suggest(EntityKind.ORDERS, headers),
                ImportPlan.Duplicates.UPDATE, ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS);
        new Importer(project.database()).run(plan, new TaskContext() {
            private boolean announced;

            @Override
            public void progress(long done, long total) {
                if (!announced) {
                    System.out.println("importing");
                    System.out.flush();
                    announced = true;
                }
            }

            @Override
            public void message(Reason message) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        System.out.println("finished");
    }
}
