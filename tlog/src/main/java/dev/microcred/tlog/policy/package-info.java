/**
 * C2SP tlog-policy (<a href="https://c2sp.org/tlog-policy">c2sp.org/tlog-policy</a>): which logs are trusted,
 * which witnesses, and the quorum of cosignatures a checkpoint needs.
 *
 * <p>The text format, line by line ({@code #} comments and blank lines ignored, fields separated by spaces or
 * tabs):
 * <pre>
 * log &lt;vkey&gt; [&lt;url&gt;]                     a trusted log; the vkey (type 0x01) name is its origin
 * witness &lt;name&gt; &lt;vkey&gt; [&lt;url&gt;]          a witness; the vkey is a cosignature key (type 0x04)
 * group &lt;name&gt; all|any|&lt;k&gt; &lt;name&gt;...     k of the listed witnesses or groups
 * quorum &lt;name&gt;|none                      what a checkpoint needs; exactly one line
 * </pre>
 * Names are defined before use (so groups nest without cycles), a name is a member of a group at most once,
 * {@code none} is reserved, and no key appears twice. A checkpoint satisfies the policy when a listed log whose
 * name is the checkpoint origin signed it, and the witnesses whose cosignatures verify satisfy the quorum.
 * Limits: 256 logs, witnesses and groups each (the spec recommends supporting at least 32).
 */
package dev.microcred.tlog.policy;
