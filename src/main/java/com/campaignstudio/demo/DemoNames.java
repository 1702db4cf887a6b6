package com.campaignstudio.demo;

import java.util.List;
import java.util.Locale;

/**
 * The words in the demo data that a creator reads (regions, post topics, products, campaigns), in the language
 * the demo is made for: a creator selling on Chinese platforms gets the Chinese names their exports would hold.
 * Only names differ; every number the planted truth decides is the same in both languages.
 */
record DemoNames(List<String> regions, List<String> topics, List<Product> products, List<String> campaigns) {

    /** A product on sale, with its kind (a code of the product table) and list price. */
    record Product(String name, String kind, double listPrice) {
    }

    static DemoNames in(Locale language) {
        return "zh".equals(language.getLanguage()) ? CHINESE : ENGLISH;
    }

    private static final DemoNames ENGLISH = new DemoNames(
            List.of("Guangdong", "Beijing", "Shanghai", "Zhejiang", "Jiangsu", "Sichuan", "Shandong", "Hubei",
                    "Fujian", "Henan", "Hunan", "Shaanxi"),
            List.of("Course preview", "Study tips", "Career advice", "Book notes", "Q&A", "Behind the scenes",
                    "Student story", "Live replay", "Discount", "Tool review"),
            List.of(new Product("Writing for social media (course)", "course", 699.0),
                    new Product("Personal finance basics (course)", "course", 399.0),
                    new Product("Data analysis with spreadsheets (course)", "course", 1299.0),
                    new Product("The creator's handbook (e-book)", "ebook", 49.0),
                    new Product("Weekly industry notes (column)", "column", 199.0),
                    new Product("Inner circle (membership)", "membership", 999.0),
                    new Product("Saturday live class", "live_class", 99.0),
                    new Product("One-to-one career review", "consulting", 1999.0)),
            List.of("Always-on promotion", "Spring course launch", "Double 11 sale"));

    private static final DemoNames CHINESE = new DemoNames(
            List.of("广东", "北京", "上海", "浙江", "江苏", "四川", "山东", "湖北", "福建", "河南", "湖南", "陕西"),
            List.of("课程预告", "学习方法", "职场建议", "读书笔记", "答疑", "幕后花絮", "学员故事", "直播回放", "限时优惠",
                    "工具测评"),
            List.of(new Product("社交媒体写作课", "course", 699.0),
                    new Product("个人理财入门课", "course", 399.0),
                    new Product("用表格做数据分析", "course", 1299.0),
                    new Product("创作者手册（电子书）", "ebook", 49.0),
                    new Product("每周行业笔记（专栏）", "column", 199.0),
                    new Product("核心圈（会员）", "membership", 999.0),
                    new Product("周六直播课", "live_class", 99.0),
                    new Product("一对一职业规划咨询", "consulting", 1999.0)),
            List.of("全年常规推广", "春季新课上线", "双十一大促"));
}
