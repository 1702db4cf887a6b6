package com.campaignstudio.ui.portrait;

import com.campaignstudio.portrait.PortraitGroup;

/** A group the choosers offer, with its name as shown; a null group is "no second group". */
record GroupOption(String label, PortraitGroup group) {

    @Override
    public String toString() {
        return label;
    }
}
