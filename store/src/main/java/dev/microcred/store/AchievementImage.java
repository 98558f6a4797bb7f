package dev.microcred.store;

import dev.microcred.core.Bytes;
import java.time.Instant;
import java.util.Objects;

/**
 * The image an issuer uploaded for an achievement: {@code mediaType} {@code image/png} or {@code image/svg+xml},
 * validated before it was stored; {@code digest} the hex SHA-256 of {@code content}.
 */
public record AchievementImage(String achievementId, String mediaType, Bytes content, String digest,
                               Instant uploadedAt) {
    public AchievementImage {
        Objects.requireNonNull(achievementId, "achievementId");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
    }
}
