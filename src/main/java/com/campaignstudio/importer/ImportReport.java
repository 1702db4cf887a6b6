package com.campaignstudio.importer;

import java.util.List;

/**
 * What an import did.
 *
 * @param importId          the import's id in the history (0 when nothing was written)
 * @param file              the file's name
 * @param kind              what it held
 * @param rowsRead          data rows read
 * @param accepted          rows added
 * @param updated           rows that replaced a row the project had
 * @param skipped           rows the project had and that were left alone
 * @param rejected          rows not imported; {@code rejections} lists them (up to a limit)
 * @param linkedToFollowers orders of this import that were linked to a follower
 * @param sameFileImportedBefore whether a file with the same content was imported before
 * @param rejections        the rejected rows with reasons
 * @param committed         false when nothing was written (all-or-nothing with rejected rows)
 */
public record ImportReport(long importId, String file, EntityKind kind, long rowsRead, long accepted, long updated,
                           long skipped, long rejected, long linkedToFollowers, boolean sameFileImportedBefore,
                           List<RowRejection> rejections, boolean committed) {
}
