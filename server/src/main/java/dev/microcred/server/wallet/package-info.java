/**
 * The learner's wallet: claiming a credential through the link of its claim mail ({@code /claim/{token}}, once, by
 * the account whose email hash is the credential's recipient hash), the list of the learner's credentials (claimed,
 * and issued to their email hash), each with its live verification, downloads (JSON, baked PNG and SVG per the
 * Open Badges 3.0 baking rules, https://www.imsglobal.org/spec/ob/v3p0/#baking) and a LinkedIn add-to-profile link;
 * and credentials imported from elsewhere (pasted JSON or JWT, or a baked image's credential), verified on import and
 * kept with that outcome, re-verified live on their page.
 *
 * <p>Sharing: the issuer-published page {@code /credentials/{id}} stays public as before (the issuer published it,
 * and the credential's status and the verifiers link there). The wallet's own visibility governs a separate share
 * link, {@code /share/{token}}: private (the default) answers 404, public shows the credential page. Making an item
 * private and public again issues a new link.
 */
package dev.microcred.server.wallet;
