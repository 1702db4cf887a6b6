package com.campaignstudio.importer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Replaces a person's identifier by a keyed hash (HMAC-SHA-256 with the project's own key, first 80 bits
 * in hex), so that the same id gives the same pseudonym in every file of the project (orders still join
 * followers) while the original cannot be recovered without the key. {@link #identity()} keeps ids as
 * they are, for projects that opted out.
 */
public final class Pseudonymiser {

    private static final String PREFIX = "p_";

    private final Mac mac;

    private Pseudonymiser(Mac mac) {
        this.mac = mac;
    }

    public static Pseudonymiser withKey(String base64Key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
            return new Pseudonymiser(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }

    public static Pseudonymiser identity() {
        return new Pseudonymiser(null);
    }

    /** The pseudonym of {@code id} (trimmed, full-width folded), or the id itself without a key. */
    public String apply(String id) {
        String normalized = Text.normalize(id);
        if (mac == null) {
            return normalized;
        }
        byte[] hash = mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8));
        return PREFIX + HexFormat.of().formatHex(hash, 0, 10);
    }
}
