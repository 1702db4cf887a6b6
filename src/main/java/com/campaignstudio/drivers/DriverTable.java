package com.campaignstudio.drivers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The unit-of-analysis table: one row per follower, with the inputs the project has and both outcomes.
 *
 * @param numbers      per numeric input, one value per row (NaN when unknown)
 * @param categories   per categorical input, one level per row (a platform code, a segment name; null when
 *                     unknown)
 * @param orders       paid orders per row; "bought" is one or more
 * @param segmentation the name of the saved segmentation the segment input comes from, or null when there is none
 */
public record DriverTable(Map<DriverInput, double[]> numbers, Map<DriverInput, String[]> categories, double[] orders,
                          String segmentation) {

    public DriverTable {
        Map<DriverInput, double[]> numberCopy = new EnumMap<>(DriverInput.class);
        numberCopy.putAll(numbers);
        numbers = numberCopy;
        Map<DriverInput, String[]> categoryCopy = new EnumMap<>(DriverInput.class);
        categoryCopy.putAll(categories);
        categories = categoryCopy;
        for (double[] column : numbers.values()) {
            requireLength(column.length, orders.length);
        }
        for (String[] column : categories.values()) {
            requireLength(column.length, orders.length);
        }
    }

    private static void requireLength(int length, int rows) {
        if (length != rows) {
            throw new IllegalArgumentException("a column has " + length + " values for " + rows + " rows");
        }
    }

    public int size() {
        return orders.length;
    }

    public boolean bought(int row) {
        return orders[row] > 0;
    }

    /** The outcome of {@code row} as a number: 0 or 1 for {@link Outcome#BOUGHT}, the count for the other. */
    double outcome(Outcome outcome, int row) {
        return outcome.logistic() ? (bought(row) ? 1 : 0) : orders[row];
    }

    /** The inputs this table has, in {@link DriverInput} order. */
    public List<DriverInput> inputs() {
        List<DriverInput> inputs = new ArrayList<>();
        for (DriverInput input : DriverInput.values()) {
            if (numbers.containsKey(input) || categories.containsKey(input)) {
                inputs.add(input);
            }
        }
        return inputs;
    }

    public long buyers() {
        return Arrays.stream(orders).filter(count -> count > 0).count();
    }
}
