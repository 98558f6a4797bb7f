/**
 * The instance's transparency log (docs/TLOG.md, "In the platform"): entries appended in the transactions that
 * record events ({@link dev.microcred.server.tlog.TransparencyLog}), the one sequencer that indexes them, extends
 * the tree, signs consistent checkpoints, collects witness cosignatures and stores receipts
 * ({@link dev.microcred.server.tlog.Sequencer}), the log key ({@link dev.microcred.server.tlog.LogKey}), and the
 * static {@code /tlog/} resources ({@link dev.microcred.server.tlog.TlogRoutes}). The formats are the tlog module's.
 */
package dev.microcred.server.tlog;
