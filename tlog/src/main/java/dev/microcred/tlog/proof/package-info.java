/**
 * C2SP tlog-proof receipts (<a href="https://c2sp.org/tlog-proof">c2sp.org/tlog-proof</a>): a self-contained,
 * offline-verifiable proof that an entry is in a log, witnessed by a quorum.
 *
 * <pre>
 * c2sp.org/tlog-proof@v1
 * extra &lt;base64 opaque data&gt;        (optional; microcred puts the log entry itself here)
 * index &lt;decimal leaf index&gt;
 * &lt;base64 hash&gt;                      (the inclusion proof, leaf sibling first, one per line)
 * ...
 *
 * &lt;the signed, cosigned checkpoint, verbatim&gt;
 * </pre>
 *
 * Verification under a {@link dev.microcred.tlog.policy.Policy}: the checkpoint is signed by a trusted log and
 * cosigned by a quorum, the index is below the checkpoint size, and the inclusion proof takes the entry's leaf
 * hash to the checkpoint root. The {@code extra} data is not trusted on its own: used as the entry, it is
 * authenticated by the inclusion proof.
 */
package dev.microcred.tlog.proof;
