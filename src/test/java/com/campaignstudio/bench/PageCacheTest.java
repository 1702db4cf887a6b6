package com.campaignstudio.bench;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PageCacheTest {

    @Test
    void evictsTheFilesThatCanBeOpenedAndCountsThem(@TempDir Path folder) throws Exception {
        Assumptions.assumeTrue(PageCache.supported(), "page cache eviction is for Linux");
        Path first = Files.write(folder.resolve("a.bin"), new byte[64 * 1024]);
        Path second = Files.writeString(folder.resolve("b.txt"), "read me");
        Files.readAllBytes(first);

        assertEquals(2, PageCache.evict(List.of(first, folder.resolve("missing.bin"), second)));
        assertEquals(64 * 1024, Files.size(first), "the file itself is untouched");
    }
}
