/** microcred crypto. */
package dev.microcred.crypto;
