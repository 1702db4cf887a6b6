package com.campaignstudio.importer;

/**
 * A platform an import added to the project.
 *
 * @param name   the name the file used
 * @param code   the code it was given
 * @param nameEn its English name (the shipped one, else the file's)
 * @param nameZh its Chinese name (the shipped one, else the file's)
 * @param known  whether it came from the shipped list (视频号 → wechat_channels) or only from this file
 * @param rows   how many rows named it
 */
public record NewPlatform(String name, String code, String nameEn, String nameZh, boolean known, long rows) {
}
