package com.campaignstudio.ui.importer;

import com.campaignstudio.importer.EntityKind;
import com.campaignstudio.importer.Field;
import com.campaignstudio.importer.PresetStore;
import com.campaignstudio.ui.common.UiText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import wizard's state, without a JavaFX toolkit. */
class ImportWizardModelTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(UiText.BUNDLE, Locale.ROOT);

    @TempDir
    Path folder;

    private static Path fixture(String name) throws Exception {
        return Path.of(ImportWizardModelTest.class.getResource("/import/" + name).toURI());
    }

    @Test
    void loadingShowsTheFirstRowsAndSuggestsAMappingWithPreviews() throws Exception {
        ImportWizardModel model = new ImportWizardModel(fixture("orders-gbk.csv"), SHANGHAI, ENGLISH,
                new PresetStore(folder.resolve("presets.json")));
        model.load();
        assertNull(model.problemProperty().get());
        assertEquals(10, model.rows().size());
        assertTrue(model.missingFields().isEmpty());
        Field amount = EntityKind.ORDERS.field("amount").orElseThrow();
        assertEquals("￥1,299.00", model.firstValue(amount).orElseThrow());
        assertEquals("1299.00 CNY", model.storedAs(amount));
    }

    @Test
    void theFirstValuesAndWhyAFileCannotBeReadAreInTheUsersLanguage() throws Exception {
        ResourceBundle chinese = new UiText(Locale.SIMPLIFIED_CHINESE).bundle();
        Path orders = java.nio.file.Files.writeString(folder.resolve("订单.csv"),
                "订单号,实付金额,支付时间,订单状态\nSP001,¥299.00,2024/4/1 10:00,交易成功\n");
        ImportWizardModel model = new ImportWizardModel(orders, SHANGHAI, chinese,
                new PresetStore(folder.resolve("presets.json")));
        model.load();
        assertEquals("已支付", model.storedAs(EntityKind.ORDERS.field("status").orElseThrow()), "not paid");
        assertEquals("299.00 人民币", model.storedAs(EntityKind.ORDERS.field("amount").orElseThrow()));

        Path empty = java.nio.file.Files.writeString(folder.resolve("空.csv"), "");
        ImportWizardModel nothing = new ImportWizardModel(empty, SHANGHAI, chinese,
                new PresetStore(folder.resolve("presets.json")));
        nothing.load();
        assertEquals("空.csv：文件是空的。", nothing.problemProperty().get());
    }

    @Test
    void whatAFileHoldsIsJudgedFromItsHeadersNotCarriedFromThePreviousFile() throws Exception {
        ImportWizardModel model = new ImportWizardModel(fixture("followers-totals.csv"), SHANGHAI, ENGLISH,
                new PresetStore(folder.resolve("presets.json")));
        model.kindProperty().set(EntityKind.ORDERS);
        model.load();
        assertEquals(EntityKind.FOLLOWERS, model.kindProperty().get());
        assertTrue(model.mappingProperty().get().maps("external_id"));
        model.kindProperty().set(EntityKind.ENGAGEMENT);
        model.load();
        assertEquals(EntityKind.ENGAGEMENT, model.kindProperty().get(), "a later preview keeps the user's choice");
    }

    @Test
    void aWrongEncodingChoiceShowsGarbledHeadersAndTheRightOneFixesThem() throws Exception {
        ImportWizardModel model = new ImportWizardModel(fixture("orders-gbk.csv"), SHANGHAI, ENGLISH,
                new PresetStore(folder.resolve("presets.json")));
        model.load();
        model.charsetProperty().set(Charset.forName("UTF-8"));
        model.load();
        assertTrue(!model.headers().contains("订单编号"));
        model.charsetProperty().set(Charset.forName("GB18030"));
        model.load();
        assertTrue(model.headers().contains("订单编号"));
    }

    @Test
    void aSavedPresetIsUsedAgainForAFileWithTheSameColumns() throws Exception {
        PresetStore presets = new PresetStore(folder.resolve("presets.json"));
        ImportWizardModel first = new ImportWizardModel(fixture("orders-gbk.csv"), SHANGHAI, ENGLISH, presets);
        first.load();
        Field campaign = EntityKind.ORDERS.field("campaign").orElseThrow();
        first.mapColumn(campaign, Optional.of(6));
        first.savePreset("shop with campaigns");

        ImportWizardModel next = new ImportWizardModel(fixture("orders-gbk.csv"), SHANGHAI, ENGLISH, presets);
        next.load();
        assertEquals("shop with campaigns", next.appliedPresetProperty().get());
        assertEquals(first.mappingProperty().get(), next.mappingProperty().get());
    }

    @Test
    void anUnreadableFileIsAProblemNotAnException() throws Exception {
        Path empty = java.nio.file.Files.createFile(folder.resolve("empty.csv"));
        ImportWizardModel model = new ImportWizardModel(empty, SHANGHAI, ENGLISH, new PresetStore(folder.resolve("p.json")));
        model.load();
        assertEquals("empty.csv: the file is empty", model.problemProperty().get());
        assertTrue(model.rows().isEmpty());
    }
}
