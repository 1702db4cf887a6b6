package com.campaignstudio.ltv;

import com.campaignstudio.export.CsvExport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

/** Writes every customer's value, most valuable first, as CSV (UTF-8 with a BOM for Excel). */
public final class CustomerValueExport {

    private CustomerValueExport() {
    }

    public static long write(LtvResult result, Path target) throws IOException {
        CustomerSummary s = result.summary();
        int[] order = IntStream.range(0, s.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> -result.clv()[i])).mapToInt(Integer::intValue).toArray();
        try (CsvExport csv = CsvExport.create(target)) {
            csv.row("customer", "platform", "x", "t_x", "T", "p_alive", "expected_purchases", "clv");
            for (int i : order) {
                csv.row(s.customers()[i], s.platforms()[i], Integer.toString(s.x()[i]), number(s.tx()[i]),
                        number(s.T()[i]), number(result.probabilityAlive()[i]), number(result.expectedPurchases()[i]),
                        number(result.clv()[i]));
            }
        }
        return order.length;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
