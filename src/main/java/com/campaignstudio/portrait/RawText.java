package com.campaignstudio.portrait;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** The comparable form of a value as exported: full-width characters folded, spaces trimmed, lower case. */
final class RawText {

    /** Words exports write where a value is missing. */
    private static final Set<String> MISSING = Set.of("", "-", "--", "/", "n/a", "na", "null", "none", "unknown",
            "未知", "保密", "不详", "无", "其他", "other", "others");

    private RawText() {
    }

    static String fold(String raw) {
        return raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    static boolean isMissing(String folded) {
        return MISSING.contains(folded);
    }
}
