package io.masscast.simulator;

import static io.masscast.simulator.SimulatorClient.DEMO;
import static io.masscast.simulator.SimulatorClient.DEMO2;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserListsTest {
    private static final String LISTS = "/v2/access/users/lists";

    @AutoClose
    private final OfAuthSimulator simulator = OfAuthSimulator.start(SimulatorConfig.defaults());

    private final SimulatorClient client = new SimulatorClient(simulator);

    @Test
    void listsMixStringSystemIdsAndNumericCustomIds() {
        List<Map<String, Object>> lists = client.allPages(DEMO, LISTS, 100);

        assertThat(lists)
                .extracting(list -> list.get("id"))
                .contains("fans", "following", "recent", "muted", "expired", 1_187_345.0, 1_190_022.0);
        assertThat(lists)
                .extracting(list -> list.get("name"))
                .contains("Fans", "VIP whales", "Do not PPV", "Big spenders", "New this month", "Tippers");
        assertThat(lists)
                .filteredOn(list -> list.get("id") instanceof Number)
                .allSatisfy(list -> assertThat(list).containsEntry("type", "custom"));
        assertThat(lists).allSatisfy(list -> assertThat(list).containsKeys("usersCount", "sortList", "users"));
    }

    @Test
    void listsPageByOffsetToTheEnd() {
        SimResponse firstPage = client.get(DEMO, LISTS);

        assertThat(firstPage.list("list")).hasSize(10);
        assertThat(firstPage.bool("hasMore")).isTrue();
        SimResponse lastPage = client.get(DEMO, LISTS + "?offset=10");
        assertThat(lastPage.list("list")).hasSize(1);
        assertThat(lastPage.bool("hasMore")).isFalse();
    }

    @Test
    void theQueryFiltersListNamesIgnoringCase() {
        assertThat(client.get(DEMO, LISTS + "?query=vip").list("list"))
                .extracting(list -> list.get("name"))
                .containsExactly("VIP whales");
        assertThat(client.get(DEMO, LISTS + "?query=DO%20NOT").list("list"))
                .extracting(list -> list.get("name"))
                .containsExactly("Do not PPV");
    }

    @Test
    void usersCountMatchesTheMembersPagedToTheEnd() {
        for (Object id : List.of("fans", 1_187_345L, 1_201_457L)) {
            long usersCount = client.get(DEMO, LISTS + "/" + id).number("usersCount");

            assertThat(client.listMemberIds(DEMO, id)).hasSize((int) usersCount).doesNotHaveDuplicates();
        }
    }

    @Test
    void membersPagesCarryNextOffsetUntilTheLast() {
        SimResponse firstPage = client.get(DEMO, LISTS + "/1187345/users");
        long usersCount = client.get(DEMO, LISTS + "/1187345").number("usersCount");

        assertThat(firstPage.list("list")).hasSize(10);
        assertThat(firstPage.number("nextOffset")).isEqualTo(10);
        assertThat(firstPage.list("list").get(0)).containsKeys("id", "username", "name", "isVerified", "avatar");
        SimResponse lastPage = client.get(DEMO, LISTS + "/1187345/users?limit=100");
        assertThat(lastPage.list("list")).hasSize((int) usersCount);
        assertThat(lastPage.bool("hasMore")).isFalse();
        assertThat(lastPage.at("nextOffset")).isNull();
    }

    @Test
    void anotherCreatorHasOtherCustomListIds() {
        assertThat(client.get(DEMO2, LISTS + "/1187345").status()).isEqualTo(404);
        assertThat(client.get(DEMO2, LISTS + "/2187345").string("name")).isEqualTo("VIP whales");
    }

    @Test
    void anUnknownListIsResourceNotFound() {
        SimResponse response = client.get(DEMO, LISTS + "/42");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.string("type")).isEqualTo("RESOURCE_NOT_FOUND");
    }

    @ParameterizedTest
    @ValueSource(strings = {"?limit=0", "?limit=101", "?offset=-1"})
    void pagingOutOfRangeIsABadRequest(String query) {
        assertThat(client.get(DEMO, LISTS + query).status()).isEqualTo(400);
        assertThat(client.get(DEMO, LISTS + "/fans/users" + query).status()).isEqualTo(400);
    }
}
