package com.campaignstudio.importer;

import java.util.Map;

/**
 * What an import does with a platform name that neither the project nor the shipped list knows: add it as a new
 * platform ({@code addUnknown}, the default), or reject its rows; and names the user said mean a platform the
 * project has ({@code aliases}: name to platform code), which are remembered for later imports.
 */
public record PlatformChoices(boolean addUnknown, Map<String, String> aliases) {

    public static final PlatformChoices ADD_NEW = new PlatformChoices(true, Map.of());
    public static final PlatformChoices REJECT_NEW = new PlatformChoices(false, Map.of());

    public PlatformChoices {
        aliases = Map.copyOf(aliases);
    }

    /** These choices, with {@code name} treated as the platform {@code code}. */
    public PlatformChoices withAlias(String name, String code) {
        Map<String, String> changed = new java.util.HashMap<>(aliases);
        changed.put(name, code);
        return new PlatformChoices(addUnknown, changed);
    }
}
