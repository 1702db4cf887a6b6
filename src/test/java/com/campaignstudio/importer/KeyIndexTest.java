package com.campaignstudio.importer;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KeyIndexTest {

    @Test
    void agreesWithAHashMapOverManyKeysOfEveryKindThroughGrowth() {
        KeyIndex index = new KeyIndex();
        Map<String, Long> reference = new HashMap<>();
        Random random = new Random(5);
        String[] shapes = {"SO%09d", "p_%020x", "订单%d", "%d\u00013\u0001", "", "a%d\u0000b"};
        for (int i = 0; i < 200_000; i++) {
            String key = String.format(shapes[i % shapes.length], random.nextInt(150_000));
            long id = random.nextInt(1_000_000);
            if (random.nextBoolean()) {
                Long before = reference.putIfAbsent(key, id);
                assertEquals(before == null ? KeyIndex.ABSENT : before, index.getOrPut(key, id), key);
            } else {
                reference.put(key, id);
                index.put(key, id);
            }
        }
        assertEquals(reference.size(), index.size());
        reference.forEach((key, id) -> assertEquals(id, index.get(key), key));
        assertEquals(KeyIndex.ABSENT, index.get("SO-not-there"));
    }
}
