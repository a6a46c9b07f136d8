package io.masscast.ofauth;

import static io.masscast.ofauth.WireFixture.API_KEY;
import static io.masscast.ofauth.WireFixture.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.model.AccountInfo;
import io.masscast.core.model.ChartSeries;
import io.masscast.core.model.ConnectionInfo;
import io.masscast.core.model.CreatorProfile;
import io.masscast.core.model.Fan;
import io.masscast.core.model.FanList;
import io.masscast.core.model.MessageChart;
import io.masscast.core.model.Page;
import io.masscast.core.model.SentMessageStats;
import io.masscast.core.model.SubscriptionCounts;
import io.masscast.core.model.VaultMedia;
import io.masscast.core.port.CallPriority;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReadEndpointsWireTest {

    private static final CallPriority ANY = CallPriority.INTERACTIVE;

    @RegisterExtension
    final WireFixture wire = new WireFixture();

    @Test
    void userListsSendsLimitOffsetAndQueryAndReadsMixedIds() throws Exception {
        wire.enqueue(200, """
                { "list": [
                   {"id": "fans", "type": "fans", "name": "Fans", "usersCount": 2412, "sortList": [{"order": "recent", "direction": "desc"}], "users": []},
                   {"id": 1187345, "type": "custom", "name": "VIP whales", "usersCount": 37,
                    "users": [{"id": 51277310, "username": "u51277310", "name": "Jake", "isVerified": false, "avatar": null}]},
                   {"id": 1190022, "type": "custom", "name": "Do not PPV", "sortList": [], "users": []} ],
                  "hasMore": true }""");

        Page<FanList> page = wire.client.userLists(CONNECTION, Optional.of("vip"), 3, 6, ANY);

        RecordedRequest request = wire.takeAccess("GET", "/v2/access/users/lists");
        assertThat(request.getUrl().query()).isEqualTo("limit=3&offset=6&query=vip");
        assertThat(page.items())
                .containsExactly(
                        new FanList("fans", "Fans", "fans", Optional.of(2412L)),
                        new FanList("1187345", "VIP whales", "custom", Optional.of(37L)),
                        new FanList("1190022", "Do not PPV", "custom", Optional.empty()));
        assertThat(page.next()).contains(9L);
    }

    @Test
    void userListsAsTheGuidesBareArrayIsOneLastPageAndNoQueryIsSentWhenNoneIsGiven() throws Exception {
        wire.enqueue(200, "[{\"id\": 1, \"name\": \"Active\"}, {\"id\": \"fans\", \"name\": \"Fans\"}]");

        Page<FanList> page = wire.client.userLists(CONNECTION, Optional.empty(), 100, 0, ANY);

        assertThat(wire.takeAccess("GET", "/v2/access/users/lists").getUrl().query())
                .isEqualTo("limit=100&offset=0");
        assertThat(page.items()).extracting(FanList::id).containsExactly("1", "fans");
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void userListReadsOneListByItsId() throws Exception {
        wire.enqueue(200, "{\"id\": \"fans\", \"type\": \"fans\", \"name\": \"Fans\", \"usersCount\": \"2412\"}");

        FanList list = wire.client.userList(CONNECTION, "fans", ANY);

        assertThat(wire.takeAccess("GET", "/v2/access/users/lists/fans")
                        .getUrl()
                        .querySize())
                .isZero();
        assertThat(list).isEqualTo(new FanList("fans", "Fans", "fans", Optional.of(2412L)));
    }

    @Test
    void listMembersFollowsNextOffset() throws Exception {
        wire.enqueue(200, """
                {"list": [{"id": 51277310, "username": "u51277310", "name": "Jake"}, {"id": "60041892", "username": "dan.k"}],
                 "hasMore": true, "nextOffset": 12}""");

        Page<Fan> page = wire.client.listMembers(CONNECTION, "1187345", 2, 10, ANY);

        RecordedRequest request = wire.takeAccess("GET", "/v2/access/users/lists/1187345/users");
        assertThat(request.getUrl().query()).isEqualTo("limit=2&offset=10");
        assertThat(page.items())
                .containsExactly(new Fan("51277310", "u51277310", "Jake"), new Fan("60041892", "dan.k", "dan.k"));
        assertThat(page.next()).contains(12L);
    }

    @Test
    void offsetPagingEndsOnAnEmptyPageOrACursorThatDoesNotMove() {
        wire.enqueue(200, "{\"list\": [], \"hasMore\": true}");
        wire.enqueue(200, "{\"list\": [{\"id\": 1}], \"hasMore\": true, \"nextOffset\": 10}");
        wire.enqueue(200, "{\"items\": [{\"id\": 1}], \"hasMore\": false, \"nextOffset\": 11}");

        assertThat(wire.client.listMembers(CONNECTION, "1", 10, 10, ANY).next()).isEmpty();
        assertThat(wire.client.listMembers(CONNECTION, "1", 10, 10, ANY).next()).isEmpty();
        assertThat(wire.client.listMembers(CONNECTION, "1", 10, 10, ANY).next()).isEmpty();
    }

    @Test
    void sentMessagesSendsTheWindowAndReadsTheSchemaShapeNewestFirst() throws Exception {
        wire.enqueue(200, """
                { "hasMore": false, "items": [
                   { "id": 1001, "date": "2025-06-30T10:00:00+00:00", "text": "<p>Older</p>", "rawText": "Older",
                     "isFree": false, "mediaCount": 2, "media": [], "previews": [], "viewedCount": 50, "sentCount": 120,
                     "isCanceled": false, "canUnsend": false, "unsendSeconds": 0, "price": "12.50", "purchasedCount": 4,
                     "releaseForms": [], "canSendMessageToBuyers": true },
                   { "id": "1002", "date": "2025-07-01T08:00:00.000Z", "text": "Newer", "media": [{"id": 1}], "price": 5,
                     "sentCount": 10, "purchasedCount": 1, "canUnsend": true, "unsendSeconds": 300 } ] }""");

        List<SentMessageStats> sent = wire.client.sentMessages(
                CONNECTION,
                Instant.parse("2025-06-01T00:00:00Z"),
                Instant.parse("2025-07-01T09:00:00.500Z"),
                20,
                CallPriority.BACKGROUND);

        RecordedRequest request = wire.takeAccess("GET", "/v2/access/analytics/mass-messages/sent");
        assertThat(request.getUrl().queryParameter("startDate")).isEqualTo("2025-06-01T00:00:00Z");
        assertThat(request.getUrl().queryParameter("endDate")).isEqualTo("2025-07-01T09:00:01Z");
        assertThat(request.getUrl().queryParameter("limit")).isEqualTo("20");
        assertThat(request.getUrl().querySize()).isEqualTo(3);
        assertThat(sent)
                .containsExactly(
                        new SentMessageStats(
                                1002,
                                Instant.parse("2025-07-01T08:00:00Z"),
                                "Newer",
                                10,
                                0,
                                1,
                                new BigDecimal("5"),
                                Optional.empty(),
                                1,
                                false,
                                true,
                                300),
                        new SentMessageStats(
                                1001,
                                Instant.parse("2025-06-30T10:00:00Z"),
                                "Older",
                                120,
                                50,
                                4,
                                new BigDecimal("12.50"),
                                Optional.empty(),
                                2,
                                false,
                                false,
                                0));
        assertThat(sent.get(1).revenue()).isEqualByComparingTo("50.00");
    }

    @Test
    void sentMessagesReadsTheGuidesShapeWithTotalAmountAndCreatedAt() {
        wire.enqueue(200, """
                { "list": [ { "id": 12345, "text": "Hey everyone!", "sentCount": 150, "purchasedCount": 23,
                              "totalAmount": 344.77, "createdAt": "2024-01-15T10:30:00Z" } ],
                  "hasMore": true }""");

        List<SentMessageStats> sent = wire.client.sentMessages(
                CONNECTION, Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-02-01T00:00:00Z"), 10, ANY);

        assertThat(sent)
                .containsExactly(new SentMessageStats(
                        12345,
                        Instant.parse("2024-01-15T10:30:00Z"),
                        "Hey everyone!",
                        150,
                        0,
                        23,
                        BigDecimal.ZERO,
                        Optional.of(new BigDecimal("344.77")),
                        0,
                        false,
                        false,
                        0));
        assertThat(sent.get(0).revenue()).isEqualByComparingTo("344.77");
    }

    @Test
    void anAmountFieldWinsOverTotalAmount() {
        wire.enqueue(200, """
                {"items": [{"id": 1, "date": "2025-07-01T08:00:00Z", "amount": "10.00", "totalAmount": 99}]}""");

        List<SentMessageStats> sent = wire.client.sentMessages(CONNECTION, Instant.EPOCH, Instant.EPOCH, 1, ANY);

        assertThat(sent.get(0).amount()).contains(new BigDecimal("10.00"));
    }

    @Test
    void purchasedMessagesPagesByOffset() throws Exception {
        wire.enqueue(200, """
                {"hasMore": true, "items": [{"id": 7, "date": "2025-07-01T08:00:00Z", "text": "PPV", "price": "20.00",
                  "purchasedCount": 3, "sentCount": 40}]}""");

        Page<SentMessageStats> page = wire.client.purchasedMessages(CONNECTION, 1, 4, CallPriority.BACKGROUND);

        assertThat(wire.takeAccess("GET", "/v2/access/analytics/mass-messages/purchased")
                        .getUrl()
                        .query())
                .isEqualTo("limit=1&offset=4");
        assertThat(page.items())
                .extracting(SentMessageStats::id, SentMessageStats::revenue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(7L, new BigDecimal("60.00")));
        assertThat(page.next()).contains(5L);
    }

    @Test
    void buyersSendNoMarkerOnTheFirstPageAndFollowNextMarker() throws Exception {
        wire.enqueue(200, """
                { "list": [ {"id": 51277310, "username": "u51277310", "name": "Jake", "isVerified": false, "avatar": null, "avatarThumbs": null},
                            {"id": 60041892, "username": "dan.k", "name": "Dan", "avatarThumbs": {"c50": "https://x/50", "c144": "https://x/144"}} ],
                  "hasMore": true, "nextMarker": 1751360001 }""");
        wire.enqueue(200, "{\"list\": [{\"id\": 1, \"username\": \"a\"}], \"hasMore\": false, \"nextMarker\": null}");

        Page<Fan> first = wire.client.buyers(CONNECTION, 3409917724L, Optional.empty(), 2, ANY);
        Page<Fan> second = wire.client.buyers(CONNECTION, 3409917724L, first.next(), 2, ANY);

        String path = "/v2/access/analytics/mass-messages/3409917724/buyers";
        assertThat(wire.takeAccess("GET", path).getUrl().query()).isEqualTo("limit=2");
        assertThat(wire.takeAccess("GET", path).getUrl().query()).isEqualTo("limit=2&marker=1751360001");
        assertThat(first.items()).extracting(Fan::id).containsExactly("51277310", "60041892");
        assertThat(first.next()).contains(1751360001L);
        assertThat(second.next()).isEmpty();
    }

    @Test
    void buyersReadTheOlderMarkerFieldAndTheGuidesAmount() {
        wire.enqueue(200, """
                {"list": [{"id": 5, "username": "whale", "amount": 14.99}], "hasMore": true, "marker": "77"}""");

        Page<Fan> page = wire.client.buyers(CONNECTION, 1, Optional.empty(), 10, ANY);

        assertThat(page.items()).containsExactly(new Fan("5", "whale", "whale"));
        assertThat(page.next()).contains(77L);
    }

    @Test
    void markerPagingEndsWhenTheMarkerDoesNotMoveOrIsMissing() {
        wire.enqueue(200, "{\"list\": [{\"id\": 5}], \"hasMore\": true, \"nextMarker\": 77}");
        wire.enqueue(200, "{\"list\": [{\"id\": 5}], \"hasMore\": true}");
        wire.enqueue(200, "{\"list\": [], \"hasMore\": true, \"nextMarker\": 78}");

        assertThat(wire.client.buyers(CONNECTION, 1, Optional.of(77L), 10, ANY).next())
                .isEmpty();
        assertThat(wire.client.buyers(CONNECTION, 1, Optional.of(77L), 10, ANY).next())
                .isEmpty();
        assertThat(wire.client.buyers(CONNECTION, 1, Optional.of(77L), 10, ANY).next())
                .isEmpty();
    }

    @Test
    void chartSendsTheWindowAndReadsFourSeries() throws Exception {
        wire.enqueue(200, """
                { "group_messages": {"chart": [{"date": "2025-06-30", "count": 2}, {"date": "2025-07-01T00:00:00+00:00", "count": "3"}], "total": 5, "delta": 10},
                  "group_messages_purchases": {"chart": [{"date": "2025-07-01", "count": 1}], "total": 1, "gross": 12.5},
                  "direct_messages": {"chart": [], "total": 0},
                  "direct_messages_purchases": {"chart": [], "total": 0} }""");

        MessageChart chart = wire.client.chart(
                CONNECTION,
                Instant.parse("2025-06-30T00:00:00Z"),
                Instant.parse("2025-07-01T23:59:59Z"),
                CallPriority.BACKGROUND);

        RecordedRequest request = wire.takeAccess("GET", "/v2/access/analytics/mass-messages/chart");
        assertThat(request.getUrl().query()).isEqualTo("startDate=2025-06-30T00:00:00Z&endDate=2025-07-01T23:59:59Z");
        assertThat(chart.groupMessages())
                .isEqualTo(new ChartSeries(
                        List.of(
                                new ChartSeries.Point(LocalDate.parse("2025-06-30"), 2),
                                new ChartSeries.Point(LocalDate.parse("2025-07-01"), 3)),
                        5));
        assertThat(chart.groupPurchases().total()).isEqualTo(1);
        assertThat(chart.directMessages()).isEqualTo(new ChartSeries(List.of(), 0));
    }

    @Test
    void chartWithMissingSeriesReadsThemAsEmpty() {
        wire.enqueue(200, "{\"group_messages\": {\"chart\": [], \"total\": 0}}");

        MessageChart chart = wire.client.chart(CONNECTION, Instant.EPOCH, Instant.EPOCH, ANY);

        assertThat(chart.directPurchases()).isEqualTo(new ChartSeries(List.of(), 0));
    }

    @Test
    void subscriptionCountsReadTheSubscribers() throws Exception {
        wire.enqueue(200, """
                { "subscriptions": {"active": 3, "muted": 0, "restricted": 0, "expired": 1, "blocked": 0, "attention": 0, "all": 4},
                  "subscribers": {"active": 2412, "muted": 2, "restricted": 1, "expired": 900, "blocked": 3, "all": 3312, "activeOnline": 17},
                  "bookmarks": 5 }""");

        SubscriptionCounts counts = wire.client.subscriptionCounts(CONNECTION, ANY);

        assertThat(wire.takeAccess("GET", "/v2/access/subscriptions/count")
                        .getUrl()
                        .querySize())
                .isZero();
        assertThat(counts).isEqualTo(new SubscriptionCounts(2412, 900, 3312));
    }

    @Test
    void vaultMediaPagesByOffset() throws Exception {
        wire.enqueue(200, """
                {"list": [{"id": 48213377, "type": "photo", "createdAt": "2025-05-02T14:03:11+00:00", "canView": true},
                          {"id": "48213378", "type": "video"}], "hasMore": true}""");

        Page<VaultMedia> page = wire.client.vaultMedia(CONNECTION, 2, 0, ANY);

        assertThat(wire.takeAccess("GET", "/v2/access/vault/media").getUrl().query())
                .isEqualTo("limit=2&offset=0");
        assertThat(page.items())
                .containsExactly(
                        new VaultMedia(48213377, "photo", Optional.of(Instant.parse("2025-05-02T14:03:11Z"))),
                        new VaultMedia(48213378, "video", Optional.empty()));
        assertThat(page.next()).contains(2L);
    }

    @Test
    void selfReadsBothSchemaVariants() throws Exception {
        wire.enqueue(200, """
                {"id": 88123401, "username": "mila.x", "name": "Mila", "isAuth": true, "isVerified": true, "avatar": null,
                 "subscribersCount": null, "postsCount": 10, "photosCount": 5, "videosCount": 2}""");
        wire.enqueue(200, "{\"isAuth\": false}");

        CreatorProfile full = wire.client.self(CONNECTION, ANY);
        CreatorProfile bare = wire.client.self(CONNECTION, ANY);

        wire.takeAccess("GET", "/v2/access/self");
        assertThat(full).isEqualTo(new CreatorProfile("88123401", "mila.x", "Mila", true));
        assertThat(bare).isEqualTo(new CreatorProfile("", "", "", false));
    }

    @Test
    void whoamiSendsOnlyTheApiKey() throws Exception {
        wire.enqueue(
                200, "{\"id\": \"org_7Qm2xY\", \"name\": \"Acme Agency\", \"permissions\": [\"access\", \"account\"]}");

        AccountInfo account = wire.client.whoami();

        RecordedRequest request = wire.take();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/v2/account/whoami");
        assertThat(request.getHeaders().get("apiKey")).isEqualTo(API_KEY);
        assertThat(request.getHeaders().names()).doesNotContain("x-connection-id");
        assertThat(account).isEqualTo(new AccountInfo("org_7Qm2xY", "Acme Agency", List.of("access", "account")));
    }

    @Test
    void connectionsSendStatusLimitOffsetWithoutAConnectionHeader() throws Exception {
        wire.enqueue(200, """
                { "list": [ { "id": "conn_abc123", "status": "active",
                      "userData": {"id": "88123401", "name": "Mila", "username": "mila.x", "avatar": null},
                      "permissions": ["messages:read", "messages:write"], "expiredAt": null,
                      "createdAt": "2025-05-02T14:03:11.000Z", "updatedAt": "2025-06-30T08:00:00.000Z",
                      "clientReferenceId": "tenant-42", "imported": false, "lastCheckedAt": "2025-07-01T08:59:12.000Z" },
                    { "id": "conn_old", "status": "expired", "userData": null, "permissions": [],
                      "expiredAt": "2025-06-01T00:00:00.000Z" } ],
                  "hasMore": false }""");
        wire.enqueue(200, "{\"list\": [], \"hasMore\": false}");

        Page<ConnectionInfo> page = wire.client.connections(Optional.of("active"), 1, 0);
        wire.client.connections(Optional.empty(), 50, 100);

        RecordedRequest first = wire.take();
        assertThat(first.getUrl().encodedPath()).isEqualTo("/v2/account/connections");
        assertThat(first.getUrl().query()).isEqualTo("status=active&limit=1&offset=0");
        assertThat(first.getHeaders().get("apiKey")).isEqualTo(API_KEY);
        assertThat(first.getHeaders().names()).doesNotContain("x-connection-id");
        assertThat(wire.take().getUrl().query()).isEqualTo("limit=50&offset=100");
        assertThat(page.items())
                .containsExactly(
                        new ConnectionInfo(
                                "conn_abc123",
                                "active",
                                "Mila",
                                "mila.x",
                                List.of("messages:read", "messages:write"),
                                Optional.empty()),
                        new ConnectionInfo(
                                "conn_old",
                                "expired",
                                "",
                                "",
                                List.of(),
                                Optional.of(Instant.parse("2025-06-01T00:00:00Z"))));
        assertThat(page.hasMore()).isFalse();
    }

    @Test
    void allUserListsWalksEveryPage() {
        wire.enqueue(
                200, "{\"list\": [{\"id\": 1, \"name\": \"a\"}, {\"id\": 2, \"name\": \"b\"}], \"hasMore\": true}");
        wire.enqueue(200, "{\"list\": [{\"id\": 3, \"name\": \"c\"}], \"hasMore\": false}");

        assertThat(wire.client.allUserLists(CONNECTION, ANY))
                .extracting(FanList::id)
                .containsExactly("1", "2", "3");
    }
}
