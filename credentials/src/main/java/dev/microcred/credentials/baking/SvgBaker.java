package dev.microcred.credentials.baking;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Bakes a credential into an SVG and extracts it (Open Badges 3.0 §5.3.2, Open Badges 2.0 "Baking", CLR 2.0).
 *
 * <p>Baking declares the spec's namespace on the root {@code <svg>} and puts one element right after the root
 * start tag: {@code <openbadges:credential>} (OB 3.0, {@value #OB3_NAMESPACE}), {@code <openbadges:assertion>}
 * (OB 2.0, {@value #OB2_NAMESPACE}) or {@code <clrcredential:credential>} (CLR 2.0, {@value #CLR_NAMESPACE}),
 * holding JSON in a CDATA section or a JWS (or OB 2.0 URL) in its {@code verify} attribute; an existing element
 * of the same kind is replaced. Insertion is textual (the rest of the file is kept byte for byte) and the result
 * is parsed back before it is returned.
 *
 * <p>Extraction uses a StAX reader that never loads a DTD and never expands a declared entity: a DOCTYPE with an
 * internal subset (the carrier of XXE and "billion laughs" attacks) is refused; a plain public DOCTYPE, as
 * illustration software writes, is accepted and ignored. Stateless and thread-safe.
 */
public final class SvgBaker {
    /** The OB 3.0 baking namespace. */
    public static final String OB3_NAMESPACE = "https://purl.imsglobal.org/ob/v3p0";
    /** The OB 2.0 (and 1.x) baking namespace. */
    public static final String OB2_NAMESPACE = "http://openbadges.org";
    /** The CLR 2.0 baking namespace. */
    public static final String CLR_NAMESPACE = "https://purl.imsglobal.org/clr/v2p0";
    /** The largest SVG accepted: 10 MiB. */
    public static final int MAX_IMAGE_BYTES = PngBaker.MAX_IMAGE_BYTES;

    private static final Pattern XMLNS = Pattern.compile("\\sxmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*(\"[^\"]*\"|'[^']*')");

    private SvgBaker() {
    }

    /**
     * A copy of {@code svg} carrying {@code credential}.
     *
     * @throws MicrocredException {@code BAD_IMAGE} when {@code svg} is not a well-formed, safe SVG document
     */
    public static String bake(String svg, BakedCredential credential) {
        find(svg.getBytes(StandardCharsets.UTF_8)); // well-formed and safe, or BAD_IMAGE
        Kind kind = Kind.of(credential.spec());
        int start = rootStart(svg);
        int end = startTagEnd(svg, start);
        String startTag = svg.substring(start, end + 1);
        String prefix = kind.prefix;
        String declaredPrefix = prefixOf(startTag, kind.namespace);
        String head;
        if (declaredPrefix != null) {
            prefix = declaredPrefix;
            head = svg.substring(0, end + 1);
        } else {
            String bound = namespaceOf(startTag, kind.prefix);
            if (bound != null) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "the SVG binds the prefix " + kind.prefix
                        + " to " + bound + ", not to " + kind.namespace);
            }
            int insertAt = svg.charAt(end - 1) == '/' ? end - 1 : end;
            head = svg.substring(0, insertAt) + " xmlns:" + kind.prefix + "=\"" + kind.namespace + "\""
                    + svg.substring(insertAt, end + 1);
        }
        String rest = svg.substring(end + 1);
        boolean selfClosing = head.endsWith("/>");
        if (selfClosing) {
            head = head.substring(0, head.length() - 2) + ">";
            rest = "</" + svg.substring(start + 1, nameEnd(svg, start + 1)) + ">" + rest;
        }
        rest = removeExisting(rest, prefix + ":" + kind.element);
        String element = element(prefix + ":" + kind.element, credential);
        String baked = head + "\n  " + element + rest;
        BakedCredential back = extract(baked.getBytes(StandardCharsets.UTF_8));
        if (!back.text().equals(credential.text().strip()) || back.spec() != credential.spec()) {
            throw new IllegalStateException("baked SVG does not read back the credential");
        }
        return baked;
    }

    /**
     * The credential baked into {@code svg} (UTF-8 or with an XML declaration naming its encoding).
     *
     * @throws MicrocredException {@code BAD_IMAGE} when the SVG is malformed, unsafe or carries no credential
     */
    public static BakedCredential extract(byte[] svg) {
        return find(svg).orElseThrow(() -> new MicrocredException(Problem.BAD_IMAGE,
                "the SVG holds no baked credential (no openbadges:credential, openbadges:assertion or clrcredential:credential element)"));
    }

    /** The credential baked into {@code svg}, if any; a malformed or unsafe SVG is still an error. */
    public static Optional<BakedCredential> find(byte[] svg) {
        if (svg.length > MAX_IMAGE_BYTES) {
            throw new MicrocredException(Problem.TOO_LARGE,
                    "image of " + svg.length + " bytes exceeds the limit of " + MAX_IMAGE_BYTES);
        }
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(new ByteArrayInputStream(svg));
            boolean root = true;
            BakedCredential found = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    String dtd = reader.getText();
                    if (dtd != null && dtd.indexOf('[') >= 0) {
                        throw bad("SVG with a DOCTYPE internal subset (entity declarations) is refused");
                    }
                } else if (event == XMLStreamConstants.ENTITY_REFERENCE || event == XMLStreamConstants.ENTITY_DECLARATION) {
                    throw bad("SVG with entity references is refused");
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    if (root) {
                        if (!"svg".equals(reader.getLocalName())) {
                            throw bad("not an SVG: the root element is " + reader.getLocalName());
                        }
                        root = false;
                    } else if (found == null) {
                        Kind kind = Kind.of(reader.getNamespaceURI(), reader.getLocalName());
                        if (kind != null) {
                            String verify = reader.getAttributeValue(null, "verify");
                            String text = verify != null && !verify.isBlank() ? verify : reader.getElementText();
                            if (text == null || text.isBlank()) {
                                throw bad("the SVG's " + kind.prefix + ":" + kind.element + " element is empty");
                            }
                            found = BakedCredential.of(kind.spec, text.strip());
                        }
                    }
                }
            }
            if (root) {
                throw bad("not an SVG: no root element");
            }
            return Optional.ofNullable(found);
        } catch (XMLStreamException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new MicrocredException(Problem.BAD_IMAGE,
                    "malformed or unsafe SVG: " + message.replaceAll("\\s+", " ").trim(), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing was acquired that needs releasing
                }
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    private static String element(String qname, BakedCredential credential) {
        if (credential.format() == BakedCredential.Format.JSON) {
            // "]]>" cannot appear inside CDATA: split it across two sections
            String cdata = credential.text().replace("]]>", "]]]]><![CDATA[>");
            return "<" + qname + "><![CDATA[" + cdata + "]]></" + qname + ">";
        }
        return "<" + qname + " verify=\"" + escapeAttribute(credential.text()) + "\"></" + qname + ">";
    }

    private static String escapeAttribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    // the first existing element <qname ...>...</qname> or <qname .../>, which bake() replaces
    private static String removeExisting(String text, String qname) {
        Matcher m = Pattern.compile("\\s*<" + Pattern.quote(qname) + "(?=[\\s/>])(?:[^>]*/>|[^>]*>.*?</"
                + Pattern.quote(qname) + "\\s*>)", Pattern.DOTALL).matcher(text);
        return m.find() ? text.substring(0, m.start()) + text.substring(m.end()) : text;
    }

    /** The index of the root element's {@code <}, skipping the XML declaration, comments, PIs and DOCTYPE. */
    private static int rootStart(String svg) {
        int i = 0;
        while (i < svg.length()) {
            char c = svg.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (svg.startsWith("<?", i)) {
                i = after(svg, "?>", i);
            } else if (svg.startsWith("<!--", i)) {
                i = after(svg, "-->", i);
            } else if (svg.startsWith("<!", i)) {
                i = after(svg, ">", i);
            } else if (c == '<') {
                return i;
            } else {
                throw bad("not an SVG: text before the root element");
            }
        }
        throw bad("not an SVG: no root element");
    }

    private static int after(String s, String token, int from) {
        int at = s.indexOf(token, from);
        if (at < 0) {
            throw bad("malformed SVG: unterminated markup at character " + from);
        }
        return at + token.length();
    }

    private static int startTagEnd(String svg, int start) {
        char quote = 0;
        for (int i = start; i < svg.length(); i++) {
            char c = svg.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        throw bad("malformed SVG: unterminated root start tag");
    }

    private static int nameEnd(String svg, int from) {
        int i = from;
        while (i < svg.length() && !Character.isWhitespace(svg.charAt(i)) && svg.charAt(i) != '/' && svg.charAt(i) != '>') {
            i++;
        }
        return i;
    }

    private static String prefixOf(String startTag, String namespace) {
        Matcher m = XMLNS.matcher(startTag);
        while (m.find()) {
            if (unquote(m.group(2)).equals(namespace)) {
                return m.group(1);
            }
        }
        return null;
    }

    private static String namespaceOf(String startTag, String prefix) {
        Matcher m = XMLNS.matcher(startTag);
        while (m.find()) {
            if (m.group(1).equals(prefix)) {
                return unquote(m.group(2));
            }
        }
        return null;
    }

    private static String unquote(String quoted) {
        return quoted.substring(1, quoted.length() - 1);
    }

    private static MicrocredException bad(String message) {
        return new MicrocredException(Problem.BAD_IMAGE, message);
    }

    /** The element each spec bakes into an SVG. */
    private enum Kind {
        OB3(BakedCredential.Spec.OB3, OB3_NAMESPACE, "openbadges", "credential"),
        OB2(BakedCredential.Spec.OB2, OB2_NAMESPACE, "openbadges", "assertion"),
        CLR(BakedCredential.Spec.CLR, CLR_NAMESPACE, "clrcredential", "credential");

        final BakedCredential.Spec spec;
        final String namespace;
        final String prefix;
        final String element;

        Kind(BakedCredential.Spec spec, String namespace, String prefix, String element) {
            this.spec = spec;
            this.namespace = namespace;
            this.prefix = prefix;
            this.element = element;
        }

        static Kind of(BakedCredential.Spec spec) {
            for (Kind k : values()) {
                if (k.spec == spec) {
                    return k;
                }
            }
            throw new IllegalArgumentException(String.valueOf(spec));
        }

        static Kind of(String namespace, String localName) {
            for (Kind k : values()) {
                if (k.namespace.equals(namespace) && k.element.equals(localName)) {
                    return k;
                }
            }
            return null;
        }
    }
}
