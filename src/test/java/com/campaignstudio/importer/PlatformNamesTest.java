package com.campaignstudio.importer;

import com.campaignstudio.project.PlatformTable;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PlatformNamesTest {

    @TempDir
    Path folder;

    @Test
    void theShippedListReadsTheNamesExportsWrite() {
        PlatformNames names = PlatformNames.shipped();

        assertAll(
                () -> assertEquals(Optional.of("douyin"), names.code("抖音")),
                () -> assertEquals(Optional.of("douyin"), names.code("ＤＯＵＹＩＮ"), "full-width, any case"),
                () -> assertEquals(Optional.of("bilibili"), names.code("B站")),
                () -> assertEquals(Optional.of("wechat_channels"), names.code("视频号")),
                () -> assertEquals(Optional.of("xiaohongshu"), names.code(" Xiao Hong Shu ")),
                () -> assertEquals(Optional.empty(), names.code("myspace")),
                () -> assertEquals(Optional.empty(), names.code(" ")));
    }

    @Test
    void aProjectsOwnNamesAndTheNamesItRenamedFromComeFirst() throws Exception {
        try (Project project = Project.create(ProjectLocations.under(folder.resolve("home")),
                folder.resolve("p.campaign"), ZoneId.of("Asia/Shanghai"))) {
            PlatformTable.rename(project.database(), "weibo", "Weibo shop", "微博小店");

            PlatformNames names = PlatformNames.of(project.database());

            assertAll(
                    () -> assertEquals(Optional.of("weibo"), names.code("微博小店"), "its new name"),
                    () -> assertEquals(Optional.of("weibo"), names.code("微博"), "its old name, kept as an alias"),
                    () -> assertEquals(Optional.of("weibo"), names.code("weibo")),
                    () -> assertEquals(Optional.of("kuaishou"), names.code("快手")),
                    () -> assertEquals(Optional.empty(), names.code("微博小店 plus")));
        }
    }
}
