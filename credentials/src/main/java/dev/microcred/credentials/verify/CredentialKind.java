package dev.microcred.credentials.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a JSON credential is, from its {@code @context} and {@code type}: the data model version and the
 * specification whose rules apply. Used to choose checks and to describe the credential to people.
 */
record CredentialKind(Model model, Spec spec) {
    static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    static final String VC_V1 = "https://www.w3.org/2018/credentials/v1";
    static final String OB_V2 = "https://w3id.org/openbadges/v2";

    enum Model {
        VC_2_0("VC Data Model 2.0"), VC_1_1("VC Data Model 1.1"), OB_2_0("Open Badges 2.0"), NONE("not a VC");

        final String label;

        Model(String label) {
            this.label = label;
        }
    }

    enum Spec {
        OPEN_BADGE("Open Badges 3.0 credential"),
        ENDORSEMENT("Open Badges 3.0 endorsement"),
        CLR("CLR 2.0 learner record"),
        STATUS_LIST("Bitstring Status List credential"),
        BLOCKCERTS("Blockcerts credential"),
        OB2_ASSERTION("Open Badges 2.0 assertion or badge class"),
        VERIFIABLE_CREDENTIAL("Verifiable Credential"),
        UNKNOWN("unknown document");

        final String label;

        Spec(String label) {
            this.label = label;
        }
    }

    static CredentialKind of(ObjectNode document) {
        JsonNode context = document.get("@context");
        String first = context == null ? "" : context.isArray() ? context.path(0).asText("") : context.asText("");
        Model model = switch (first) {
            case VC_V2 -> Model.VC_2_0;
            case VC_V1 -> Model.VC_1_1;
            case OB_V2 -> Model.OB_2_0;
            default -> Model.NONE;
        };
        if (mentionsContext(context, "https://w3id.org/blockcerts/")) {
            return new CredentialKind(model == Model.NONE ? Model.OB_2_0 : model, Spec.BLOCKCERTS);
        }
        if (model == Model.OB_2_0 || mentionsContext(context, OB_V2)
                || model == Model.NONE && (hasType(document, "Assertion") || hasType(document, "BadgeClass"))) {
            return new CredentialKind(Model.OB_2_0, Spec.OB2_ASSERTION);
        }
        if (!hasType(document, "VerifiableCredential")) {
            return new CredentialKind(model, Spec.UNKNOWN);
        }
        Spec spec;
        if (hasType(document, "OpenBadgeCredential") || hasType(document, "AchievementCredential")) {
            spec = Spec.OPEN_BADGE;
        } else if (hasType(document, "EndorsementCredential")) {
            spec = Spec.ENDORSEMENT;
        } else if (hasType(document, "ClrCredential")) {
            spec = Spec.CLR;
        } else if (hasType(document, "BitstringStatusListCredential") || hasType(document, "StatusList2021Credential")) {
            spec = Spec.STATUS_LIST;
        } else if (hasType(document, "BlockcertsCredential")) {
            spec = Spec.BLOCKCERTS;
        } else {
            spec = Spec.VERIFIABLE_CREDENTIAL;
        }
        return new CredentialKind(model, spec);
    }

    private static boolean mentionsContext(JsonNode context, String prefix) {
        if (context == null) {
            return false;
        }
        for (JsonNode c : context.isArray() ? context : java.util.List.of(context)) {
            if (c.isTextual() && c.asText().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    boolean isOpenBadges() {
        return spec == Spec.OPEN_BADGE || spec == Spec.ENDORSEMENT || spec == Spec.CLR;
    }

    String describe() {
        return spec.label + " (" + model.label + ")";
    }

    static boolean hasType(JsonNode document, String type) {
        JsonNode types = document.get("type");
        if (types == null) {
            return false;
        }
        if (types.isTextual()) {
            return types.asText().equals(type);
        }
        for (JsonNode t : types) {
            if (t.asText().equals(type)) {
                return true;
            }
        }
        return false;
    }
}
