/**
 * Web pages, built with {@link dev.microcred.server.web.Html}, an HTML builder that escapes by default: text and
 * attribute values given to it are always escaped; markup comes only from tag names and constants in this package.
 * No template engine (nothing to reflect on), no external CDN: the stylesheet is inline.
 */
package dev.microcred.server.web;
