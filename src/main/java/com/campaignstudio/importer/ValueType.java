package com.campaignstudio.importer;

/** What a column holds, which decides how its cells are read. */
public enum ValueType {
    TEXT,
    /** An identifier of a person: pseudonymised on import unless the project opts out. */
    PERSON_ID,
    /** A count of items that may be fractional or negative (a cancelled line). */
    QUANTITY,
    /** An identifier of a thing (an order number, a post id): kept as it is. */
    ID,
    PLATFORM,
    DATE_TIME,
    DATE,
    AMOUNT,
    COUNT,
    MINUTES,
    ORDER_STATUS,
    ENGAGEMENT_KIND,
    POST_FORMAT,
    PRODUCT_KIND,
    GENDER,
    /** A product, by name; created when the project does not have it yet. */
    PRODUCT,
    /** A campaign, by name; created when the project does not have it yet. */
    CAMPAIGN
}
