package com.campaignstudio.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes a platform's follower list and an event log of any length, as platform back-ends export them (Chinese
 * headers, the platform by its Chinese name): the inputs of the follower and engagement import cases.
 */
final class AudienceFiles {

    private static final String[] PLATFORMS = {"抖音", "快手", "小红书", "视频号", "微博", "知乎", "B站"};
    private static final String[] KINDS = {"浏览", "点赞", "评论", "分享", "点击", "报名", "看直播"};
    private static final String[] REGIONS = {"广东", "浙江", "江苏", "北京", "上海", "四川", "湖北", "山东"};
    private static final LocalDateTime START = LocalDateTime.of(2025, 1, 1, 0, 0);
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AudienceFiles() {
    }

    /** Follower {@code i} is {@code f<i>} on platform {@code i mod 7}. */
    static void followers(Path csv, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(17);
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("用户ID,平台,关注时间,性别,年龄段,地区\n");
            for (int i = 0; i < rows; i++) {
                out.write("f" + i + "," + PLATFORMS[i % PLATFORMS.length] + ","
                        + START.plusMinutes(random.nextInt(60 * 24 * 500)).format(FORMAT) + ","
                        + (random.nextBoolean() ? "女" : "男") + "," + (18 + random.nextInt(5) * 7) + "-"
                        + (24 + random.nextInt(5) * 7) + "," + REGIONS[random.nextInt(REGIONS.length)] + "\n");
            }
        }
    }

    /** Events of {@code followers} followers (each on its own platform, as in {@link #followers}). */
    static void events(Path csv, int rows, int followers) throws IOException {
        SplittableRandom random = new SplittableRandom(19);
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("用户ID,平台,时间,行为,次数\n");
            for (int i = 0; i < rows; i++) {
                int follower = random.nextInt(followers);
                out.write("f" + follower + "," + PLATFORMS[follower % PLATFORMS.length] + ","
                        + START.plusSeconds(random.nextInt(60 * 60 * 24 * 500)).format(FORMAT) + ","
                        + KINDS[random.nextInt(KINDS.length)] + "," + (1 + random.nextInt(3)) + "\n");
            }
        }
    }
}
