-- Anchors of transparency-log checkpoints on an EVM chain (docs/TLOG.md, "Anchoring"). A row is claimed
-- ('sending') before the transaction is sent, so that one server of several sends it, and completed ('anchored')
-- with the transaction, its block time and the anchor log entry once the transaction is in a block. The entry
-- itself is appended to the transparency log in the transaction that completes the row.
CREATE TABLE tlog_anchor (
    id                 VARCHAR(36)  PRIMARY KEY,
    log_origin         VARCHAR(256) NOT NULL,
    tree_size          BIGINT       NOT NULL,
    checkpoint_sha256  VARCHAR(64)  NOT NULL,
    chain              VARCHAR(41)  NOT NULL,
    sender             VARCHAR(42)  NOT NULL,
    status             VARCHAR(10)  NOT NULL,
    tx                 VARCHAR(128),
    anchored_at        TIMESTAMP WITH TIME ZONE,
    entry              TEXT,
    claimed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tlog_anchor_status CHECK (status IN ('sending', 'anchored')),
    CONSTRAINT tlog_anchor_once UNIQUE (chain, log_origin, tree_size, checkpoint_sha256)
);
CREATE INDEX tlog_anchor_recent ON tlog_anchor (claimed_at);
