package com.campaignstudio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativePreloadTest {

    @Test
    void loadsEachLibraryThatExistsAndSkipsTheRest(@TempDir Path folder) throws Exception {
        // A library of the JDK that nothing else in the test JVM loads (one loaded by another class loader fails).
        Path library = Path.of(System.getProperty("java.home"), "lib", System.mapLibraryName("j2pcsc"));
        Path missing = folder.resolve("libmissing.so");
        Path notALibrary = Files.writeString(folder.resolve("libtext.so"), "not an ELF file");

        List<Path> loaded = NativePreload.load(String.join(File.pathSeparator, missing.toString(),
                notALibrary.toString(), library.toString()));

        assertEquals(List.of(library.toAbsolutePath().normalize()), loaded);
    }

    @Test
    void nothingNamedLoadsNothing() {
        assertTrue(NativePreload.load(null).isEmpty());
        assertTrue(NativePreload.load(" ").isEmpty());
    }
}
