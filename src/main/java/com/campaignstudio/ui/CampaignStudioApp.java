package com.campaignstudio.ui;

public final class CampaignStudioApp {
    public static void launchApp(String[] args) {
    }
}
