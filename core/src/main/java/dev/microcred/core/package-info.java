/**
 * Records of the microcred domain shared by every module: immutable byte values, hashes and the problem
 * codes that every module raises and that the server and the command line turn into answers.
 * JDK only, no I/O.
 */
package dev.microcred.core;
