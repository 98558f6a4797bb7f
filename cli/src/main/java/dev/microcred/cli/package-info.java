/** microcred cli. */
package dev.microcred.cli;
