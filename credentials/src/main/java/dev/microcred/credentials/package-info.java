/** microcred credentials. */
package dev.microcred.credentials;
