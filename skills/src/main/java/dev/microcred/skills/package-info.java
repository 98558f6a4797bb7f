/** microcred skills. */
package dev.microcred.skills;
