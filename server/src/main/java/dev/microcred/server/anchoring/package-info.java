/**
 * Anchoring the transparency log's checkpoints on an EVM chain, optional (docs/TLOG.md, "Anchoring"): the
 * {@link dev.microcred.server.anchoring.Anchoring} service anchors the latest published checkpoint once per interval
 * (a day by default) and on demand ({@code POST /api/admin/tlog/anchor}, the admin page {@code /admin/anchors}),
 * records each anchor in {@code tlog_anchor} and appends the anchor entry to the log. It reaches the log through two
 * seams owned here, {@link dev.microcred.server.anchoring.CheckpointSource} and
 * {@link dev.microcred.server.anchoring.AnchorRecorder}, which the server wires to the platform's log (its published
 * checkpoint, and {@link dev.microcred.server.anchoring.TransparencyLogRecorder}); configuration is
 * {@link dev.microcred.server.anchoring.AnchoringConfig} ({@code MICROCRED_ANCHOR_*}).
 */
package dev.microcred.server.anchoring;
