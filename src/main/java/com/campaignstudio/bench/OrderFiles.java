package com.campaignstudio.bench;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a knowledge-shop order export of any length (10 columns, Chinese headers): as CSV with ¥ amounts
 * and text dates, or as a workbook with numeric amounts and Excel date cells, as shop back-ends do.
 */
public final class OrderFiles {

    private static final String[] HEADERS = {"订单编号", "用户ID", "商品名称", "实付金额", "支付时间", "订单状态", "渠道",
            "优惠券", "收货城市", "备注"};
    private static final String[] PRODUCTS = {"写作课", "理财入门", "表格数据分析", "创作者手册", "行业周报", "会员", "直播课"};
    private static final String[] PLATFORMS = {"抖音", "快手", "小红书", "微信", "微博", "知乎", "B站"};
    private static final String[] STATUSES = {"交易成功", "交易成功", "交易成功", "已支付", "已退款"};
    private static final LocalDateTime START = LocalDateTime.of(2025, 1, 1, 0, 0);

    private OrderFiles() {
    }

    /** One generated order; the same seed gives the same orders in either format. */
    private record Order(int number, int customer, String product, double amount, LocalDateTime paidAt,
                         String status, String platform, String coupon, String city, String note) {

        static Order next(int number, SplittableRandom random) {
            return new Order(number, random.nextInt(300_000), PRODUCTS[random.nextInt(PRODUCTS.length)],
                    49 + random.nextInt(1950) + random.nextInt(100) / 100.0,
                    START.plusMinutes(random.nextInt(60 * 24 * 600)), STATUSES[random.nextInt(STATUSES.length)],
                    PLATFORMS[random.nextInt(PLATFORMS.length)],
                    random.nextInt(4) == 0 ? "NEW" + random.nextInt(100) : "", "城市" + random.nextInt(300),
                    random.nextInt(10) == 0 ? "请开发票" : "");
        }

        String orderRef() {
            return String.format(Locale.ROOT, "SO%09d", number);
        }

        String customerRef() {
            return String.format(Locale.ROOT, "u%07d", customer);
        }
    }

    public static void write(Path csv, int rows) throws IOException {
        write(csv, rows, 0);
    }

    /** As {@link #write(Path, int)}, numbering the orders from {@code firstNumber} (a second export, later). */
    public static void write(Path csv, int rows, int firstNumber) throws IOException {
        SplittableRandom random = new SplittableRandom(7 + firstNumber);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy/M/d HH:mm");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write(String.join(",", HEADERS) + "\n");
            for (int i = 0; i < rows; i++) {
                Order o = Order.next(firstNumber + i, random);
                out.write(String.format(Locale.ROOT, "%s,%s,%s,\"¥%,.2f\",%s,%s,%s,%s,%s,%s%n", o.orderRef(),
                        o.customerRef(), o.product(), o.amount(), o.paidAt().format(format), o.status(),
                        o.platform(), o.coupon(), o.city(), o.note()));
            }
        }
    }

    public static void writeWorkbook(Path xlsx, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            Workbook workbook = new Workbook(out, "Campaign Studio", "1.0");
            Worksheet sheet = workbook.newWorksheet("订单");
            for (int c = 0; c < HEADERS.length; c++) {
                sheet.value(0, c, HEADERS[c]);
            }
            for (int i = 0; i < rows; i++) {
                Order o = Order.next(i, random);
                int r = i + 1;
                sheet.value(r, 0, o.orderRef());
                sheet.value(r, 1, o.customerRef());
                sheet.value(r, 2, o.product());
                sheet.value(r, 3, o.amount());
                sheet.value(r, 4, o.paidAt());
                sheet.style(r, 4).format("yyyy-mm-dd hh:mm").set();
                sheet.value(r, 5, o.status());
                sheet.value(r, 6, o.platform());
                sheet.value(r, 7, o.coupon());
                sheet.value(r, 8, o.city());
                sheet.value(r, 9, o.note());
                if (r % 10_000 == 0) {
                    sheet.flush();
                }
            }
            workbook.finish();
        }
    }
}
