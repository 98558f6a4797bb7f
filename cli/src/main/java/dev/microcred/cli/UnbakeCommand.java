package dev.microcred.cli;

import dev.microcred.credentials.baking.BakedCredential;
import dev.microcred.credentials.baking.BakedImages;
import dev.microcred.credentials.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code microcred unbake}: takes the credential out of a baked PNG or SVG. */
@Command(name = "unbake", mixinStandardHelpOptions = true,
        header = "Extract the credential from a baked PNG or SVG.",
        description = "Extract the credential baked into a PNG or SVG badge (OB 3.0, OB 2.0 or CLR 2.0).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:extracted", "2:not an image, corrupt, or no credential in it"})
final class UnbakeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "the baked image; - reads standard input")
    String image;

    @Option(names = {"--out", "-o"}, paramLabel = "FILE", description = "write the credential here (default: print)")
    Path out;

    @Override
    public Integer call() throws IOException {
        BakedCredential baked = BakedImages.extract(Input.read(image, System.in));
        String text = baked.format() == BakedCredential.Format.JSON
                ? Json.writePretty(Json.parse(baked.text())) : baked.text();
        if (out != null) {
            Files.writeString(out, text + "\n", StandardCharsets.UTF_8);
        } else {
            spec.commandLine().getOut().println(text);
        }
        spec.commandLine().getErr().println("found a " + baked.spec().name() + " credential ("
                + baked.format().name().toLowerCase() + ")" + (out != null ? ", written to " + out : ""));
        return ExitCode.OK;
    }
}
