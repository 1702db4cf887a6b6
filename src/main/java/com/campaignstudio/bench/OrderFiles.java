package com.campaignstudio.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/** Writes a knowledge-shop order export of any length (10 columns, Chinese headers, ¥ amounts). */
public final class OrderFiles {

    private static final String[] PRODUCTS = {"写作课", "理财入门", "表格数据分析", "创作者手册", "行业周报", "会员", "直播课"};
    private static final String[] PLATFORMS = {"抖音", "快手", "小红书", "微信", "微博", "知乎", "B站"};
    private static final String[] STATUSES = {"交易成功", "交易成功", "交易成功", "已支付", "已退款"};

    private OrderFiles() {
    }

    public static void write(Path csv, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy/M/d HH:mm");
        LocalDateTime start = LocalDateTime.of(2025, 1, 1, 0, 0);
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("订单编号,用户ID,商品名称,实付金额,支付时间,订单状态,渠道,优惠券,收货城市,备注\n");
            for (int i = 0; i < rows; i++) {
                out.write(String.format(Locale.ROOT, "SO%09d,u%07d,%s,\"¥%,.2f\",%s,%s,%s,%s,%s,%s%n", i,
                        random.nextInt(300_000), PRODUCTS[random.nextInt(PRODUCTS.length)],
                        49 + random.nextInt(1950) + random.nextInt(100) / 100.0,
                        start.plusMinutes(random.nextInt(60 * 24 * 600)).format(format),
                        STATUSES[random.nextInt(STATUSES.length)], PLATFORMS[random.nextInt(PLATFORMS.length)],
                        random.nextInt(4) == 0 ? "NEW" + random.nextInt(100) : "", "城市" + random.nextInt(300),
                        random.nextInt(10) == 0 ? "请开发票" : ""));
            }
        }
    }
}
