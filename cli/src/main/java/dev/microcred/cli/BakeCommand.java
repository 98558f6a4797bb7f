package dev.microcred.cli;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.baking.BakedCredential;
import dev.microcred.credentials.baking.PngBaker;
import dev.microcred.credentials.baking.SvgBaker;
import dev.microcred.credentials.jose.CompactJws;
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

/** {@code microcred bake}: puts a credential into a PNG or SVG badge image. */
@Command(name = "bake", mixinStandardHelpOptions = true,
        header = "Bake a credential into a PNG or SVG badge.", sortOptions = false,
        description = {"Bake a credential (JSON or compact JWS) into a PNG (one iTXt chunk) or an SVG",
            "(<openbadges:credential>), for Open Badges 3.0, Open Badges 2.0 or CLR 2.0. A credential already",
            "baked into the image is replaced."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:baked", "2:bad usage or bad input"})
final class BakeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CREDENTIAL", description = "the credential file; - reads standard input")
    String credential;

    @Option(names = "--image", paramLabel = "FILE", required = true, description = "the PNG or SVG image")
    String image;

    @Option(names = {"--out", "-o"}, paramLabel = "FILE", required = true, description = "the baked image to write")
    Path out;

    @Option(names = "--spec", paramLabel = "SPEC",
            description = "ob3, ob2 or clr (default: from the credential's type and context)")
    String specName;

    @Override
    public Integer call() throws IOException {
        String text = new String(Input.read(credential, System.in), StandardCharsets.UTF_8).strip();
        BakedCredential.Spec target = specName != null ? spec(specName) : detect(text);
        BakedCredential baked = BakedCredential.of(target, text);
        byte[] source = Input.read(image, System.in);
        byte[] result;
        if (PngBaker.isPng(source)) {
            result = PngBaker.bake(source, baked);
        } else if (new String(source, 0, Math.min(source.length, 4096), StandardCharsets.UTF_8).contains("<svg")) {
            result = SvgBaker.bake(new String(source, StandardCharsets.UTF_8), baked).getBytes(StandardCharsets.UTF_8);
        } else {
            throw new MicrocredException(Problem.BAD_IMAGE, image + " is neither a PNG nor an SVG image");
        }
        String kind = PngBaker.isPng(source) ? "png" : "svg";
        String name = out.getFileName().toString().toLowerCase();
        if ((name.endsWith(".png") || name.endsWith(".svg")) && !name.endsWith("." + kind)) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "the image is " + kind.toUpperCase()
                    + " but --out is named " + out.getFileName());
        }
        Files.write(out, result);
        spec.commandLine().getErr().println("baked a " + target.name() + " " + baked.format().name().toLowerCase()
                + " credential into " + out);
        return ExitCode.OK;
    }

    static BakedCredential.Spec spec(String name) {
        return switch (name.toLowerCase()) {
            case "ob3" -> BakedCredential.Spec.OB3;
            case "ob2" -> BakedCredential.Spec.OB2;
            case "clr" -> BakedCredential.Spec.CLR;
            default -> throw new MicrocredException(Problem.INVALID_REQUEST, "--spec takes ob3, ob2 or clr, not " + name);
        };
    }

    /** CLR for a ClrCredential, OB 2.0 for the OB 2.0 context, otherwise OB 3.0; JWS payloads are looked into. */
    static BakedCredential.Spec detect(String text) {
        String json = text;
        if (!text.startsWith("{")) {
            json = new String(CompactJws.parse(text).payload(), StandardCharsets.UTF_8);
        }
        String doc = Json.write(Json.parseObject(json));
        if (doc.contains("\"ClrCredential\"")) {
            return BakedCredential.Spec.CLR;
        }
        if (doc.contains("https://w3id.org/openbadges/v2")) {
            return BakedCredential.Spec.OB2;
        }
        return BakedCredential.Spec.OB3;
    }
}
