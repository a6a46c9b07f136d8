package io.masscast.ofauth;

import static io.masscast.ofauth.WireFixture.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.model.SentMessageStats;
import io.masscast.core.model.SentWindow;
import io.masscast.core.port.CallPriority;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reading every sent message of a window from analytics that page without a cursor: a full page is read again
 * as two narrower windows, so nothing is missed however many messages went out (OFAUTH.md §5).
 */
class SentBetweenTest {

    private static final Instant FROM = Instant.parse("2025-07-01T09:00:00.400Z");
    private static final Instant TO = Instant.parse("2025-07-01T09:10:00Z");

    @RegisterExtension
    final WireFixture wire = new WireFixture();

    private record Message(long id, Instant date) {}

    /** Answers like OFAuth: messages dated within [startDate, endDate], newest first, {@code limit} of them, hasMore. */
    private void serve(List<Message> messages) {
        wire.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                Instant start = Instant.parse(request.getUrl().queryParameter("startDate"));
                Instant end = Instant.parse(request.getUrl().queryParameter("endDate"));
                int limit = Integer.parseInt(request.getUrl().queryParameter("limit"));
                List<Message> inWindow = messages.stream()
                        .filter(m -> !m.date().isBefore(start) && !m.date().isAfter(end))
                        .sorted(Comparator.comparing(Message::date).reversed())
                        .toList();
                String items = inWindow.stream()
                        .limit(limit)
                        .map(m -> "{\"id\": " + m.id() + ", \"date\": \"" + m.date() + "\", \"text\": \"m" + m.id()
                                + "\", \"sentCount\": 10}")
                        .collect(Collectors.joining(", "));
                return new MockResponse.Builder()
                        .code(200)
                        .addHeader("Content-Type", "application/json")
                        .body("{\"hasMore\": " + (inWindow.size() > limit) + ", \"items\": [" + items + "]}")
                        .build();
            }
        });
    }

    private SentWindow read() {
        return wire.client.sentBetween(CONNECTION, FROM, TO, CallPriority.INTERACTIVE);
    }

    @Test
    void aQuietWindowIsOneCallForTheWholeWindowInWholeSeconds() throws Exception {
        serve(List.of(
                new Message(1, Instant.parse("2025-07-01T09:01:00Z")),
                new Message(2, Instant.parse("2025-07-01T09:05:00Z"))));

        SentWindow sent = read();

        assertThat(sent.complete()).isTrue();
        assertThat(sent.messages()).extracting(SentMessageStats::id).containsExactly(2L, 1L);
        RecordedRequest request = wire.takeAccess("GET", "/v2/access/analytics/mass-messages/sent");
        assertThat(request.getUrl().query())
                .isEqualTo("startDate=2025-07-01T09:00:00Z&endDate=2025-07-01T09:10:00Z&limit=100");
        assertThat(wire.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aBusyWindowIsReadInNarrowerWindowsUntilEveryMessageIsSeen() {
        List<Message> messages = new ArrayList<>();
        Instant first = Instant.parse("2025-07-01T09:00:01Z");
        LongStream.range(0, 250).forEach(i -> messages.add(new Message(1000 + i, first.plusSeconds(i * 2))));
        serve(messages);

        SentWindow sent = read();

        assertThat(sent.complete()).isTrue();
        assertThat(sent.messages())
                .hasSize(250)
                .isSortedAccordingTo(
                        Comparator.comparing(SentMessageStats::date).reversed());
        assertThat(sent.messages()).extracting(SentMessageStats::id).doesNotHaveDuplicates();
    }

    @Test
    void crowdedNeighbouringSecondsAreReadSecondBySecond() {
        List<Message> messages = new ArrayList<>();
        Instant busy = Instant.parse("2025-07-01T09:05:00Z");
        LongStream.range(0, 90).forEach(i -> messages.add(new Message(i, busy)));
        LongStream.range(90, 180).forEach(i -> messages.add(new Message(i, busy.plusSeconds(1 + i % 3))));
        serve(messages);

        SentWindow sent = read();

        assertThat(sent.complete()).isTrue();
        assertThat(sent.messages()).hasSize(180);
    }

    @Test
    void moreThanAPageWithinOneSecondIsReportedIncomplete() {
        List<Message> messages = new ArrayList<>();
        LongStream.range(0, 150).forEach(i -> messages.add(new Message(i, Instant.parse("2025-07-01T09:03:00Z"))));
        serve(messages);

        SentWindow sent = read();

        assertThat(sent.complete()).isFalse();
        assertThat(sent.messages()).hasSize(100);
    }

    @Test
    void prefersRawTextAndReadsTheGuidesShape() {
        wire.enqueue(200, """
                {"list": [{"id": 6, "text": "<b>rendered</b>", "rawText": "**New** set", "sentCount": 150,
                           "purchasedCount": 23, "totalAmount": 344.77, "createdAt": "2025-07-01T09:02:00Z"}],
                 "hasMore": false}""");

        assertThat(read().messages()).singleElement().satisfies(stats -> {
            assertThat(stats.id()).isEqualTo(6);
            assertThat(stats.text()).isEqualTo("**New** set");
            assertThat(stats.date()).isEqualTo(Instant.parse("2025-07-01T09:02:00Z"));
        });
    }
}
