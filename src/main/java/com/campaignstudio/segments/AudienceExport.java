package com.campaignstudio.segments;

import com.campaignstudio.project.ProjectDatabase;
import com.campaignstudio.export.CsvExport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the members of chosen segments as CSV for retargeting on an ad platform, with only the columns the
 * user picks (UTF-8 with a BOM, so that Excel shows Chinese correctly), and, when asked, the value of each feature
 * the segmentation clustered on. Ids are as stored: pseudonymised unless the project opted out. The application's
 * Export button and the command line's {@code segment --export-members} both write through here.
 */
public final class AudienceExport {

    /** What the file can hold, in this order. */
    public enum Column {
        FOLLOWER_ID("follower_id"), PLATFORM("platform"), SEGMENT_NUMBER("segment_number"), SEGMENT("segment"),
        POTENTIAL("potential"),
        ENGAGEMENT("engagement_score"), PROPENSITY("purchase_propensity"), FOLLOWED_AT("followed_at"),
        REGION("region"), GENDER("gender"), AGE_BAND("age_band");

        private final String header;

        Column(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }
    }

    private AudienceExport() {
    }

    /** Writes the members of {@code segments} (numbered from 0); returns how many rows were written. */
    public static long write(ProjectDatabase database, Segmentation segmentation, float[] propensity,
                             Set<Integer> segments, List<Column> columns, Path target) throws SQLException, IOException {
        return write(database, segmentation, propensity, segments, columns, MemberFeatures.NONE, target);
    }

    /** Writes the members of {@code segments} with the {@code features} columns after the chosen ones. */
    public static long write(ProjectDatabase database, Segmentation segmentation, float[] propensity,
                             Set<Integer> segments, List<Column> columns, MemberFeatures features, Path target)
            throws SQLException, IOException {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("choose at least one column");
        }
        try (CsvExport csv = CsvExport.create(target)) {
            List<String> headers = new ArrayList<>(columns.stream().map(Column::header).toList());
            headers.addAll(features.headers());
            csv.row(headers);
            long written = database.read(connection -> {
                long rows = 0;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LAZY_QUERY_EXECUTION TRUE");
                    try (ResultSet rs = statement.executeQuery("SELECT f.id, f.external_id, p.code, f.followed_at, "
                            + "f.region, f.gender, f.age_band FROM follower f JOIN platform p ON p.id = f.platform_id "
                            + "ORDER BY f.id")) {
                        long[] ids = segmentation.followerIds();
                        while (rs.next()) {
                            int member = Arrays.binarySearch(ids, rs.getLong(1));
                            if (member < 0 || !segments.contains(segmentation.segment()[member])) {
                                continue;
                            }
                            List<String> cells = row(rs, segmentation, propensity, member, columns);
                            cells.addAll(features.cells(member));
                            csv.row(cells);
                            rows++;
                        }
                    }
                }
                return rows;
            });
            return written;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<String> row(ResultSet rs, Segmentation segmentation, float[] propensity, int member,
                                    List<Column> columns) throws SQLException {
        SegmentProfile profile = segmentation.profiles().get(segmentation.segment()[member]);
        List<String> cells = new ArrayList<>(columns.size());
        for (Column column : columns) {
            cells.add(switch (column) {
                case FOLLOWER_ID -> rs.getString(2);
                case PLATFORM -> rs.getString(3);
                case SEGMENT_NUMBER -> String.valueOf(profile.number() + 1);
                case SEGMENT -> profile.name();
                case POTENTIAL -> profile.potential().key();
                case ENGAGEMENT -> String.format(Locale.ROOT, "%.4f", segmentation.engagement()[member]);
                case PROPENSITY -> propensity == null || Float.isNaN(propensity[member]) ? ""
                        : String.format(Locale.ROOT, "%.4f", propensity[member]);
                case FOLLOWED_AT -> rs.getString(4) == null ? "" : rs.getString(4);
                case REGION -> nullToEmpty(rs.getString(5));
                case GENDER -> nullToEmpty(rs.getString(6));
                case AGE_BAND -> nullToEmpty(rs.getString(7));
            });
        }
        return cells;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
