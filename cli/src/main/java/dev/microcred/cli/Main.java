package dev.microcred.cli;

import dev.microcred.core.MicrocredException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code microcred} command. Wires the subcommands and turns every failure into one
 * line on standard error and an {@link ExitCode}; users never see a stack trace.
 */
@Command(name = "microcred",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Verifiable micro-credentials: issue, verify, bake and inspect Open Badges 3.0 credentials.",
        subcommands = {CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success; for verify: the credential is valid",
            "1:a negative answer (invalid, tampered, revoked, suspended, expired, not-yet-valid, unsupported)",
            "2:could not check, bad usage or bad input (one-line message on standard error)"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit code. Used by tests. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        for (Object sub : Commands.all()) {
            cli.addSubcommand(sub);
        }
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof MicrocredException me) {
                err.println("microcred: " + me.getMessage());
            } else if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
                err.println("microcred: " + oneLine(ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            } else {
                err.println("microcred: internal error: " + oneLine(String.valueOf(ex)));
            }
            return ExitCode.CANNOT_PROCESS;
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("microcred: " + oneLine(ex.getMessage()));
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.CANNOT_PROCESS;
        });
        cli.setExitCodeExceptionMapper(ex -> ExitCode.CANNOT_PROCESS);
        return cli;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    /** Reads the version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"microcred " + (v == null ? "0.1.0-SNAPSHOT" : v)};
        }
    }
}
