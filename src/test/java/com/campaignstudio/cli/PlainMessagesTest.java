package com.campaignstudio.cli;

import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static com.campaignstudio.cli.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every failure says which file, what is wrong with it and what to do, without Java's vocabulary. */
class PlainMessagesTest {

    @TempDir
    Path folder;

    @Test
    void aFolderOrAMissingFileGivenAsAnExportIsNamedWithWhatToDo() throws Exception {
        Path project = folder.resolve("p.campaign");
        assertPlain(run("import", "--project", project.toString(), "--file", folder.toString(), "--as", "orders"),
                folder + ": this is a folder; give the path of an export file");
        Path missing = folder.resolve("missing.csv");
        assertPlain(run("import", "--project", project.toString(), "--file", missing.toString(), "--as", "orders"),
                missing + ": there is no such file; check the path");
    }

    @Test
    void aFolderOrAMissingFileGivenAsAProjectIsNamedWithWhatToDo() {
        assertPlain(run("stats", "--project", folder.toString()), "this is a folder, not a project file");
        assertPlain(run("stats", "--project", folder.resolve("nope.campaign").toString()),
                "nope.campaign: there is no such file; check the path");
    }

    @Test
    void aProjectInANewerContainerFormatSaysSoAndNotAnImpossibleSchemaVersion() throws Exception {
        Path file = folder.resolve("future.campaign");
        Project.create(ProjectLocations.under(folder.resolve("maker")), file, ZoneId.of("Asia/Shanghai")).close();
        Path future = folder.resolve("future99.campaign");
        rewriteManifest(file, future, manifest -> manifest.replaceAll("formatVersion=1", "formatVersion=99")
                .replaceAll("appVersion=.*", "appVersion=9.0.0"));
        CommandLineTest.Run stats = run("stats", "--project", future.toString());
        assertPlain(stats, "future99.campaign: it was saved by Campaign Studio 9.0.0 in project format 99; "
                + "this version reads format 1: update Campaign Studio to open it");
        assertFalse(stats.err().contains("2147483647"), stats.err());
    }

    @Test
    void aWorkbookCutShortOrAnOldXlsIsDescribedWithoutTheReadersInternals() throws Exception {
        Path project = folder.resolve("p.campaign");
        Path cut = folder.resolve("cut.xlsx");
        Path fixture = Path.of(PlainMessagesTest.class.getResource("/import/orders.xlsx").toURI());
        try (ZipFile source = new ZipFile(fixture.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(cut))) {
            for (ZipEntry entry : java.util.Collections.list(source.entries())) {
                byte[] content = source.getInputStream(entry).readAllBytes();
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().startsWith("xl/worksheets/") ? Arrays.copyOf(content, content.length / 2) : content);
                out.closeEntry();
            }
        }
        assertPlain(run("import", "--project", project.toString(), "--file", cut.toString(), "--as", "orders"),
                "cut.xlsx: the workbook could not be read: part of its XML is cut short");

        byte[] ole = new byte[1024];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole, 0, magic.length);
        Path xls = Files.write(folder.resolve("report.xls"), ole);
        assertPlain(run("import", "--project", project.toString(), "--file", xls.toString(), "--as", "orders"),
                "report.xls: this is an old Excel (.xls) workbook or one saved with a password");
    }

    @Test
    void javasFileErrorsAreSpelledOut() {
        assertEquals("/data/x.csv: there is no such file or folder; check the path",
                CommandFailure.oneLine(new NoSuchFileException("/data/x.csv")));
        assertEquals("/data: this is a folder; give the path of a file",
                CommandFailure.oneLine(new FileSystemException("/data", null, "Is a directory")));
        assertEquals("/mnt/usb/p.campaign: the disk is full; free some space and run the command again",
                CommandFailure.oneLine(new java.io.UncheckedIOException(
                        new FileSystemException("/mnt/usb/p.campaign", null, "No space left on device"))));
    }

    @Test
    void aMistypedCommandLineIsOneLineNamingTheHelpToRead() {
        CommandLineTest.Run missing = run("stats");
        assertEquals(2, missing.exitCode());
        assertEquals("error: Missing required option: '--project=FILE' (the options: campaign-studio stats --help)",
                missing.err().strip());
        CommandLineTest.Run badDay = run("segment", "--project", "p.campaign", "--from", "2024-13-01");
        assertEquals(2, badDay.exitCode());
        assertEquals("error: Invalid value for option '--from': '2024-13-01' is not a day written as yyyy-MM-dd "
                + "(the options: campaign-studio segment --help)", badDay.err().strip());
    }

    @Test
    void aChoiceThatIsNotOneOfTheChoicesSaysWhichAreAllowed() {
        assertPlain(run("ltv", "--project", folder.resolve("p.campaign").toString(), "--unit", "fortnight"),
                "unknown unit 'fortnight'; units: day, week, month");
        assertEquals("'year' is not one of the choices: week, month", CommandFailure.oneLine(new IllegalArgumentException(
                "No enum constant com.campaignstudio.forecast.RevenueSeries.Granularity.YEAR")));
        assertEquals("'we-ek' is not one of the choices: week, month", CommandFailure.oneLine(new IllegalArgumentException(
                "No enum constant com.campaignstudio.forecast.RevenueSeries.Granularity.WE-EK")));
    }

    @Test
    void theRejectionsOfAnImportThatDoesNotExistAreAnErrorNotAnEmptyList() throws Exception {
        Path file = folder.resolve("empty.campaign");
        Project.create(ProjectOption.locations(), file, ZoneId.of("Asia/Shanghai")).close();
        assertPlain(run("imports", "--project", file.toString(), "--rejections", "7"),
                "no import 7 in empty.campaign; the imports command without options lists them");
    }

    private static void assertPlain(CommandLineTest.Run run, String expected) {
        assertEquals(1, run.exitCode(), run.out());
        String line = run.err().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains(expected), line);
        assertFalse(line.matches(".*(Exception|java\\.|com\\.|org\\.|\\bnull\\b).*"), "Java's vocabulary: " + line);
    }

    private static void rewriteManifest(Path from, Path to, java.util.function.UnaryOperator<String> change) throws Exception {
        try (ZipFile source = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry entry : java.util.Collections.list(source.entries())) {
                byte[] content = source.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("campaign-studio.properties")) {
                    content = change.apply(new String(content, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
    }
}
