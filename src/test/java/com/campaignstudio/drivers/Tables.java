package com.campaignstudio.drivers;

import java.util.EnumMap;
import java.util.Map;

/** Small driver tables built in code for the tests. */
final class Tables {

    private final Map<DriverInput, double[]> numbers = new EnumMap<>(DriverInput.class);
    private final Map<DriverInput, String[]> categories = new EnumMap<>(DriverInput.class);

    Tables number(DriverInput input, double... values) {
        numbers.put(input, values);
        return this;
    }

    Tables category(DriverInput input, String... levels) {
        categories.put(input, levels);
        return this;
    }

    DriverTable orders(double... orders) {
        return new DriverTable(numbers, categories, orders, null);
    }

    /** A 0/1 outcome as orders (one order for a buyer). */
    DriverTable bought(boolean... bought) {
        double[] orders = new double[bought.length];
        for (int i = 0; i < bought.length; i++) {
            orders[i] = bought[i] ? 1 : 0;
        }
        return orders(orders);
    }
}
