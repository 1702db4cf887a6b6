package com.campaignstudio.importer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The project's followers by pseudonymised id, so that an order is linked to its customer's follower as it is
 * written (same id, and the same platform where the order names one). Followers imported after the orders are
 * linked by {@link Importer} once they are in.
 */
final class FollowerLinks {

    /** What became of one order's link. */
    enum Outcome { LINKED, GUEST, NO_FOLLOWER, OTHER_PLATFORM }

    private final KeyIndex byPlatform = new KeyIndex();
    private final KeyIndex byId = new KeyIndex();

    FollowerLinks(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, platform_id, external_id FROM follower ORDER BY id DESC")) {
            while (rs.next()) {
                byPlatform.put(rs.getInt(2) + "\u0001" + rs.getString(3), rs.getLong(1));
                byId.put(rs.getString(3), rs.getLong(1));
            }
        }
    }

    /** Sets {@code follower_id} of an order row when a follower matches, and says what happened. */
    Outcome link(java.util.Map<String, Object> order) {
        if (!(order.get("customer_ref") instanceof String customer)) {
            return Outcome.GUEST;
        }
        Object platform = order.get("platform_id");
        long follower = platform == null ? byId.get(customer) : byPlatform.get(platform + "\u0001" + customer);
        if (follower != KeyIndex.ABSENT) {
            order.put("follower_id", follower);
            return Outcome.LINKED;
        }
        return byId.get(customer) == KeyIndex.ABSENT ? Outcome.NO_FOLLOWER : Outcome.OTHER_PLATFORM;
    }
}
