package com.campaignstudio.ui.dashboard;

import com.campaignstudio.dashboard.DashboardQueries;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.SameThreadRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard's view model, without a JavaFX toolkit. */
class DashboardViewModelTest {

    @TempDir
    Path folder;

    @Test
    void refreshLoadsTheSummary() throws Exception {
        try (Project project = Project.create(ProjectLocations.under(folder), folder.resolve("p.campaign"),
                ZoneId.of("Asia/Shanghai"))) {
            DashboardViewModel model = new DashboardViewModel(new DashboardQueries(project.database()),
                    new SameThreadRunner(), "loading");
            model.refresh();
            assertNotNull(model.summaryProperty().get());
            assertTrue(model.summaryProperty().get().isEmpty());
            assertFalse(model.loadingProperty().get());
            assertNull(model.errorProperty().get());
        }
    }

    @Test
    void aFailedQueryIsReportedNotThrown() throws Exception {
        Project project = Project.create(ProjectLocations.under(folder), folder.resolve("p.campaign"),
                ZoneId.of("Asia/Shanghai"));
        DashboardViewModel model = new DashboardViewModel(new DashboardQueries(project.database()),
                new SameThreadRunner(), "loading");
        project.close();
        model.refresh();
        assertNull(model.summaryProperty().get());
        assertFalse(model.loadingProperty().get());
        assertNotNull(model.errorProperty().get());
        assertEquals(false, model.errorProperty().get().isBlank());
    }
}
