package io.masscast.ofauth;

import static io.masscast.ofauth.WireFixture.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.model.SentMessageStats;
import java.time.Instant;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reconciling a create whose outcome is unknown: find the message by its text in the sent analytics. */
class FindSentTest {

    private static final Instant FROM = Instant.parse("2025-07-01T09:00:00.400Z");
    private static final Instant TO = Instant.parse("2025-07-01T09:10:00Z");

    @RegisterExtension
    final WireFixture wire = new WireFixture();

    private static String item(long id, String date, String textFields) {
        return "{\"id\": " + id + ", \"date\": \"" + date + "\", " + textFields + ", \"sentCount\": 10}";
    }

    private Optional<Long> find(String text) {
        return wire.client.findSent(CONNECTION, text, FROM, TO).map(SentMessageStats::id);
    }

    @Test
    void asksTheSentAnalyticsForTheWindowAndReturnsTheNewestMatch() throws Exception {
        wire.enqueue(200, "{\"hasMore\": false, \"items\": ["
                + item(1, "2025-07-01T09:01:00+00:00", "\"text\": \"New set is up\"") + ", "
                + item(2, "2025-07-01T09:05:00+00:00", "\"text\": \"New set is up\"") + ", "
                + item(3, "2025-07-01T09:06:00+00:00", "\"text\": \"Something else\"") + "]}");

        assertThat(find("New set is up")).contains(2L);

        RecordedRequest request = wire.takeAccess("GET", "/v2/access/analytics/mass-messages/sent");
        assertThat(request.getUrl().query()).isEqualTo("startDate=2025-07-01T09:00:00Z&endDate=2025-07-01T09:10:00Z&limit=100");
    }

    @Test
    void comparesHtmlTextWithTagsEntitiesAndWhitespaceNormalised() {
        wire.enqueue(200, "{\"items\": [" + item(4, "2025-07-01T09:01:00Z",
                "\"text\": \"<p>Hello&nbsp;<strong>world</strong> &amp; co</p><p>bye<br/>now</p>\"") + "]}");

        assertThat(find("Hello   world & co\nbye\nnow\n")).contains(4L);
    }

    @Test
    void prefersRawTextWhenOfAuthGivesIt() {
        wire.enqueue(200, "{\"items\": [" + item(5, "2025-07-01T09:01:00Z",
                "\"text\": \"<b>rendered</b> differently\", \"rawText\": \"**New** set\"") + "]}");

        assertThat(find("**New** set")).contains(5L);
    }

    @Test
    void readsTheGuidesShape() {
        wire.enqueue(200, """
                {"list": [{"id": 6, "text": "Hey everyone!", "sentCount": 150, "purchasedCount": 23, "totalAmount": 344.77,
                           "createdAt": "2025-07-01T09:02:00Z"}], "hasMore": false}""");

        assertThat(find("Hey everyone!")).contains(6L);
    }

    @Test
    void nothingMatchingMeansEmpty() {
        wire.enqueue(200, "{\"items\": [" + item(7, "2025-07-01T09:01:00Z", "\"text\": \"Other\"") + "], \"hasMore\": false}");

        assertThat(find("Mine")).isEmpty();
    }

    @Test
    void ignoresMatchesOutsideTheWindowEvenIfOfAuthReturnsThem() {
        wire.enqueue(200, "{\"items\": [" + item(8, "2025-06-20T09:01:00Z", "\"text\": \"Mine\"") + ", "
                + item(9, "2025-07-01T09:10:01Z", "\"text\": \"Mine\"") + "]}");

        assertThat(find("Mine")).isEmpty();
    }

    @Test
    void walksBackThroughOlderPagesByMovingTheWindowsEnd() throws Exception {
        wire.enqueue(200, "{\"hasMore\": true, \"items\": [" + item(10, "2025-07-01T09:08:00Z", "\"text\": \"a\"") + ", "
                + item(11, "2025-07-01T09:04:00Z", "\"text\": \"b\"") + "]}");
        wire.enqueue(200, "{\"hasMore\": false, \"items\": [" + item(11, "2025-07-01T09:04:00Z", "\"text\": \"b\"") + ", "
                + item(12, "2025-07-01T09:02:00Z", "\"text\": \"Mine\"") + "]}");

        assertThat(find("Mine")).contains(12L);

        wire.take();
        assertThat(wire.take().getUrl().queryParameter("endDate")).isEqualTo("2025-07-01T09:04:00Z");
    }

    @Test
    void stopsWalkingBackOncePagesAreOlderThanTheWindow() {
        wire.enqueue(200, "{\"hasMore\": true, \"items\": [" + item(14, "2025-06-01T09:08:00Z", "\"text\": \"a\"") + "]}");

        assertThat(find("Mine")).isEmpty();
        assertThat(wire.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void stopsWhenOlderPagesCannotBeReached() {
        wire.enqueue(200, "{\"hasMore\": true, \"items\": [" + item(13, "2025-07-01T09:10:00Z", "\"text\": \"a\"") + "]}");

        assertThat(find("Mine")).isEmpty();
        assertThat(wire.server.getRequestCount()).isEqualTo(1);
    }
}
