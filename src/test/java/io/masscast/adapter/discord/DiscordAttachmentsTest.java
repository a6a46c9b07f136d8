package io.masscast.adapter.discord;

import static io.masscast.adapter.discord.DiscordTestBed.ALICE_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.HttpServer;
import io.masscast.core.command.CampaignCards;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.MediaItem;
import io.masscast.core.policy.Fields;
import io.masscast.testing.FakeOfAuthGateway;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.utils.NamedAttachmentProxy;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A file given to the attachment option of {@code /masscast new}: masscast downloads it from (a loopback stand-in for)
 * Discord's CDN, uploads it to OFAuth and puts the upload reference in the campaign's media, whether the command
 * composes at once ({@code text:} given) or opens the modal and carries the file to its submission; the card names
 * the file. A file masscast does not take is refused, naming it, before it is downloaded.
 */
class DiscordAttachmentsTest {
    private DiscordTestBed bed;
    private HttpServer cdn;
    private final List<String> downloads = new CopyOnWriteArrayList<>();
    private final byte[] photo = new byte[2_400];

    @BeforeEach
    void start() throws IOException {
        new Random(11).nextBytes(photo);
        cdn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cdn.createContext("/attachments/", exchange -> {
            downloads.add(exchange.getRequestURI().getPath() + " auth="
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
            exchange.sendResponseHeaders(200, photo.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(photo);
            }
        });
        cdn.start();
        bed = DiscordTestBed.start();
        bed.bindChannel();
    }

    @AfterEach
    void stop() {
        bed.close();
        cdn.stop(0);
    }

    /** An attachment as JDA describes it, served by the loopback CDN. */
    private Message.Attachment attachment(String name, String type, int size) {
        String url =
                "http://127.0.0.1:" + cdn.getAddress().getPort() + "/attachments/1300/1400/" + name.replace(' ', '_');
        Message.Attachment file = mock(Message.Attachment.class);
        when(file.getFileName()).thenReturn(name);
        when(file.getContentType()).thenReturn(type);
        when(file.getSize()).thenReturn(size);
        when(file.getUrl()).thenReturn(url);
        when(file.getProxy()).thenReturn(new NamedAttachmentProxy(url, name));
        return file;
    }

    private void assertUploadedAndOnTheCard() {
        assertThat(downloads).containsExactly("/attachments/1300/1400/set_1.jpg auth=null");
        assertThat(bed.ofauth.uploads()).singleElement().satisfies(upload -> {
            assertThat(upload.fileName()).isEqualTo("set 1.jpg");
            assertThat(upload.contentType()).isEqualTo("image/jpeg");
            assertThat(upload.bytes()).isEqualTo(photo);
        });
        assertThat(bed.campaign(1).content().media())
                .containsExactly(new MediaItem(MediaItem.Kind.UPLOAD, "upload:fake-file-1"));
        bed.showCard(1);
        assertThat(DiscordCardTest.fields(bed.discord.calls("post").get(0).embed()))
                .contains(CampaignCards.MEDIA + ": 1 item (no free preview): set 1.jpg (JPEG image, 2 KB)");
    }

    @Test
    void newOffersAnAttachmentOption() {
        DataArray subcommands = DataObject.fromJson(
                        DiscordCommands.definition().toData().toJson())
                .getArray("options");
        DataObject compose = null;
        for (int i = 0; i < subcommands.length(); i++) {
            if (subcommands.getObject(i).getString("name").equals("new")) {
                compose = subcommands.getObject(i);
            }
        }
        assertThat(compose).isNotNull();
        DataArray options = compose.getArray("options");
        Optional<DataObject> files = IntStream.range(0, options.length())
                .mapToObj(options::getObject)
                .filter(option -> option.getString("name").equals(Fields.FILES))
                .findFirst();
        assertThat(files)
                .hasValueSatisfying(
                        option -> assertThat(option.getInt("type")).isEqualTo(OptionType.ATTACHMENT.getKey()));
    }

    @Test
    void aFileGivenWithTextIsDownloadedUploadedAndShownOnTheCard() {
        String command = bed.slash(
                ALICE_MEMBER,
                "new",
                Map.of(
                        Fields.TEXT,
                        "New set is up",
                        Fields.LISTS,
                        "VIP",
                        Fields.PRICE,
                        12.5,
                        Fields.FILES,
                        attachment("set 1.jpg", "image/jpeg", photo.length)));

        assertThat(bed.events.awaitAnswer(command).content()).contains("MC-1 is waiting for approval");
        assertUploadedAndOnTheCard();
    }

    @Test
    void aFileGivenToTheFormIsCarriedToItsSubmission() {
        String command = bed.slash(
                ALICE_MEMBER, "new", Map.of(Fields.FILES, attachment("set 1.jpg", "image/jpeg", photo.length)));
        DiscordEvents.Answer modal = bed.events.awaitAnswer(command);
        assertThat(modal.how()).isEqualTo("modal");
        assertThat(downloads).as("nothing is read before the form is submitted").isEmpty();

        String submitted = bed.submit(
                ALICE_MEMBER,
                modal.json().getString("custom_id"),
                Map.of(
                        Fields.TEXT,
                        "New set is up",
                        Fields.LISTS,
                        List.of(FakeOfAuthGateway.VIP.id()),
                        Fields.EXCLUDE,
                        List.of(),
                        Fields.PRICE,
                        "12.50",
                        Fields.AT,
                        ""));

        assertThat(bed.events.awaitAnswer(submitted).content()).contains("MC-1 is waiting for approval");
        assertUploadedAndOnTheCard();
    }

    @Test
    void aFileMasscastDoesNotTakeIsRefusedByNameAndNothingIsDownloadedOrStored() {
        String command = bed.slash(
                ALICE_MEMBER,
                "new",
                Map.of(
                        Fields.TEXT,
                        "New set is up",
                        Fields.LISTS,
                        "VIP",
                        Fields.PRICE,
                        12.5,
                        Fields.FILES,
                        attachment("rate card.pdf", "application/pdf", 300)));

        assertThat(bed.events.awaitAnswer(command).content())
                .contains(
                        "That can't go out as it is",
                        "rate card.pdf",
                        "application/pdf: masscast attaches JPEG, PNG and GIF images");
        assertThat(downloads).isEmpty();
        assertThat(bed.ofauth.uploads()).isEmpty();
        assertThat(bed.core.campaigns().list(DiscordTestBed.CHANNEL, EnumSet.allOf(CampaignState.class), 10))
                .isEmpty();
    }
}
