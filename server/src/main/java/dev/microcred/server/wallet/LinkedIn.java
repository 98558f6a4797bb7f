package dev.microcred.server.wallet;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The LinkedIn "add to profile" link for a certification
 * (https://addtoprofile.linkedin.com/): every parameter URL-encoded. Stateless.
 */
final class LinkedIn {
    static final String ADD_TO_PROFILE = "https://www.linkedin.com/profile/add";

    private LinkedIn() {
    }

    /** The link that pre-fills a certification named {@code name} from {@code organization}, issued at {@code issued}. */
    static String addToProfile(String name, String organization, Instant issued, String certUrl, String certId) {
        ZonedDateTime at = issued.atZone(ZoneOffset.UTC);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("startTask", "CERTIFICATION_NAME");
        params.put("name", name);
        params.put("organizationName", organization);
        params.put("issueYear", Integer.toString(at.getYear()));
        params.put("issueMonth", Integer.toString(at.getMonthValue()));
        params.put("certUrl", certUrl);
        params.put("certId", certId);
        StringJoiner query = new StringJoiner("&", ADD_TO_PROFILE + "?", "");
        params.forEach((k, v) -> query.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return query.toString();
    }
}
