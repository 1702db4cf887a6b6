package com.campaignstudio.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds English words (runs of two or more Latin letters) left in Chinese text. */
public final class LatinWords {

    private static final Pattern LATIN_WORD = Pattern.compile("(?<![A-Za-z])[A-Za-z]{2,}(?![A-Za-z])");
    /**
     * What is legitimately Latin in Chinese text, removed before looking for words. Each is a name that Chinese
     * users read as it is, with no Chinese form in use:
     * <ul>
     * <li>the product's name, a brand (as 微信 is "WeChat" in English);</li>
     * <li>file extensions and the file formats a creator exports (CSV, TSV, XLSX, Excel), which file dialogs and
     * the exports themselves name this way, and WPS (金山 WPS Office), which its users call so;</li>
     * <li>"ID", as Chinese platforms and shops write it themselves (用户ID, 买家ID);</li>
     * <li>text encodings (UTF-8, UTF-16, GB18030), named this way by every Chinese editor and by Excel;</li>
     * <li>"GNU" in the licence's name, as its official Chinese translation writes it (GNU 通用公共许可证);</li>
     * <li>"English" as the whole of a text: the language chooser names each language in its own language;</li>
     * <li>the names of models, methods and measures as Chinese textbooks and analytics tools write them (BG/NBD,
     * Gamma-Gamma, Holt-Winters, AR, k-means, AUC, CLV, sMAPE, PC1, log1p) and parameters' symbols (alpha, gamma,
     * beta), each explained in Chinese beside it; PNG, an image file's format, like CSV; and the keys Ctrl, Shift
     * and Alt as the keyboard prints them;</li>
     * <li>TGI (目标群体指数), as 蝉妈妈, 飞瓜 and 巨量算数 print it on their audience portraits.</li>
     * </ul>
     */
    private static final List<Pattern> ALLOWED = List.of(Pattern.compile("Campaign Studio"),
            Pattern.compile("\\.(campaign|csv|xlsx|xls)\\b"),
            Pattern.compile("\\b(CSV|TSV|XLSX|Excel|WPS|ID|GNU)\\b"),
            Pattern.compile("\\b(UTF-(8|16(LE|BE)?)|GB18030|GBK)\\b"),
            Pattern.compile("^English$"),
            Pattern.compile("\\b(BG/NBD|Gamma-Gamma|Holt-Winters|Holt|AR|k-means|AUC|CLV|sMAPE|PC[12]|log1p|log|alpha|beta|gamma|PNG|Ctrl|Shift|Alt|TGI)\\b"));

    private LatinWords() {
    }

    /** The English words in {@code text}, in order; empty when there are none. */
    public static List<String> in(String text) {
        String rest = text;
        for (Pattern allowed : ALLOWED) {
            rest = allowed.matcher(rest).replaceAll(" ");
        }
        List<String> words = new ArrayList<>();
        Matcher word = LATIN_WORD.matcher(rest);
        while (word.find()) {
            words.add(word.group());
        }
        return words;
    }
}
