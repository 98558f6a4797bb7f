package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.tlog.TlogSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigTest {
    private final Config defaults = Config.defaults();

    @Test
    void eachWithChangesItsComponentAndKeepsTheOthers() {
        KeyEncryptionKey kek = KeyEncryptionKey.generate();
        TlogSettings tlog = TlogSettings.parse("", "", true);
        SmtpSettings smtp = new SmtpSettings("mail.example", 25, SmtpSettings.Security.NONE, null, null,
                "noreply@example.org");
        Config c = defaults.withHost("127.0.0.2").withPort(9090).withDataDirectory(Path.of("elsewhere"))
                .withDatabaseUrl("jdbc:h2:mem:x").withKeyEncryptionKey(kek).withBaseUrl("https://creds.example/")
                .withAdminToken("token").withMaxRequestBytes(4096).withTlog(tlog).withHttps(true, false)
                .withSmtp(smtp);
        assertThat(c).isEqualTo(new Config("127.0.0.2", 9090, Path.of("elsewhere"), "jdbc:h2:mem:x", kek,
                "https://creds.example", "token", 4096, tlog, true, false, smtp, null));
        assertThat(c.withPort(0)).isEqualTo(new Config("127.0.0.2", 0, Path.of("elsewhere"), "jdbc:h2:mem:x", kek,
                "https://creds.example", "token", 4096, tlog, true, false, smtp, null));
        assertThat(defaults.withPort(1).withPort(Config.DEFAULT_PORT)).isEqualTo(defaults);
    }

    @Test
    void aChangedComponentIsCheckedAgain() {
        assertThatThrownBy(() -> defaults.withPort(70_000)).isInstanceOf(MicrocredException.class)
                .hasMessageContaining("port out of range");
        assertThatThrownBy(() -> defaults.withHost("0.0.0.0").withHttps(true, false))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("not loopback");
        assertThat(defaults.withHost("0.0.0.0").withHttps(true, true).httpsAnyHost()).isTrue();
    }
}
