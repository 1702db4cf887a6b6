package com.campaignstudio.basket;

import com.campaignstudio.export.CsvExport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes suggestions as an audience list for a campaign, one row per customer and suggested product: the customer's
 * reference (as the project stores it, pseudonymised unless the project opted out), the product, the score (four
 * decimals), the suggestion's rank for that customer and the product(s) bought it comes from. Through
 * {@link CsvExport}: UTF-8 with a byte-order mark, and a cell a spreadsheet would run as a formula is written as text.
 */
public final class PitchExport {

    public static final List<String> HEADER = List.of("customer", "suggested_product", "score", "rank", "because");

    private PitchExport() {
    }

    /** Writes the rows; returns how many were written. */
    public static long write(Baskets customers, List<Pitch.Suggestion> suggestions, Path target) throws IOException {
        try (CsvExport csv = CsvExport.create(target)) {
            csv.row(HEADER);
            for (Pitch.Suggestion s : suggestions) {
                csv.row(customers.ref(s.customer()), customers.product(s.product()),
                        String.format(Locale.ROOT, "%.4f", s.score()), Integer.toString(s.rank()),
                        because(customers, s));
            }
        }
        return suggestions.size();
    }

    /** The products a suggestion comes from, joined by " + ". */
    public static String because(Baskets customers, Pitch.Suggestion suggestion) {
        return Arrays.stream(suggestion.because()).mapToObj(customers::product).collect(Collectors.joining(" + "));
    }
}
