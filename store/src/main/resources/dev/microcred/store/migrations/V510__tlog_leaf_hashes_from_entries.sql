-- The transparency log's level-0 tile hashes (the leaf hashes, one row per entry) are computed from tlog_entry
-- when a tile is served or read (SHA-256(0x00 || entry), RFC 9162 §2.1.1); only levels 8, 16, ... stay stored.
-- Sequencing writes one row per entry instead of two.
DELETE FROM tlog_node WHERE level = 0;
