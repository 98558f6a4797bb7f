package dev.microcred.credentials.baking;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A generated default badge image for achievements without one: a round badge with the achievement's name and
 * the issuer's name, as SVG (text escaped) or PNG (drawn headless with Java 2D). The colour is derived from the
 * name, so each achievement keeps its own. Stateless.
 */
public final class DefaultBadge {
    static final int SIZE = 400;

    private DefaultBadge() {
    }

    /** The SVG badge, UTF-8. */
    public static byte[] svg(String achievementName, String issuerName) {
        String hue = Integer.toString(hue(achievementName));
        StringBuilder svg = new StringBuilder(1024);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(SIZE).append("\" height=\"").append(SIZE)
                .append("\" viewBox=\"0 0 400 400\" role=\"img\" aria-label=\"").append(escape(achievementName))
                .append("\">\n")
                .append("  <circle cx=\"200\" cy=\"200\" r=\"190\" fill=\"hsl(").append(hue).append(",55%,38%)\"/>\n")
                .append("  <circle cx=\"200\" cy=\"200\" r=\"168\" fill=\"none\" stroke=\"#fff\" stroke-width=\"6\""
                        + " stroke-opacity=\"0.8\"/>\n");
        List<String> lines = wrap(achievementName, 16, 3);
        int y = 200 - (lines.size() - 1) * 22;
        for (String line : lines) {
            svg.append("  <text x=\"200\" y=\"").append(y).append("\" font-family=\"sans-serif\" font-size=\"34\""
                    + " font-weight=\"bold\" fill=\"#fff\" text-anchor=\"middle\">").append(escape(line))
                    .append("</text>\n");
            y += 44;
        }
        svg.append("  <text x=\"200\" y=\"330\" font-family=\"sans-serif\" font-size=\"18\" fill=\"#fff\""
                + " text-anchor=\"middle\">").append(escape(abbreviate(issuerName, 32))).append("</text>\n");
        svg.append("</svg>\n");
        return svg.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The PNG badge. */
    public static byte[] png(String achievementName, String issuerName) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.getHSBColor(hue(achievementName) / 360f, 0.6f, 0.6f));
            g.fillOval(10, 10, 380, 380);
            g.setColor(new Color(255, 255, 255, 204));
            g.setStroke(new BasicStroke(6));
            g.drawOval(32, 32, 336, 336);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
            List<String> lines = wrap(achievementName, 16, 3);
            int y = 200 - (lines.size() - 1) * 22 + 12;
            for (String line : lines) {
                center(g, line, y);
                y += 44;
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
            center(g, abbreviate(issuerName, 32), 336);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void center(Graphics2D g, String text, int baseline) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, (SIZE - m.stringWidth(text)) / 2, baseline);
    }

    static int hue(String name) {
        return Math.floorMod(name.hashCode(), 360);
    }

    /** Greedy word wrap to at most {@code maxLines} lines of about {@code width} characters. */
    static List<String> wrap(String text, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        if (lines.size() > maxLines) {
            List<String> cut = new ArrayList<>(lines.subList(0, maxLines));
            cut.set(maxLines - 1, abbreviate(cut.get(maxLines - 1) + " " + lines.get(maxLines), width));
            return cut;
        }
        return lines.isEmpty() ? List.of("") : lines;
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    /** XML text and attribute escaping. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
