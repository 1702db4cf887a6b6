package com.campaignstudio.importer;

import java.util.List;

/**
 * What an import did.
 *
 * @param importId          the import's id in the history (0 when nothing was written)
 * @param file              the file's name
 * @param kind              what it held
 * @param rowsRead          data rows read
 * @param accepted          rows added (for a file of order lines: orders added)
 * @param updated           rows that replaced a row the project had
 * @param skipped           rows the project had and that were left alone
 * @param rejected          rows not imported; {@code rejections} lists them (up to a limit)
 * @param linkedToFollowers orders linked to a follower (by this order import, or newly by this follower import)
 * @param sameFileImportedBefore whether a file with the same content was imported before
 * @param rejections        the rejected rows with reasons
 * @param committed         false when nothing was written (all-or-nothing with rejected rows)
 * @param phases            how long each phase took, in order
 * @param newPlatforms      platforms the import added to the project
 * @param orders            for orders: lines, refunds and cancellations, guest orders, why orders did not link
 */
public record ImportReport(long importId, String file, EntityKind kind, long rowsRead, long accepted, long updated,
                           long skipped, long rejected, long linkedToFollowers, boolean sameFileImportedBefore,
                           List<RowRejection> rejections, boolean committed, List<Phase> phases,
                           List<NewPlatform> newPlatforms, OrderNotes orders) {

    /** One phase of an import (reading and writing the rows, committing, building indexes, linking) and its time. */
    public record Phase(String name, double seconds) {
    }

    ImportReport withLinked(long linked) {
        return new ImportReport(importId, file, kind, rowsRead, accepted, updated, skipped, rejected, linked,
                sameFileImportedBefore, rejections, committed, phases, newPlatforms, orders);
    }

    ImportReport withPhases(List<Phase> measured) {
        return new ImportReport(importId, file, kind, rowsRead, accepted, updated, skipped, rejected, linkedToFollowers,
                sameFileImportedBefore, rejections, committed, List.copyOf(measured), newPlatforms, orders);
    }

    /** The same counts with nothing written: a check, or an all-or-nothing import that had rejected rows. */
    ImportReport uncommitted(boolean keepCounts) {
        return new ImportReport(0, file, kind, rowsRead, keepCounts ? accepted : 0, keepCounts ? updated : 0,
                keepCounts ? skipped : 0, rejected, keepCounts ? linkedToFollowers : 0, sameFileImportedBefore,
                rejections, false, phases, newPlatforms, orders);
    }
}
