package dev.microcred.cli;

import java.util.List;

/** The subcommands of {@code microcred}, in the order {@code --help} lists them. */
final class Commands {
    private Commands() {
    }

    static List<Object> all() {
        return List.of(new ServeCommand(), new KeygenCommand(), new IssueCommand(), new VerifyCommand(),
                new BakeCommand(), new UnbakeCommand(), new StatusCommand(), new TlogCommand(), new WitnessCommand());
    }
}
