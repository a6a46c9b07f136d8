package io.masscast.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.command.CommandCatalog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.dv8tion.jda.api.utils.data.DataArray;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void discordCommandsPrintsTheJsonMasscastRegistersWithoutAnyConfiguration() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Main.run(
                new String[] {"discord-commands"},
                Map.of(),
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);

        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        DataArray commands = DataArray.fromJson(out.toString(StandardCharsets.UTF_8));
        assertThat(commands.length()).isEqualTo(1);
        assertThat(commands.getObject(0).getString("name")).isEqualTo("masscast");
        assertThat(commands.getObject(0).getArray("options").length())
                .as("one subcommand per command")
                .isEqualTo(CommandCatalog.ALL.size());
    }
}
