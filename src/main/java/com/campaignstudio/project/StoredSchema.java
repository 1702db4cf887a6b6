package com.campaignstudio.project;

import com.campaignstudio.project.ProjectOpenException.Problem;
import com.campaignstudio.text.Reason;
import org.h2.engine.DbObject;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.ValueDataType;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.result.SearchRow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the schema definitions stored in an H2 database file without opening it as a database.
 *
 * <p>H2 keeps every schema object as a row of SQL in its metadata table (map {@code table.0} of the
 * MVStore), and re-runs that SQL when it opens the database: linked tables connect at once, and for
 * {@code jdbc:h2:} URLs without consulting {@code h2.allowedClasses}, so a URL with an {@code INIT} script
 * would run code before any query could inspect the schema. Reading the map directly (as H2's own
 * {@code Recover} tool does) sees those rows first, whether the pages are compressed or not.
 */
final class StoredSchema {

    private static final int META_TABLE_ID = 0;
    // Columns of H2 2.x metadata rows: ID, HEAD, TYPE, SQL.
    private static final int META_TYPE = 2;
    private static final int META_SQL = 3;

    private StoredSchema() {
    }

    /** Fails with UNSAFE_CONTENT when {@code databaseFile} defines objects that could run code. */
    static void refuseExecutableObjects(Path databaseFile, Path shownFile) throws ProjectOpenException {
        List<String> found = new ArrayList<>();
        for (String[] definition : definitions(databaseFile, shownFile)) {
            String kind = describe(Integer.parseInt(definition[0]), definition[1]);
            if (kind != null) {
                found.add(kind);
            }
        }
        if (!found.isEmpty()) {
            throw new ProjectOpenException(Problem.UNSAFE_CONTENT, shownFile,
                    Reason.of("open.detail.executable", String.join(", ", found)));
        }
    }

    private static String describe(int type, String sql) {
        String upper = sql.toUpperCase(Locale.ROOT);
        return switch (type) {
            case DbObject.TRIGGER -> "a trigger";
            case DbObject.FUNCTION_ALIAS -> "a Java function";
            case DbObject.AGGREGATE -> "a Java aggregate";
            case DbObject.TABLE_OR_VIEW -> upper.contains(" LINKED TABLE ") ? "a linked table"
                    : upper.matches("(?s).*\\)\\s*ENGINE\\s.*") ? "a table engine" : null;
            default -> null;
        };
    }

    /** Each stored definition as {type, sql}. */
    private static List<String[]> definitions(Path databaseFile, Path shownFile) throws ProjectOpenException {
        MVStore store;
        try {
            store = new MVStore.Builder().fileName(databaseFile.toString()).readOnly().open();
        } catch (RuntimeException e) {
            throw new ProjectOpenException(Problem.DAMAGED, shownFile,
                    Reason.of("open.detail.databaseUnreadable", e.getMessage()), e);
        }
        try {
            if (!store.hasMap("table." + META_TABLE_ID)) {
                throw new ProjectOpenException(Problem.DAMAGED, shownFile, Reason.of("open.detail.noSchema"));
            }
            TransactionStore transactions = new TransactionStore(store, new ValueDataType());
            transactions.init();
            TransactionMap<Object, Object> meta = transactions.begin().openMap("table." + META_TABLE_ID);
            List<String[]> definitions = new ArrayList<>();
            for (var keys = meta.keyIterator(null); keys.hasNext(); ) {
                if (meta.get(keys.next()) instanceof SearchRow row && row.getColumnCount() > META_SQL) {
                    definitions.add(new String[]{Integer.toString(row.getValue(META_TYPE).getInt()),
                            row.getValue(META_SQL).getString()});
                }
            }
            return definitions;
        } catch (RuntimeException e) {
            throw new ProjectOpenException(Problem.DAMAGED, shownFile,
                    Reason.of("open.detail.schemaUnreadable", e.getMessage()), e);
        } finally {
            store.close();
        }
    }
}
