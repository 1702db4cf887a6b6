package com.campaignstudio.schedule;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The formats a post can have, and the words plans and the command line write for them (视频, 图文 ...). */
public final class PostFormats {

    public static final List<String> CODES = List.of("video", "article", "image", "live", "other");

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("video", "video"), Map.entry("视频", "video"), Map.entry("短视频", "video"),
            Map.entry("article", "article"), Map.entry("文章", "article"), Map.entry("长文", "article"),
            Map.entry("image", "image"), Map.entry("图文", "image"), Map.entry("图片", "image"),
            Map.entry("笔记", "image"), Map.entry("live", "live"), Map.entry("直播", "live"),
            Map.entry("other", "other"), Map.entry("其他", "other"));

    private PostFormats() {
    }

    /** The format {@code word} names, case and surrounding blanks ignored. */
    public static Optional<String> code(String word) {
        return Optional.ofNullable(WORDS.get(word.strip().toLowerCase(Locale.ROOT)));
    }
}
