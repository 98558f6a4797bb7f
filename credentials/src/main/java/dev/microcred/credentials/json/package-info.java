/**
 * JSON reading and writing for credentials: one configured Jackson mapper, size limits, and one-line error
 * messages for malformed input. Credentials are handled as Jackson trees ({@code ObjectNode}) throughout.
 */
package dev.microcred.credentials.json;
