/** microcred tlog. */
package dev.microcred.tlog;
