package dev.microcred.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.crypto.PublicKey;
import java.util.function.Function;

/** How the command line turns key material in documents into keys. */
final class Keys {
    /** Decodes a {@code publicKeyJwk}. */
    static final Function<ObjectNode, PublicKey> JWK_DECODER = jwk -> {
        throw new MicrocredException(Problem.UNSUPPORTED, "publicKeyJwk keys are not supported by this build");
    };

    private Keys() {
    }
}
