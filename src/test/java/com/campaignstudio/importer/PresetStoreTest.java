package com.campaignstudio.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresetStoreTest {

    @TempDir
    Path folder;

    @Test
    void aSavedPresetIsOfferedForTheNextFileWithTheSameHeaders() throws Exception {
        PresetStore store = new PresetStore(folder.resolve("presets.json"));
        List<String> headers = List.of("单号", "会员", "钱", "时刻");
        ColumnMapping mapping = new ColumnMapping(Map.of("order_ref", 0, "customer_ref", 1, "amount", 2, "paid_at", 3),
                Map.of("platform", "wechat"));
        store.save("my shop", EntityKind.ORDERS, mapping, headers);

        PresetStore reopened = new PresetStore(folder.resolve("presets.json"));
        MappingPreset offered = reopened.matching(EntityKind.ORDERS, List.of("单号", "会员", "钱", "时刻 ")).orElseThrow();
        assertEquals("my shop", offered.name());
        assertEquals(mapping, offered.apply(EntityKind.ORDERS, headers));
        assertTrue(reopened.matching(EntityKind.ORDERS, List.of("单号", "会员")).isEmpty(), "other headers");
        assertTrue(reopened.matching(EntityKind.FOLLOWERS, headers).isEmpty(), "another kind");
        assertTrue(reopened.presetsFor(EntityKind.ORDERS).stream().anyMatch(p -> p.name().equals("knowledge-shop-orders")));
        assertEquals("my shop", reopened.named("my shop").orElseThrow().name());
    }

    @Test
    void shippedNamesCannotBeReplaced() {
        PresetStore store = new PresetStore(folder.resolve("presets.json"));
        assertThrows(IllegalArgumentException.class, () -> store.save("douyin-followers", EntityKind.FOLLOWERS,
                new ColumnMapping(Map.of(), Map.of()), List.of()));
    }
}
