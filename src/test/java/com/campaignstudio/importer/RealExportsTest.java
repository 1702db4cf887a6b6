package com.campaignstudio.importer;

import com.campaignstudio.demo.DemoProjects;
import com.campaignstudio.demo.DemoSize;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;


/** Exports in the shapes real shops and platforms write them go in whole: one test per shape (issue 11). */
class RealExportsTest {

    @TempDir
    Path folder;

    @Test
    void ordersWithNewProductsGoIntoADemoProjectWithoutAnyRejection() throws Exception {
        try (Project demo = DemoProjects.create(ProjectLocations.under(folder.resolve("home")),
                folder.resolve("demo.campaign"), DemoSize.SMALL, 3L, TaskContext.silent())) {
            ImportReport report = importFile(demo, fixture("orders-new-products.csv"), EntityKind.ORDERS);
            assertEquals(List.of(), report.rejections());
            assertEquals(6, report.accepted());
            assertEquals(3, count(demo, "SELECT COUNT(*) FROM product WHERE name IN "
                    + "('AI 写作训练营', '小红书起号课', 'Excel 数据分析')"));
        }
    }

    static Path fixture(String name) throws Exception {
        return Path.of(RealExportsTest.class.getResource("/import/real/" + name).toURI());
    }

    static Project newProject(Path folder, String name) throws Exception {
        return Project.create(ProjectLocations.under(folder.resolve("home")), folder.resolve(name + ".campaign"),
                ZoneId.of("Asia/Shanghai"));
    }

    static ImportReport importFile(Project project, Path file, EntityKind kind) throws Exception {
        List<String> headers;
        try (TabularSource source = TabularSource.open(file)) {
            headers = source.headers();
        }
        return new Importer(project.database()).run(new ImportPlan(file, kind, MappingSuggester.suggest(kind, headers),
                ImportPlan.Duplicates.UPDATE, ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS), TaskContext.silent());
    }

    static long count(Project project, String sql) throws Exception {
        return project.database().read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

}
