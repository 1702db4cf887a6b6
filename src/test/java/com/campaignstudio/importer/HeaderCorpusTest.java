package com.campaignstudio.importer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Header rows as the platforms' and shop back-ends' exports write them: the kind each file holds is recognised
 * from its headers, and the columns that matter are mapped. Each row: the export, its headers (separated by
 * {@code ;}), the kind, and the fields expected with the header each reads.
 */
class HeaderCorpusTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            抖音粉丝列表        | 用户ID;昵称;关注时间;性别;年龄;地区                                   | FOLLOWERS | external_id=用户ID,followed_at=关注时间,gender=性别,age_band=年龄,region=地区
            粉丝互动汇总        | 粉丝ID;平台;关注时间;播放量;点赞;评论;转发                            | FOLLOWERS | external_id=粉丝ID,platform=平台,followed_at=关注时间,views=播放量,likes=点赞,comments=评论,shares=转发
            公众号用户          | openid;关注时间;性别;省份;城市                                       | FOLLOWERS | external_id=openid,followed_at=关注时间,gender=性别,region=省份
            B站粉丝            | UID;关注时间;等级                                                   | FOLLOWERS | external_id=UID,followed_at=关注时间
            小红书笔记数据       | 笔记ID;笔记标题;发布时间;曝光量;阅读量;点赞数;收藏数;评论数;分享数;涨粉数    | POSTS     | external_id=笔记ID,topic=笔记标题,published_at=发布时间,impressions=曝光量,likes=点赞数,comments=评论数,shares=分享数,follows_gained=涨粉数
            抖音视频数据        | 视频ID;视频标题;发布时间;播放量;点赞量;评论量;分享量;新增粉丝            | POSTS     | external_id=视频ID,topic=视频标题,published_at=发布时间,impressions=播放量,likes=点赞量,comments=评论量,shares=分享量,follows_gained=新增粉丝
            B站稿件            | BV号;标题;发布时间;播放;点赞;投币;收藏;评论;分享                        | POSTS     | external_id=BV号,topic=标题,published_at=发布时间,impressions=播放,likes=点赞,comments=评论,shares=分享
            知乎回答            | 回答ID;标题;发布时间;阅读数;赞同数;评论数                               | POSTS     | external_id=回答ID,topic=标题,published_at=发布时间,impressions=阅读数,likes=赞同数,comments=评论数
            小鹅通订单          | 订单号;用户ID;商品名称;实收金额;支付时间;订单状态;来源渠道                 | ORDERS    | order_ref=订单号,customer_ref=用户ID,product=商品名称,amount=实收金额,paid_at=支付时间,status=订单状态,platform=来源渠道
            有赞订单            | 订单号;买家手机号;商品名称;订单实付金额;付款时间;订单状态                   | ORDERS    | order_ref=订单号,customer_ref=买家手机号,product=商品名称,amount=订单实付金额,paid_at=付款时间,status=订单状态
            视频号小店商品明细    | 订单编号;买家ID;商品名称;商品编码;购买数量;商品单价;商品小计;支付时间;订单状态  | ORDERS    | order_ref=订单编号,customer_ref=买家ID,product=商品名称,product_code=商品编码,quantity=购买数量,unit_price=商品单价,line_amount=商品小计,paid_at=支付时间,status=订单状态
            Online Retail      | InvoiceNo;StockCode;Description;Quantity;InvoiceDate;UnitPrice;CustomerID;Country | ORDERS | order_ref=InvoiceNo,product_code=StockCode,product=Description,quantity=Quantity,paid_at=InvoiceDate,unit_price=UnitPrice,customer_ref=CustomerID
            English shop orders | Order ID;Customer ID;Order Date;Product;Quantity;Price Each;Status         | ORDERS    | order_ref=Order ID,customer_ref=Customer ID,paid_at=Order Date,product=Product,quantity=Quantity,unit_price=Price Each,status=Status
            巨量引擎投放报表     | 日期;计划名称;消耗;展示数;点击数;转化数                                  | SPEND     | spent_on=日期,campaign=计划名称,amount=消耗,impressions=展示数,clicks=点击数,conversions=转化数
            Ad manager         | Date;Campaign;Spend;Impressions;Clicks;Conversions;Revenue             | SPEND     | spent_on=Date,campaign=Campaign,amount=Spend,impressions=Impressions,clicks=Clicks,conversions=Conversions,attributed_revenue=Revenue
            抖音直播场次        | 开播时间;直播时长;观看人数;最高在线人数;成交人数;成交金额                   | LIVE_SESSIONS | started_at=开播时间,minutes=直播时长,viewers=观看人数,peak_concurrent=最高在线人数,buyers=成交人数,revenue=成交金额
            互动明细            | 用户ID;平台;时间;行为;作品ID                                          | ENGAGEMENT | follower=用户ID,platform=平台,occurred_at=时间,kind=行为,post=作品ID
            课程清单            | 商品名称;商品类型;价格                                                | PRODUCTS  | name=商品名称,kind=商品类型,list_price=价格
            """)
    void recognisesTheKindAndMapsTheColumnsThatMatter(String export, String headerList, EntityKind kind, String expected) {
        List<String> headers = Arrays.stream(headerList.split(";")).map(String::strip).toList();
        assertEquals(kind, MappingSuggester.detectKind(headers).orElse(null), export + ": the kind");
        ColumnMapping mapping = MappingSuggester.suggest(kind, headers);
        Map<String, String> mapped = new TreeMap<>();
        mapping.columns().forEach((field, column) -> mapped.put(field, headers.get(column)));
        Map<String, String> wanted = new TreeMap<>();
        for (String pair : expected.split(",")) {
            String[] parts = pair.split("=");
            wanted.put(parts[0].strip(), parts[1].strip());
        }
        assertEquals(wanted, mapped, export + ": the columns");
    }
}
