package io.skirmish.admin;

import io.skirmish.recorder.RecorderConfig;

/**
 * The operator's settings.
 *
 * @param token the admin token; null or blank: one is generated at start and logged once
 * @param recorder what each room's flight recorder keeps and where failed rooms' recordings go
 */
public record AdminConfig(String token, RecorderConfig recorder) {
    public static AdminConfig defaults() {
        return new AdminConfig(null, RecorderConfig.defaults());
    }

    public AdminConfig withToken(String t) {
        return new AdminConfig(t, recorder);
    }

    public AdminConfig withRecorder(RecorderConfig r) {
        return new AdminConfig(token, r);
    }
}
