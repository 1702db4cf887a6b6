package com.campaignstudio.portrait;

import java.util.List;

/**
 * One single-valued trait of every follower: the trait's values (keys) and each follower's value as an index into
 * them, or {@link #NONE} where the trait does not apply (the spending level of a follower who never paid).
 */
record TraitColumn(List<String> keys, int[] codes) {

    static final int NONE = -1;
}
