/**
 * C2SP tlog-checkpoint (<a href="https://c2sp.org/tlog-checkpoint">c2sp.org/tlog-checkpoint</a>): the signed
 * note whose text is {@code <origin>\n<tree size>\n<base64 root hash>\n} followed by optional non-empty extension
 * lines, and the {@link dev.microcred.tlog.checkpoint.CheckpointSigner} that holds the log to the rule "a log
 * never signs two inconsistent checkpoints".
 */
package dev.microcred.tlog.checkpoint;
