/**
 * Web pages, built with {@link dev.microcred.server.web.Html}, an HTML builder that escapes by default: text and
 * attribute values given to it are always escaped; markup comes only from tag names and constants in this package.
 * No template engine (nothing to reflect on), no external CDN: the stylesheet is inline, QR codes are drawn here as
 * inline SVG ({@link dev.microcred.server.web.QrCode}), and the few pages that run a script name it by its hash in
 * their Content-Security-Policy ({@link dev.microcred.server.web.InlineScript}).
 */
package dev.microcred.server.web;
