/**
 * Bounded load programs (main classes, not tests): each starts or targets a server on loopback only, sends a fixed
 * number of rows or runs for a fixed time, prints its figures and stops. Commands and figures: docs/PERFORMANCE.md,
 * "Platform".
 */
package dev.microcred.server.load;
