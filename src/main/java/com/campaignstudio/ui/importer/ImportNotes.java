package com.campaignstudio.ui.importer;

import com.campaignstudio.importer.EntityKind;
import com.campaignstudio.importer.ImportReport;
import com.campaignstudio.importer.NewPlatform;
import com.campaignstudio.importer.OrderNotes;
import com.campaignstudio.ui.common.UiText;

import java.util.ArrayList;
import java.util.List;

/** What an import found beyond its counts, said in a few lines under the summary. */
final class ImportNotes {

    private ImportNotes() {
    }

    static String describe(ImportReport report, UiText text) {
        List<String> lines = new ArrayList<>();
        List<String> known = report.newPlatforms().stream().filter(NewPlatform::known)
                .map(platform -> text.isChinese() ? platform.nameZh() : platform.nameEn()).toList();
        List<String> fresh = report.newPlatforms().stream().filter(platform -> !platform.known())
                .map(NewPlatform::name).toList();
        if (!known.isEmpty()) {
            lines.add(text.get(report.committed() ? "import.notes.knownPlatforms" : "import.notes.knownPlatformsToAdd",
                    String.join(text.isChinese() ? "、" : ", ", known)));
        }
        if (!fresh.isEmpty()) {
            lines.add(text.get(report.committed() ? "import.notes.newPlatforms" : "import.notes.newPlatformsToChoose",
                    String.join(text.isChinese() ? "、" : ", ", fresh)));
        }
        if (report.kind() == EntityKind.ORDERS) {
            OrderNotes orders = report.orders();
            if (orders.lines() > 0) {
                lines.add(text.get("import.notes.lines", text.integer(orders.lines())));
            }
            if (orders.refundsAndCancellations() > 0) {
                lines.add(text.get("import.notes.refunds", text.integer(orders.refundsAndCancellations())));
            }
            if (orders.guestOrders() > 0) {
                lines.add(text.get("import.notes.guests", text.integer(orders.guestOrders())));
            }
            if (orders.noFollower() + orders.otherPlatform() > 0) {
                lines.add(text.get("import.notes.unlinked", text.integer(orders.noFollower()),
                        text.integer(orders.otherPlatform())));
            }
        }
        return lines.isEmpty() ? "" : "\n" + String.join("\n", lines);
    }
}
