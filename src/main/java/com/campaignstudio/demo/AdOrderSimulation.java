package com.campaignstudio.demo;

import com.campaignstudio.demo.PlantedTruth.AdResponse;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * Orders that the ads bring, week by week: per platform, the week's expected ad revenue is the planted weekly Hill
 * response ({@link AdResponse}) of the weekly adstock of the platform's spend, and the number of orders is Poisson
 * around that revenue over the price of the product the platform's ads sell. They are guest orders (no customer, no
 * follower): the ads bring buyers whom the project cannot follow, and the follower and customer models stay as
 * planted.
 */
final class AdOrderSimulation {

    /** Per platform in list order, the index of the product its ads sell: the cheaper entry products. */
    private static final int[] AD_PRODUCT = {4, 1, 6, 6, 0, 4, 1};

    private final PlantedTruth truth;
    private final Sampler sampler;
    private final Map<String, Integer> platformIds;
    private final List<Long> productIds;
    private final List<DemoNames.Product> products;

    AdOrderSimulation(PlantedTruth truth, Sampler sampler, Map<String, Integer> platformIds, List<Long> productIds,
                      List<DemoNames.Product> products) {
        this.truth = truth;
        this.sampler = sampler;
        this.platformIds = platformIds;
        this.productIds = productIds;
        this.products = products;
    }

    /**
     * Writes the orders of each week that holds spend; {@code dailySpend} per platform in list order from
     * {@code firstDay}. A week cut short by the data's end keeps only its orders up to that end.
     */
    void write(Connection connection, Flighting weeks, LocalDate firstDay, double[][] dailySpend)
            throws SQLException {
        List<String> platforms = PlantedTruth.platforms();
        long sequence = 0;
        try (BatchInsert rows = new BatchInsert(connection, "INSERT INTO customer_order (order_ref, customer_ref, "
                + "follower_id, product_id, amount, paid_at, platform_id, status) VALUES (?, NULL, NULL, ?, ?, ?, ?, "
                + "'paid')")) {
            for (int p = 0; p < platforms.size(); p++) {
                AdResponse response = truth.adResponse().get(platforms.get(p));
                double[] weekly = new double[weeks.weeks()];
                for (int d = 0; d < dailySpend[p].length; d++) {
                    weekly[weeks.week(firstDay.plusDays(d))] += dailySpend[p][d];
                }
                DemoNames.Product product = products.get(AD_PRODUCT[p]);
                double adstock = 0;
                for (int w = 0; w < weekly.length; w++) {
                    adstock = weekly[w] + response.theta() * adstock;
                    int orders = sampler.poisson(response.response(adstock) / product.listPrice());
                    for (int o = 0; o < orders; o++) {
                        LocalDateTime paidAt = weeks.monday(w).plusDays(sampler.uniformInt(7))
                                .atTime(sampler.categorical(truth.hourEffect()), sampler.uniformInt(60));
                        if (!paidAt.toLocalDate().isAfter(truth.endDate())) {
                            rows.add(String.format("A%09d", ++sequence), productIds.get(AD_PRODUCT[p]),
                                    product.listPrice(), paidAt, platformIds.get(platforms.get(p)));
                        }
                    }
                }
            }
        }
    }
}
