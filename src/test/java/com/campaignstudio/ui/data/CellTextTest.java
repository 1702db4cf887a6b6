package com.campaignstudio.ui.data;

import com.campaignstudio.data.TableBrowser;
import com.campaignstudio.data.TableCatalog;
import com.campaignstudio.project.Project;
import com.campaignstudio.project.ProjectLocations;
import com.campaignstudio.ui.common.UiText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CellTextTest {

    private static final CellText CHINESE = new CellText(new UiText(Locale.SIMPLIFIED_CHINESE));
    private static final CellText ENGLISH = new CellText(new UiText(Locale.ENGLISH));

    @TempDir
    Path folder;

    @Test
    void everyShownColumnOfEveryTableHasATitleInBothLanguages() throws Exception {
        List<String> untitled = new ArrayList<>();
        try (Project project = Project.create(ProjectLocations.under(folder), folder.resolve("p.campaign"),
                ZoneId.of("Asia/Shanghai"))) {
            for (String table : TableCatalog.BROWSABLE) {
                for (String column : new TableBrowser(project.database(), table).columns()) {
                    for (CellText cells : List.of(CHINESE, ENGLISH)) {
                        try {
                            cells.title(table, column);
                        } catch (java.util.MissingResourceException e) {
                            untitled.add(table + "." + column);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), untitled);
    }

    @Test
    void aColumnNamedTheSameInTwoTablesIsTitledForEach() {
        assertEquals("互动类型", CHINESE.title("engagement", "kind"));
        assertEquals("产品类型", CHINESE.title("product", "kind"));
        assertEquals("开始时间", CHINESE.title("import_batch", "started_at"));
        assertEquals("开播时间", CHINESE.title("live_session", "started_at"));
    }

    @Test
    void storedCodesAreShownAsWordsOfTheLanguage() {
        assertEquals("女", CHINESE.of("follower", "gender", "female"));
        assertEquals("Female", ENGLISH.of("follower", "gender", "female"));
        assertEquals("已支付", CHINESE.of("customer_order", "status", "paid"));
        assertEquals("已退款", CHINESE.of("customer_order", "status", "refunded"));
        assertEquals("观看直播", CHINESE.of("engagement", "kind", "live_watch"));
        assertEquals("图文", CHINESE.of("post", "format", "image"));
        assertEquals("直播课", CHINESE.of("product", "kind", "live_class"));
        assertEquals("订单", CHINESE.of("import_batch", "entity", "orders"));
        assertEquals("抖音", CHINESE.of("follower", "platform", "douyin"));
        assertEquals("Douyin", ENGLISH.of("follower", "platform", "douyin"));
        assertEquals("人民币", CHINESE.of("product", "currency", "CNY"));
        assertEquals("CNY", ENGLISH.of("product", "currency", "CNY"));
        assertEquals("是", CHINESE.of("platform", "built_in", true));
        assertEquals("No", ENGLISH.of("engagement", "is_total", false));
    }

    @Test
    void aCodeNoBundleKnowsAndFreeTextAreShownAsStored() {
        assertEquals("网课试听", CHINESE.of("engagement", "kind", "网课试听"));
        assertEquals("female", CHINESE.of("follower", "region", "female"), "only the gender column holds genders");
        assertEquals("", CHINESE.of("follower", "gender", null));
    }

    @Test
    void numbersAndTimesAreExact() {
        assertEquals("2,133,569.00", CHINESE.of("customer_order", "amount", new BigDecimal("2133569.00")));
        assertEquals("-12.50", ENGLISH.of("customer_order", "amount", new BigDecimal("-12.50")));
        assertEquals("32,386", CHINESE.of("post", "impressions", 32_386L));
        assertEquals("2024-03-05 21:07",
                CHINESE.of("follower", "followed_at", Timestamp.valueOf(LocalDateTime.of(2024, 3, 5, 21, 7, 42))));
    }
}
