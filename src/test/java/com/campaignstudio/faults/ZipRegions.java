package com.campaignstudio.faults;

import java.util.ArrayList;
import java.util.List;

/** The parts of a project file (a ZIP archive) that bit-flip trials aim at in turn. */
final class ZipRegions {

    static final List<String> NAMES = List.of("database_header", "database_data", "manifest", "central_directory");

    private ZipRegions() {
    }

    /** [start, end) of each named region, found by the archive's record signatures. */
    static List<int[]> of(byte[] zip) {
        List<Integer> locals = new ArrayList<>();
        int central = -1;
        for (int i = 0; i + 4 <= zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K') {
                if (zip[i + 2] == 3 && zip[i + 3] == 4) {
                    locals.add(i);
                } else if (zip[i + 2] == 1 && zip[i + 3] == 2 && central < 0) {
                    central = i;
                }
            }
        }
        int dataStart = 30 + u16(zip, 26) + u16(zip, 28);
        int manifest = locals.getLast();
        return List.of(new int[]{0, dataStart}, new int[]{dataStart, manifest}, new int[]{manifest, central},
                new int[]{central, zip.length});
    }

    private static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
    }
}
