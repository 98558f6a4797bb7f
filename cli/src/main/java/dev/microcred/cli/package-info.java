/**
 * The {@code microcred} command: picocli subcommands wired with {@code new}, one-line error messages and
 * documented exit codes ({@link dev.microcred.cli.ExitCode}).
 */
package dev.microcred.cli;
