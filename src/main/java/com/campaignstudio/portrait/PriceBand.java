package com.campaignstudio.portrait;

/**
 * Bands of a buyer's 客单价 (mean paid order, yuan), cut where knowledge products cluster: e-books and single live
 * classes below 100, columns and short courses up to 500, full courses and memberships up to 2000, consulting above.
 */
public enum PriceBand {
    BELOW_50("below_50", 0), FROM_50("50_99", 50), FROM_100("100_199", 100), FROM_200("200_499", 200),
    FROM_500("500_999", 500), FROM_1000("1000_1999", 1000), FROM_2000("2000_up", 2000);

    private final String key;
    private final double from;

    PriceBand(String key, double from) {
        this.key = key;
        this.from = from;
    }

    /** The code used in exports of the portrait and in message keys ({@code portrait.price.*}). */
    public String key() {
        return key;
    }

    /** The band of a mean order of {@code yuan}. */
    public static PriceBand of(double yuan) {
        PriceBand found = BELOW_50;
        for (PriceBand band : values()) {
            if (yuan >= band.from) {
                found = band;
            }
        }
        return found;
    }
}
