-- The image an issuer uploaded for an achievement (media): PNG or SVG, validated before it is stored, at most
-- 512 KiB. One current image per achievement; the achievement's OB 3.0 document names it by a URL that carries the
-- digest, so a replaced image gets a new URL. Without a row the generated default badge is used.
CREATE TABLE achievement_image (
    achievement_id VARCHAR(36)  PRIMARY KEY REFERENCES achievement (id),
    media_type     VARCHAR(40)  NOT NULL,
    content        BYTEA        NOT NULL,
    digest         VARCHAR(64)  NOT NULL,
    uploaded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
