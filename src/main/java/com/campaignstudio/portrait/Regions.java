package com.campaignstudio.portrait;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Regions as exported, made comparable: the 34 province-level divisions of China under their short Chinese name
 * whether exported as {@code 广东省}, {@code 广东} or {@code Guangdong Province}; any other place (a city, a country)
 * as exported, without a trailing 省/市/自治区 or "City"; a blank or "unknown" as {@link #UNKNOWN}.
 */
public final class Regions {

    /** The key of a missing region. */
    public static final String UNKNOWN = "unknown";

    private record Province(String chinese, String english, List<String> otherNames) {
    }

    private static final List<Province> PROVINCES = List.of(
            new Province("北京", "Beijing", List.of("peking")), new Province("天津", "Tianjin", List.of()),
            new Province("上海", "Shanghai", List.of()), new Province("重庆", "Chongqing", List.of()),
            new Province("河北", "Hebei", List.of()), new Province("山西", "Shanxi", List.of()),
            new Province("辽宁", "Liaoning", List.of()), new Province("吉林", "Jilin", List.of()),
            new Province("黑龙江", "Heilongjiang", List.of()), new Province("江苏", "Jiangsu", List.of()),
            new Province("浙江", "Zhejiang", List.of()), new Province("安徽", "Anhui", List.of()),
            new Province("福建", "Fujian", List.of()), new Province("江西", "Jiangxi", List.of()),
            new Province("山东", "Shandong", List.of()), new Province("河南", "Henan", List.of()),
            new Province("湖北", "Hubei", List.of()), new Province("湖南", "Hunan", List.of()),
            new Province("广东", "Guangdong", List.of()), new Province("海南", "Hainan", List.of()),
            new Province("四川", "Sichuan", List.of()), new Province("贵州", "Guizhou", List.of()),
            new Province("云南", "Yunnan", List.of()), new Province("陕西", "Shaanxi", List.of()),
            new Province("甘肃", "Gansu", List.of()), new Province("青海", "Qinghai", List.of()),
            new Province("台湾", "Taiwan", List.of()), new Province("内蒙古", "Inner Mongolia",
                    List.of("nei mongol", "neimenggu", "nei menggu")),
            new Province("广西", "Guangxi", List.of()), new Province("西藏", "Tibet", List.of("xizang")),
            new Province("宁夏", "Ningxia", List.of()), new Province("新疆", "Xinjiang", List.of()),
            new Province("香港", "Hong Kong", List.of("hongkong")), new Province("澳门", "Macao", List.of("macau")));

    /** Suffixes of Chinese place names, longest first so that 壮族自治区 goes before 自治区. */
    private static final List<String> CHINESE_SUFFIXES = List.of("壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区",
            "自治区", "省", "市");
    private static final List<String> ENGLISH_SUFFIXES = List.of(" special administrative region",
            " autonomous region", " municipality", " province", " city", " sar");

    private static final Map<String, Province> BY_NAME = new HashMap<>();
    private static final Map<String, String> ENGLISH_BY_KEY = new HashMap<>();

    static {
        for (Province province : PROVINCES) {
            BY_NAME.put(province.chinese(), province);
            BY_NAME.put(province.english().toLowerCase(Locale.ROOT), province);
            province.otherNames().forEach(name -> BY_NAME.put(name, province));
            ENGLISH_BY_KEY.put(province.chinese(), province.english());
        }
    }

    private Regions() {
    }

    /** The key of an exported region: a province's short Chinese name, another place as exported, or UNKNOWN. */
    public static String of(String raw) {
        String folded = RawText.fold(raw);
        if (RawText.isMissing(folded)) {
            return UNKNOWN;
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        String stripped = text.substring(0, text.length() - suffixLength(folded)).strip();
        Province province = BY_NAME.get(stripped.toLowerCase(Locale.ROOT));
        return province != null ? province.chinese() : stripped;
    }

    /** The English name of a province key, if the key is a province. */
    public static Optional<String> englishName(String key) {
        return Optional.ofNullable(ENGLISH_BY_KEY.get(key));
    }

    /** The length of the place-name suffix {@code folded} ends with, or 0; a name is never stripped to nothing. */
    private static int suffixLength(String folded) {
        for (String suffix : CHINESE_SUFFIXES) {
            if (folded.endsWith(suffix) && folded.length() > suffix.length()) {
                return suffix.length();
            }
        }
        for (String suffix : ENGLISH_SUFFIXES) {
            if (folded.endsWith(suffix) && folded.length() > suffix.length()) {
                return suffix.length();
            }
        }
        return 0;
    }
}
