package dev.microcred.server.issuing;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.baking.PngBaker;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validation of the image an issuer uploads for an achievement (issue 3 §5): a PNG (signature, dimensions read from
 * {@code IHDR} before decoding, then decoded by ImageIO) or an SVG (parsed as XML with DTDs and external entities
 * refused; no {@code script} or {@code foreignObject} element, no {@code on*} event attribute, no {@code href} other
 * than a same-document fragment, no {@code url(...)} other than a fragment, no processing instruction), at most
 * {@link #MAX_BYTES}. Refusals are {@code BAD_IMAGE} (400) naming the reason, {@code TOO_LARGE} (413) for size.
 * Stateless and thread-safe.
 */
public final class BadgeImages {
    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";
    /** The largest image accepted: 512 KiB. */
    public static final int MAX_BYTES = 512 << 10;
    /** The largest width and height of a PNG, in pixels. */
    public static final int MAX_DIMENSION = 2048;
    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    private BadgeImages() {
    }

    /**
     * Checks {@code bytes} and answers their media type, {@value #PNG} or {@value #SVG}. When {@code declaredType} is
     * given (an HTTP {@code Content-Type}), it must agree with the content.
     */
    public static String check(byte[] bytes, String declaredType) {
        if (bytes.length > MAX_BYTES) {
            throw new MicrocredException(Problem.TOO_LARGE, "the image is larger than " + MAX_BYTES + " bytes ("
                    + (MAX_BYTES >> 10) + " KiB)");
        }
        if (bytes.length == 0) {
            throw bad("the image is empty");
        }
        String type = PngBaker.isPng(bytes) ? PNG : SVG;
        if (declaredType != null) {
            String declared = declaredType.toLowerCase(Locale.ROOT).split(";")[0].strip();
            if (!declared.equals(PNG) && !declared.equals(SVG)) {
                throw bad("send the image as " + PNG + " or " + SVG + ", not " + declared);
            }
            if (!declared.equals(type)) {
                throw bad("the content is not " + declared);
            }
        }
        if (type.equals(PNG)) {
            checkPng(bytes);
        } else {
            checkSvg(bytes);
        }
        return type;
    }

    private static void checkPng(byte[] png) {
        // PNG §11.2.2: the first chunk is IHDR, width and height 4-byte big-endian at offsets 16 and 20
        if (png.length < 33 || png[12] != 'I' || png[13] != 'H' || png[14] != 'D' || png[15] != 'R') {
            throw bad("the PNG has no IHDR header");
        }
        long width = uint32(png, 16);
        long height = uint32(png, 20);
        if (width < 1 || height < 1 || width > MAX_DIMENSION || height > MAX_DIMENSION) {
            throw bad("the PNG is " + width + "x" + height + " pixels: at most " + MAX_DIMENSION + "x" + MAX_DIMENSION);
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException | RuntimeException e) {
            throw bad("the PNG cannot be decoded");
        }
        if (image == null) {
            throw bad("the PNG cannot be decoded");
        }
    }

    private static long uint32(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }

    private static void checkSvg(byte[] svg) {
        Document document;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            document = builder.parse(new ByteArrayInputStream(svg));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        } catch (SAXException | IOException e) {
            throw bad(e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "the SVG has a DOCTYPE (DTD): not allowed in a badge image"
                    : "the image is neither a PNG nor well-formed SVG");
        }
        Element root = document.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !SVG_NAMESPACE.equals(root.getNamespaceURI())) {
            throw bad("the image is neither a PNG nor an SVG (the root element must be svg in the SVG namespace)");
        }
        walk(document);
    }

    private static void walk(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> {
                    Element e = (Element) child;
                    String name = localName(e).toLowerCase(Locale.ROOT);
                    if (name.equals("script") || name.equals("foreignobject") || name.equals("iframe")
                            || name.equals("embed") || name.equals("object")) {
                        throw bad("the SVG has a " + localName(e) + " element: not allowed in a badge image");
                    }
                    NamedNodeMap attributes = e.getAttributes();
                    for (int i = 0; i < attributes.getLength(); i++) {
                        checkAttribute((Attr) attributes.item(i));
                    }
                    if (name.equals("style")) {
                        checkStyle(e.getTextContent());
                    }
                    walk(e);
                }
                case Node.PROCESSING_INSTRUCTION_NODE ->
                        throw bad("the SVG has a processing instruction: not allowed in a badge image");
                case Node.ENTITY_REFERENCE_NODE, Node.DOCUMENT_TYPE_NODE ->
                        throw bad("the SVG uses entities: not allowed in a badge image");
                default -> {
                    // text, comments, CDATA outside style: inert
                }
            }
        }
    }

    private static void checkAttribute(Attr a) {
        String name = (a.getLocalName() == null ? a.getName() : a.getLocalName()).toLowerCase(Locale.ROOT);
        String value = a.getValue().strip();
        if (name.startsWith("on")) {
            throw bad("the SVG has an event handler attribute " + a.getName() + ": not allowed in a badge image");
        }
        if ((name.equals("href") || name.equals("src")) && !value.startsWith("#")) {
            throw bad("the SVG refers to " + (value.length() > 60 ? value.substring(0, 60) + "..." : value)
                    + ": only references within the image (#id) are allowed");
        }
        checkStyle(value);
    }

    /** {@code url(...)} only to a fragment of the same document, and no {@code @import}. */
    private static void checkStyle(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("@import")) {
            throw bad("the SVG imports a style sheet: not allowed in a badge image");
        }
        int at = lower.indexOf("url(");
        while (at >= 0) {
            String rest = lower.substring(at + 4).stripLeading();
            if (rest.startsWith("'") || rest.startsWith("\"")) {
                rest = rest.substring(1);
            }
            if (!rest.startsWith("#")) {
                throw bad("the SVG refers to an external resource through url(...): only url(#id) is allowed");
            }
            at = lower.indexOf("url(", at + 4);
        }
    }

    private static String localName(Element e) {
        return e.getLocalName() == null ? e.getTagName() : e.getLocalName();
    }

    private static MicrocredException bad(String message) {
        return new MicrocredException(Problem.BAD_IMAGE, message);
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
