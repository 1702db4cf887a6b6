package com.campaignstudio.importer;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * Text decoding that marks bytes which are not valid in the file's encoding instead of hiding them: each becomes
 * {@link #INVALID}, so that a row holding one is rejected with a reason rather than imported with a silently
 * replaced character (a file declared UTF-8 that is partly GBK, say).
 */
final class Decoding {

    /** U+FFFF is a noncharacter: no valid text contains it, so it can only come from an invalid byte sequence. */
    static final char INVALID = '\uFFFF';

    private Decoding() {
    }

    /** The text as a person should see it: each invalid byte sequence shows as the replacement character. */
    static String readable(String text) {
        return text == null ? null : text.replace(INVALID, '\uFFFD');
    }

    static Reader reader(InputStream in, Charset charset) {
        return new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(INVALID)));
    }
}
