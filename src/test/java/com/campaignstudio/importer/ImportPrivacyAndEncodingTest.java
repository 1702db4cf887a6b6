package com.campaignstudio.importer;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.work.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Raw person ids never reach a project file, and bytes that are not text never pass silently. */
class ImportPrivacyAndEncodingTest {

    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path folder;

    @Test
    void aFileDeclaredUtf8WithInvalidBytesRejectsExactlyTheRowsThatHoldThem() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes("用户ID,关注时间,平台,地区,昵称\n".getBytes(StandardCharsets.UTF_8));
        List<Long> broken = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            bytes.writeBytes(("u" + i + ",2024-03-05,douyin,").getBytes(StandardCharsets.UTF_8));
            // Every fifth region was pasted from a GBK tool: bytes that are not UTF-8.
            bytes.writeBytes(i % 5 == 0 ? "广东".getBytes(GBK) : "广东".getBytes(StandardCharsets.UTF_8));
            // One nickname (a column that is not imported) is broken too: its row is still good.
            bytes.writeBytes(i == 7 ? ",\u00ff\n".getBytes(GBK) : ",nick\n".getBytes(StandardCharsets.UTF_8));
            if (i % 5 == 0) {
                broken.add(i + 1L);
            }
        }
        Path file = Files.write(folder.resolve("followers.csv"), bytes.toByteArray());
        try (Project project = newProject("p")) {
            ImportReport report = importFile(project, file, EntityKind.FOLLOWERS);
            assertEquals(50, report.rowsRead());
            assertEquals(40, report.accepted());
            assertEquals(broken, report.rejections().stream().map(RowRejection::row).toList());
            RowRejection first = report.rejections().getFirst();
            assertEquals("地区", first.column());
            assertEquals("reject.invalidBytes", first.reason().key());
            assertTrue(first.value().contains("\uFFFD"), "shown with the replacement character: " + first.value());
            assertTrue(first.reason().english().contains("the file's encoding"), first.reason().english());
            assertEquals(0, count(project, "SELECT COUNT(*) FROM follower WHERE region LIKE '%' || CHAR(65533) || '%' "
                    + "OR region LIKE '%' || CHAR(65535) || '%'"));
        }
    }

    @Test
    void theSameRawIdGetsADifferentPseudonymInEachProjectAndNeverItself() throws Exception {
        Path file = Files.writeString(folder.resolve("fans.csv"), "用户ID,关注时间,平台\n13800138000,2024-03-05,douyin\n");
        List<String> stored = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            try (Project project = newProject(name)) {
                importFile(project, file, EntityKind.FOLLOWERS);
                stored.add(project.database().read(connection -> {
                    try (Statement statement = connection.createStatement();
                         ResultSet rs = statement.executeQuery("SELECT external_id FROM follower")) {
                        rs.next();
                        return rs.getString(1);
                    }
                }));
            }
        }
        assertNotEquals(stored.get(0), stored.get(1));
        assertTrue(stored.stream().allMatch(id -> id.matches("p_[0-9a-f]{20}")), stored.toString());
    }

    @Test
    void rejectedRowsKeepPersonIdsOnlyAsPseudonymsAndNoRawIdReachesTheFileOrItsBackups() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("用户ID,关注时间,平台\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("ZQXGOOD0001,2024-03-05,douyin\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("ZQXBADDATE02,not a date,douyin\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("ZQXBADPLATFORM03,2024-03-05,nowhere\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(("ZQXLONG04" + "9".repeat(600) + ",2024-03-05,douyin\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("ZQXBROKEN05".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("广".getBytes(GBK));
        bytes.writeBytes(",2024-03-05,douyin\n".getBytes(StandardCharsets.UTF_8));
        Path followers = Files.write(folder.resolve("followers.csv"), bytes.toByteArray());
        Path orders = Files.writeString(folder.resolve("orders.csv"), "order_id,amount,paid_at,customer\n"
                + "o1,abc,2024-03-05,ZQXCUSTOMER06\no2,88,2024-03-05,ZQXCUSTOMER07\n");
        Path file;
        try (Project project = newProject("scan")) {
            file = project.file();
            ImportReport report = importFile(project, followers, EntityKind.FOLLOWERS);
            project.save();
            RowRejection broken = report.rejections().stream().filter(r -> r.reason().key().equals("reject.invalidBytes"))
                    .findFirst().orElseThrow();
            assertTrue(broken.value().matches("p_[0-9a-f]{20}"), "a rejected id is kept as its pseudonym: " + broken.value());
            assertEquals(2, report.rejected(), "bad date and invalid bytes (a long id is fine: it is stored as its "
                    + "pseudonym; an unknown platform is added): " + report.rejections());
            importFile(project, orders, EntityKind.ORDERS);
            project.save();
        }
        List<Path> files = new ArrayList<>(List.of(file));
        try (Stream<Path> all = Files.walk(folder.resolve("home").resolve("backups"))) {
            all.filter(Files::isRegularFile).filter(backup -> !backup.getFileName().toString().startsWith("."))
                    .forEach(files::add);
        }
        assertTrue(files.size() >= 3, "the project and its backups: " + files);
        for (Path scanned : files) {
            String content = new String(databaseBytes(scanned), StandardCharsets.ISO_8859_1);
            assertFalse(content.contains("ZQX"), scanned.getFileName() + " holds a raw id near: "
                    + (content.contains("ZQX") ? content.substring(content.indexOf("ZQX"), content.indexOf("ZQX") + 16) : ""));
        }
    }

    private Project newProject(String name) throws Exception {
        return Project.create(ProjectLocations.under(folder.resolve("home")), folder.resolve(name + ".campaign"),
                ZoneId.of("Asia/Shanghai"));
    }

    private static ImportReport importFile(Project project, Path file, EntityKind kind) throws Exception {
        List<String> headers;
        try (TabularSource source = TabularSource.open(file)) {
            headers = source.headers();
        }
        return new Importer(project.database()).run(new ImportPlan(file, kind, MappingSuggester.suggest(kind, headers),
                ImportPlan.Duplicates.UPDATE, ImportPlan.RejectionPolicy.IMPORT_GOOD_ROWS), TaskContext.silent());
    }

    private static long count(Project project, String sql) throws Exception {
        return project.database().read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static byte[] databaseBytes(Path projectFile) throws Exception {
        try (ZipFile zip = new ZipFile(projectFile.toFile())) {
            return zip.getInputStream(zip.getEntry("project.mv.db")).readAllBytes();
        }
    }
}
