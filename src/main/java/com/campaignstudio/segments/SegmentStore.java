package com.campaignstudio.segments;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.text.Reason;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Saved segmentations in the project: named, with the settings that made them, their members and profiles. */
public final class SegmentStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A saved segmentation as listed. */
    public record Summary(long id, String name, LocalDateTime createdAt, int k, long followers, boolean hasPropensity) {
    }

    private final ProjectDatabase database;

    public SegmentStore(ProjectDatabase database) {
        this.database = database;
    }

    /** Saves a new segmentation under its settings' name; fails when the name is taken. */
    public Segmentation save(Segmentation segmentation) throws SQLException, SegmentationException {
        String name = segmentation.settings().name();
        if (find(name).isPresent()) {
            throw new SegmentationException("segment.error.nameTaken", name);
        }
        long id = database.transaction(connection -> {
            long newId;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO segmentation (name, created_at, "
                    + "as_of, settings, feature_columns, notes, follower_count, members, scatter) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, name);
                insert.setTimestamp(2, Timestamp.valueOf(segmentation.createdAt()));
                insert.setTimestamp(3, Timestamp.valueOf(segmentation.asOf()));
                insert.setString(4, JSON.writeValueAsString(segmentation.settings()));
                insert.setString(5, JSON.writeValueAsString(segmentation.columns()));
                insert.setString(6, JSON.writeValueAsString(segmentation.notes()));
                insert.setLong(7, segmentation.followerIds().length);
                insert.setBytes(8, MemberCodec.pack(segmentation.followerIds(), segmentation.segment(),
                        segmentation.engagement()));
                insert.setString(9, segmentation.scatter() == null ? null : JSON.writeValueAsString(segmentation.scatter()));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    newId = keys.getLong(1);
                }
            }
            writeProfiles(connection, newId, segmentation.profiles());
            return newId;
        });
        return segmentation.withId(id);
    }

    public List<Summary> list() throws SQLException {
        return database.read(connection -> {
            List<Summary> summaries = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT s.id, s.name, s.created_at, "
                         + "(SELECT COUNT(*) FROM segment g WHERE g.segmentation_id = s.id), s.follower_count, "
                         + "s.propensity IS NOT NULL FROM segmentation s ORDER BY s.created_at DESC, s.id DESC")) {
                while (rs.next()) {
                    summaries.add(new Summary(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDateTime.class),
                            rs.getInt(4), rs.getLong(5), rs.getBoolean(6)));
                }
            }
            return summaries;
        });
    }

    public Optional<Summary> find(String name) throws SQLException {
        return list().stream().filter(summary -> summary.name().equals(name)).findFirst();
    }

    public Segmentation load(long id) throws SQLException {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT settings, created_at, as_of, "
                    + "feature_columns, notes, members, scatter FROM segmentation WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("no segmentation " + id);
                    }
                    MemberCodec.Members members = MemberCodec.unpack(rs.getBytes(6));
                    String scatter = rs.getString(7);
                    return new Segmentation(id, JSON.readValue(rs.getString(1), SegmentationSettings.class),
                            rs.getObject(2, LocalDateTime.class), rs.getObject(3, LocalDateTime.class),
                            JSON.readValue(rs.getString(4), new TypeReference<List<String>>() { }),
                            members.ids(), members.segment(), members.score(), profiles(connection, id),
                            scatter == null ? null : JSON.readValue(scatter, Scatter.class),
                            JSON.readValue(rs.getString(5), new TypeReference<List<Reason>>() { }));
                }
            }
        });
    }

    /** The follower ids in segment {@code segmentNo} of a saved segmentation: a filter for other views. */
    public java.util.Set<Long> members(long id, int segmentNo) throws SQLException {
        Segmentation segmentation = load(id);
        java.util.Set<Long> members = new java.util.HashSet<>();
        for (int i = 0; i < segmentation.followerIds().length; i++) {
            if (segmentation.segment()[i] == segmentNo) {
                members.add(segmentation.followerIds()[i]);
            }
        }
        return members;
    }

    /** The profiles of a saved segmentation, without unpacking its members. */
    public List<SegmentProfile> profiles(long id) throws SQLException {
        return database.read(connection -> profiles(connection, id));
    }

    public void rename(long id, int segmentNo, String name) throws SQLException {
        database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE segment SET name = ? WHERE segmentation_id = ? AND segment_no = ?")) {
                update.setString(1, name);
                update.setLong(2, id);
                update.setInt(3, segmentNo);
                update.executeUpdate();
            }
            return null;
        });
    }

    public void delete(long id) throws SQLException {
        database.transaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM segmentation WHERE id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
            return null;
        });
    }

    /** Stores purchase propensity scores, one per member in member order, with the model's summary. */
    public void savePropensity(long id, Propensity propensity) throws SQLException {
        database.transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE segmentation SET propensity = ?, propensity_summary = ? WHERE id = ?")) {
                update.setBytes(1, MemberCodec.packScores(propensity.scores()));
                update.setString(2, JSON.writeValueAsString(propensity.summary()));
                update.setLong(3, id);
                update.executeUpdate();
            }
            return null;
        });
    }

    /** The stored propensity of a segmentation, if one was computed. */
    public Optional<Propensity> propensity(long id) throws SQLException {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT propensity, propensity_summary FROM segmentation WHERE id = ? AND propensity IS NOT NULL")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(new Propensity(
                            JSON.readValue(rs.getString(2), Propensity.Summary.class),
                            MemberCodec.unpackScores(rs.getBytes(1)))) : Optional.<Propensity>empty();
                }
            }
        });
    }

    private static void writeProfiles(Connection connection, long id, List<SegmentProfile> profiles)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO segment (segmentation_id, segment_no, "
                + "name, potential, member_count, profile) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (SegmentProfile profile : profiles) {
                insert.setLong(1, id);
                insert.setInt(2, profile.number());
                insert.setString(3, profile.name());
                insert.setString(4, profile.potential().key());
                insert.setLong(5, profile.size());
                insert.setString(6, JSON.writeValueAsString(profile));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static List<SegmentProfile> profiles(Connection connection, long id) throws SQLException {
        List<SegmentProfile> profiles = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name, profile FROM segment WHERE segmentation_id = ? ORDER BY segment_no")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    profiles.add(JSON.readValue(rs.getString(2), SegmentProfile.class).renamed(rs.getString(1)));
                }
            }
        }
        return profiles;
    }
}
