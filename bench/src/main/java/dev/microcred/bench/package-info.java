/** microcred bench. */
package dev.microcred.bench;
