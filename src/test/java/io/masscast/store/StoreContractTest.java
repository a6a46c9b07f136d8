package io.masscast.store;

import static io.masscast.store.StoreTestData.CHANNEL;
import static io.masscast.store.StoreTestData.T0;
import static io.masscast.store.StoreTestData.TRICKY_TEXT;
import static io.masscast.store.StoreTestData.aCampaign;
import static io.masscast.store.StoreTestData.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.masscast.config.DatabaseSettings;
import io.masscast.core.model.Approval;
import io.masscast.core.model.AuditEvent;
import io.masscast.core.model.Binding;
import io.masscast.core.model.BindingPolicy;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.Lease;
import io.masscast.core.model.MessageContent;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.Platform;
import io.masscast.core.port.ApprovalStore;
import io.masscast.core.port.AuditStore;
import io.masscast.core.port.BindingStore;
import io.masscast.core.port.CampaignStore;
import io.masscast.core.port.CardRefStore;
import io.masscast.core.port.LeaseStore;
import io.masscast.core.port.OutboxStore;
import io.masscast.core.port.Stores;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every database must show behind the store ports. Subclasses say which database;
 * each test gets a new, migrated one.
 */
abstract class StoreContractTest {

    private static final Duration TTL = Duration.ofMinutes(1);

    protected DatabaseSettings config;
    protected Database db;

    /** A new, empty database for one test. */
    protected abstract DatabaseSettings freshDatabase();

    @BeforeEach
    void openDatabase() {
        config = freshDatabase();
        db = Database.open(config);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    <T> T tx(Function<Stores, T> work) {
        return db.inTransaction(work);
    }

    void run(Consumer<Stores> work) {
        db.inTransaction(stores -> {
            work.accept(stores);
            return null;
        });
    }

    Campaign insert(Campaign campaign) {
        return campaigns().insert(campaign);
    }

    // Views of each store whose every call is one transaction of its own, for steps that need no more.

    BindingStore bindings() {
        return eachCallCommitted(BindingStore.class, Stores::bindings);
    }

    CampaignStore campaigns() {
        return eachCallCommitted(CampaignStore.class, Stores::campaigns);
    }

    ApprovalStore approvals() {
        return eachCallCommitted(ApprovalStore.class, Stores::approvals);
    }

    AuditStore audit() {
        return eachCallCommitted(AuditStore.class, Stores::audit);
    }

    OutboxStore outbox() {
        return eachCallCommitted(OutboxStore.class, Stores::outbox);
    }

    CardRefStore cards() {
        return eachCallCommitted(CardRefStore.class, Stores::cards);
    }

    LeaseStore leases() {
        return eachCallCommitted(LeaseStore.class, Stores::leases);
    }

    private <S> S eachCallCommitted(Class<S> type, Function<Stores, S> store) {
        InvocationHandler handler = (proxy, method, args) -> db.inTransaction(stores -> {
            try {
                return method.invoke(store.apply(stores), args);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        });
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    @Nested
    class Transactions {

        @Test
        void workIsCommittedWhenItReturns() {
            long id = insert(aCampaign().build()).id();

            assertThat(campaigns().find(id)).isPresent();
        }

        @Test
        void workIsRolledBackWhenItThrowsAndTheSameExceptionPropagates() {
            IllegalStateException boom = new IllegalStateException("boom");

            assertThatThrownBy(() -> run(stores -> {
                        stores.campaigns().insert(aCampaign().build());
                        stores.leases().acquire("job", "me", T0, Duration.ofMinutes(1));
                        throw boom;
                    }))
                    .isSameAs(boom);

            assertThat(campaigns().inStates(EnumSet.allOf(CampaignState.class), 10))
                    .isEmpty();
            assertThat(leases().find("job")).isEmpty();
        }

        @Test
        void aFailedStatementBecomesAStoreExceptionWithoutValuesAndRollsBack() {
            String secretish = "approver-with-a-secret-name";

            assertThatThrownBy(() -> tx(stores -> {
                        stores.leases().acquire("job", "me", T0, Duration.ofMinutes(1));
                        // foreign keys are on: there is no campaign 999
                        return stores.approvals().add(new Approval(999, secretish, secretish, "fp", T0));
                    }))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("Could not add approval")
                    .satisfies(e -> assertThat(fullText(e)).doesNotContain(secretish));

            assertThat(leases().find("job")).isEmpty();
        }

        @Test
        void transactionsDoNotNest() {
            assertThatThrownBy(() -> tx(outer -> tx(inner -> inner.leases().find("x"))))
                    .isInstanceOf(IllegalStateException.class);

            assertThat(leases().find("x")).isEmpty();
        }

        @Test
        void theDatabaseIsReachableUntilClosed() {
            assertThat(db.isReachable()).isTrue();

            db.close();

            assertThat(db.isReachable()).isFalse();
        }

        private static String fullText(Throwable e) {
            StringBuilder text = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                text.append(t).append('\n');
            }
            return text.toString();
        }
    }

    @Nested
    class Migrations {

        @Test
        void aFreshDatabaseIsMigratedAndASecondStartChangesNothing() throws SQLException {
            long id = insert(aCampaign().build()).id();
            List<String> historyBefore = appliedMigrations();
            db.close();

            db = Database.open(config);

            assertThat(historyBefore).startsWith("1", "2", "3", "4").doesNotHaveDuplicates();
            assertThat(appliedMigrations()).isEqualTo(historyBefore);
            assertThat(campaigns().find(id)).isPresent();
        }

        private List<String> appliedMigrations() throws SQLException {
            try (Connection connection = TestDatabases.connect(config);
                    PreparedStatement statement = connection.prepareStatement(
                            "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank");
                    ResultSet rows = statement.executeQuery()) {
                List<String> versions = new ArrayList<>();
                while (rows.next()) {
                    versions.add(rows.getString(1));
                }
                return versions;
            }
        }
    }

    @Nested
    class Bindings {

        @Test
        void anUnboundChannelHasNoBinding() {
            assertThat(bindings().find(CHANNEL)).isEmpty();
        }

        @Test
        void aBindingRoundTripsEveryField() {
            Binding binding = StoreTestData.fullBinding(CHANNEL);

            run(stores -> stores.bindings().save(binding));

            assertThat(bindings().find(CHANNEL)).contains(binding);
        }

        @Test
        void aBindingWithDefaultPolicyAndNoApproversRoundTrips() {
            Binding binding = StoreTestData.plainBinding(CHANNEL);

            run(stores -> stores.bindings().save(binding));

            assertThat(bindings().find(CHANNEL)).contains(binding);
        }

        @Test
        void aBindingWithTheRepeatGuardOffRoundTrips() {
            Binding binding = StoreTestData.plainBinding(CHANNEL)
                    .withPolicy(BindingPolicy.defaults().withRepeatWindow(Optional.empty()));

            run(stores -> stores.bindings().save(binding));

            assertThat(bindings().find(CHANNEL)).contains(binding);
        }

        @Test
        void savingAgainReplacesTheChannelsBinding() {
            Binding first = StoreTestData.fullBinding(CHANNEL);
            Binding second = first.withPolicy(BindingPolicy.defaults()).withApprovers(Set.of("U9"));

            run(stores -> {
                stores.bindings().save(first);
                stores.bindings().save(second);
            });

            assertThat(bindings().all()).containsExactly(second);
        }

        @Test
        void allListsTheBindingsOfEveryChannel() {
            Binding discord = StoreTestData.plainBinding(new ChannelRef(Platform.DISCORD, "G1", "100"));
            Binding slackB = StoreTestData.plainBinding(new ChannelRef(Platform.SLACK, "T1", "CB"));
            Binding slackA = StoreTestData.plainBinding(new ChannelRef(Platform.SLACK, "T1", "CA"));

            run(stores -> {
                List.of(discord, slackB, slackA).forEach(stores.bindings()::save);
            });

            assertThat(bindings().all()).containsExactly(discord, slackA, slackB);
        }
    }

    @Nested
    class Campaigns {

        @Test
        void insertAssignsIdNumberAndFirstVersionAndIgnoresTheGivenOnes() {
            Campaign given = new Campaign(
                    77,
                    42,
                    CHANNEL,
                    "conn",
                    "U1",
                    "",
                    MessageContent.text("x"),
                    aCampaign().build().audience(),
                    Optional.empty(),
                    CampaignState.PENDING_APPROVAL,
                    "fp",
                    9,
                    T0,
                    T0,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());

            Campaign stored = insert(given);

            assertThat(stored.id()).isPositive().isNotEqualTo(77);
            assertThat(stored.number()).isEqualTo(1);
            assertThat(stored.version()).isEqualTo(1);
            assertThat(stored).isEqualTo(stored(given, stored.id(), 1, 1));
        }

        @Test
        void everyFieldRoundTripsWithOptionalsPresent() {
            Campaign full = StoreTestData.fullCampaign();

            Campaign inserted = insert(full);

            assertThat(campaigns().find(inserted.id())).contains(stored(full, inserted.id(), 1, 1));
        }

        @Test
        void everyFieldRoundTripsWithOptionalsEmpty() {
            Campaign plain = aCampaign().build();

            Campaign inserted = insert(plain);

            assertThat(campaigns().find(inserted.id())).contains(stored(plain, inserted.id(), 1, 1));
        }

        @Test
        void pricesKeepTheirExactValueAndScale() {
            List<BigDecimal> prices = List.of(
                    new BigDecimal("3"),
                    new BigDecimal("3.00"),
                    new BigDecimal("199.99"),
                    new BigDecimal("0.001"),
                    new BigDecimal("1E+3"),
                    new BigDecimal("12345678901234567890.123456789"));

            for (BigDecimal price : prices) {
                Campaign campaign = withPrice(aCampaign().build(), price);
                long id = insert(campaign).id();

                BigDecimal storedPrice =
                        campaigns().find(id).orElseThrow().content().price();
                assertThat(storedPrice).isEqualTo(price).hasScaleOf(price.scale());
            }
        }

        @Test
        void instantsAreKeptToTheMillisecond() {
            Instant precise = Instant.parse("2025-03-01T10:00:00.123456789Z");

            Campaign stored = insert(aCampaign().createdAt(precise).build());

            assertThat(stored.createdAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00.123Z"));
        }

        @Test
        void numbersCountUpPerWorkspaceAndPlatformIndependently() {
            ChannelRef otherChannelSameWorkspace = new ChannelRef(Platform.SLACK, CHANNEL.workspaceId(), "C-other");
            ChannelRef otherWorkspace = new ChannelRef(Platform.SLACK, "T-other", "C1");
            ChannelRef samIdOnDiscord = new ChannelRef(Platform.DISCORD, CHANNEL.workspaceId(), "C1");

            List<Integer> numbers = List.of(
                    insert(aCampaign().in(CHANNEL).build()).number(),
                    insert(aCampaign().in(otherChannelSameWorkspace).build()).number(),
                    insert(aCampaign().in(otherWorkspace).build()).number(),
                    insert(aCampaign().in(CHANNEL).build()).number(),
                    insert(aCampaign().in(samIdOnDiscord).build()).number(),
                    insert(aCampaign().in(otherWorkspace).build()).number());

            assertThat(numbers).containsExactly(1, 2, 1, 3, 1, 2);
        }

        @Test
        void aCampaignIsFoundByItsNumberInItsWorkspace() {
            insert(aCampaign().build());
            Campaign second = insert(aCampaign().build());

            assertThat(campaigns().findByNumber(Platform.SLACK, CHANNEL.workspaceId(), 2))
                    .contains(second);
            assertThat(campaigns().findByNumber(Platform.SLACK, "T-other", 2)).isEmpty();
            assertThat(campaigns().findByNumber(Platform.DISCORD, CHANNEL.workspaceId(), 2))
                    .isEmpty();
            assertThat(campaigns().findByNumber(Platform.SLACK, CHANNEL.workspaceId(), 3))
                    .isEmpty();
        }

        @Test
        void anUnknownIdIsNotFound() {
            assertThat(campaigns().find(12345)).isEmpty();
        }

        @Test
        void updateStoresEveryChangeableFieldAndBumpsTheVersion() {
            Campaign inserted = insert(aCampaign().build());
            Campaign full = StoreTestData.fullCampaign();
            Campaign changed = inserted.change()
                    .content(full.content(), full.audience(), full.scheduledAt(), "fp-2")
                    .state(CampaignState.SENT)
                    .ofauthMessageId(Optional.of(55L))
                    .requestStartedAt(Optional.of(T0.plusSeconds(1)))
                    .sentAt(Optional.of(T0.plusSeconds(2)))
                    .unsendableUntil(Optional.of(T0.plusSeconds(3)))
                    .note(Optional.of(TRICKY_TEXT))
                    .apply(T0.plusSeconds(4));

            Optional<Campaign> updated = campaigns().update(changed);

            Campaign expected = stored(changed, inserted.id(), inserted.number(), 2);
            assertThat(updated).contains(expected);
            assertThat(campaigns().find(inserted.id())).contains(expected);
        }

        @Test
        void updateCanEmptyOptionalFieldsAgain() {
            Campaign inserted = insert(StoreTestData.fullCampaign());
            Campaign changed = inserted.change()
                    .content(inserted.content(), inserted.audience(), Optional.empty(), inserted.fingerprint())
                    .ofauthMessageId(Optional.empty())
                    .requestStartedAt(Optional.empty())
                    .sentAt(Optional.empty())
                    .unsendableUntil(Optional.empty())
                    .note(Optional.empty())
                    .apply(T0.plusSeconds(100));

            assertThat(campaigns().update(changed)).contains(stored(changed, inserted.id(), inserted.number(), 2));
        }

        @Test
        void aStaleUpdateReturnsEmptyAndWritesNothing() {
            Campaign inserted = insert(aCampaign().build());
            Campaign first = campaigns()
                    .update(inserted.change().state(CampaignState.APPROVED).apply(T0.plusSeconds(1)))
                    .orElseThrow();

            Optional<Campaign> stale = campaigns()
                    .update(inserted.change().state(CampaignState.REJECTED).apply(T0.plusSeconds(2)));

            assertThat(stale).isEmpty();
            assertThat(campaigns().find(inserted.id())).contains(first);
            assertThat(first.version()).isEqualTo(2);
        }

        @Test
        void updatingAnUnknownCampaignReturnsEmpty() {
            Campaign ghost = stored(aCampaign().build(), 999, 1, 1);

            assertThat(campaigns().update(ghost)).isEmpty();
        }

        @Test
        void inStatesListsLeastRecentlyUpdatedFirstUpToTheLimit() {
            Campaign late = insert(aCampaign()
                    .state(CampaignState.APPROVED)
                    .updatedAt(T0.plusSeconds(30))
                    .build());
            Campaign early = insert(aCampaign()
                    .state(CampaignState.IN_DOUBT)
                    .updatedAt(T0.plusSeconds(10))
                    .build());
            Campaign middle = insert(aCampaign()
                    .state(CampaignState.APPROVED)
                    .updatedAt(T0.plusSeconds(20))
                    .build());
            insert(aCampaign()
                    .state(CampaignState.PENDING_APPROVAL)
                    .updatedAt(T0)
                    .build());

            Set<CampaignState> states = EnumSet.of(CampaignState.APPROVED, CampaignState.IN_DOUBT);
            assertThat(campaigns().inStates(states, 10)).containsExactly(early, middle, late);
            assertThat(campaigns().inStates(states, 2)).containsExactly(early, middle);
            assertThat(campaigns().inStates(Set.of(CampaignState.SENT), 10)).isEmpty();
            assertThat(campaigns().inStates(Set.of(), 10)).isEmpty();
        }

        @Test
        void inChannelListsTheChannelsCampaignsNewestFirst() {
            ChannelRef otherChannel = new ChannelRef(Platform.SLACK, CHANNEL.workspaceId(), "C-other");
            Campaign oldest = insert(aCampaign().createdAt(T0).build());
            Campaign newest = insert(aCampaign().createdAt(T0.plusSeconds(20)).build());
            Campaign middle = insert(aCampaign().createdAt(T0.plusSeconds(10)).build());
            insert(aCampaign().in(otherChannel).createdAt(T0.plusSeconds(30)).build());
            insert(aCampaign()
                    .state(CampaignState.SENT)
                    .createdAt(T0.plusSeconds(40))
                    .build());

            Set<CampaignState> pending = Set.of(CampaignState.PENDING_APPROVAL);
            assertThat(campaigns().inChannel(CHANNEL, pending, 10)).containsExactly(newest, middle, oldest);
            assertThat(campaigns().inChannel(CHANNEL, pending, 1)).containsExactly(newest);
            assertThat(campaigns().inChannel(CHANNEL, Set.of(), 10)).isEmpty();
        }

        @Test
        void committedSendsAreFoundByTheirSendTimeInAHalfOpenWindow() {
            Instant from = T0;
            Instant to = T0.plus(Duration.ofDays(1));
            Campaign scheduled = insert(
                    aCampaign().state(CampaignState.SCHEDULED).scheduledAt(from).build());
            Campaign sent = insert(aCampaign()
                    .state(CampaignState.SENT)
                    .sentAt(T0.plusSeconds(60))
                    .build());
            Campaign submitting = insert(aCampaign()
                    .state(CampaignState.SUBMITTING)
                    .requestStartedAt(T0.plusSeconds(120))
                    .build());
            Campaign approved = insert(aCampaign()
                    .state(CampaignState.APPROVED)
                    .updatedAt(T0.plusSeconds(180))
                    .build());
            insert(aCampaign().state(CampaignState.SCHEDULED).scheduledAt(to).build()); // window end is exclusive
            insert(aCampaign()
                    .state(CampaignState.SENT)
                    .sentAt(from.minusMillis(1))
                    .build());
            insert(aCampaign()
                    .state(CampaignState.CANCELLED)
                    .scheduledAt(T0.plusSeconds(5))
                    .build());
            insert(aCampaign()
                    .state(CampaignState.FAILED)
                    .updatedAt(T0.plusSeconds(5))
                    .build());
            insert(aCampaign()
                    .state(CampaignState.PENDING_APPROVAL)
                    .scheduledAt(T0.plusSeconds(5))
                    .build());
            insert(aCampaign()
                    .connection("conn-other")
                    .state(CampaignState.SENT)
                    .sentAt(T0.plusSeconds(5))
                    .build());

            assertThat(campaigns().committedSends("conn-lola", from, to))
                    .containsExactly(scheduled, sent, submitting, approved);
        }

        @Test
        void committedSendsFollowTheSendTimeThroughUpdates() {
            Campaign pending =
                    insert(aCampaign().scheduledAt(T0.plus(Duration.ofDays(3))).build());
            Campaign approved = campaigns()
                    .update(pending.change()
                            .content(pending.content(), pending.audience(), Optional.of(T0.plusSeconds(60)), "fp-2")
                            .state(CampaignState.APPROVED)
                            .apply(T0.plusSeconds(1)))
                    .orElseThrow();

            assertThat(campaigns().committedSends("conn-lola", T0, T0.plusSeconds(61)))
                    .containsExactly(approved);
        }

        private static Campaign withPrice(Campaign campaign, BigDecimal price) {
            MessageContent content = campaign.content();
            MessageContent priced = new MessageContent(
                    content.text(),
                    content.markdown(),
                    content.lockedText(),
                    content.media(),
                    content.previewCount(),
                    price);
            return campaign.change()
                    .content(priced, campaign.audience(), campaign.scheduledAt(), "fp")
                    .apply(campaign.updatedAt());
        }
    }

    @Nested
    class Approvals {

        @Test
        void approvalsOfAFingerprintAreListedOldestFirst() {
            long id = insert(aCampaign().build()).id();
            Approval second = new Approval(id, "U2", "Bea 🐝", "fp-1", T0.plusSeconds(2));
            Approval first = new Approval(id, "U1", "", "fp-1", T0.plusSeconds(1));
            Approval otherFingerprint = new Approval(id, "U3", "Cy", "fp-0", T0);

            List<Boolean> added = tx(stores -> List.of(
                    stores.approvals().add(second),
                    stores.approvals().add(first),
                    stores.approvals().add(otherFingerprint)));

            assertThat(added).containsExactly(true, true, true);
            assertThat(approvals().forCampaign(id, "fp-1")).containsExactly(first, second);
            assertThat(first.approverName()).isEqualTo("U1");
        }

        @Test
        void theSameApproverCannotApproveTheSameFingerprintTwice() {
            long id = insert(aCampaign().build()).id();
            Approval approval = new Approval(id, "U1", "Ana", "fp-1", T0);

            boolean again = tx(stores -> {
                stores.approvals().add(approval);
                boolean second = stores.approvals().add(new Approval(id, "U1", "Ana again", "fp-1", T0.plusSeconds(1)));
                // the refused insert must not have broken the transaction (PostgreSQL aborts on errors)
                stores.cards().save(id, "msg-1");
                return second;
            });

            assertThat(again).isFalse();
            assertThat(approvals().forCampaign(id, "fp-1")).containsExactly(approval);
            assertThat(cards().find(id)).contains("msg-1");
        }

        @Test
        void anApproverMayApproveANewFingerprint() {
            long id = insert(aCampaign().build()).id();

            assertThat(approvals().add(new Approval(id, "U1", "Ana", "fp-1", T0)))
                    .isTrue();
            assertThat(approvals().add(new Approval(id, "U1", "Ana", "fp-2", T0)))
                    .isTrue();

            assertThat(approvals().forCampaign(id, "fp-2")).hasSize(1);
        }

        @Test
        void clearForgetsTheCampaignsApprovalsOnly() {
            long id = insert(aCampaign().build()).id();
            long other = insert(aCampaign().build()).id();
            Approval kept = new Approval(other, "U1", "Ana", "fp-1", T0);

            run(stores -> {
                stores.approvals().add(new Approval(id, "U1", "Ana", "fp-1", T0));
                stores.approvals().add(new Approval(id, "U2", "Bo", "fp-0", T0));
                stores.approvals().add(kept);
                stores.approvals().clear(id);
            });

            assertThat(approvals().forCampaign(id, "fp-1")).isEmpty();
            assertThat(approvals().forCampaign(id, "fp-0")).isEmpty();
            assertThat(approvals().forCampaign(other, "fp-1")).containsExactly(kept);
        }
    }

    @Nested
    class Audit {

        @Test
        void aCampaignsHistoryIsListedOldestFirstWithEveryField() {
            long id = insert(aCampaign().build()).id();
            long other = insert(aCampaign().build()).id();
            AuditEvent composed = new AuditEvent(
                    id,
                    T0,
                    "U-req",
                    "compose",
                    Optional.empty(),
                    CampaignState.PENDING_APPROVAL,
                    "fp-1",
                    Optional.empty(),
                    TRICKY_TEXT);
            AuditEvent sent = new AuditEvent(
                    id,
                    T0.plusSeconds(60),
                    "system",
                    "submit",
                    Optional.of(CampaignState.SUBMITTING),
                    CampaignState.SENT,
                    "fp-1",
                    Optional.of(9_000_000_001L),
                    "");
            AuditEvent approved = new AuditEvent(
                    id,
                    T0.plusSeconds(30),
                    "U1",
                    "approve",
                    Optional.of(CampaignState.PENDING_APPROVAL),
                    CampaignState.APPROVED,
                    "fp-1",
                    Optional.empty(),
                    null);

            run(stores -> {
                stores.audit().append(composed);
                stores.audit().append(sent);
                stores.audit().append(approved);
                stores.audit()
                        .append(new AuditEvent(
                                other,
                                T0,
                                "U-req",
                                "compose",
                                Optional.empty(),
                                CampaignState.PENDING_APPROVAL,
                                "fp-x",
                                Optional.empty(),
                                ""));
            });

            assertThat(audit().forCampaign(id)).containsExactly(composed, approved, sent);
        }

        @Test
        void aCampaignWithoutEventsHasNoHistory() {
            assertThat(audit().forCampaign(1)).isEmpty();
        }
    }

    @Nested
    class Cards {

        @Test
        void aCardIsRememberedAndReplaced() {
            long id = insert(aCampaign().build()).id();

            assertThat(cards().find(id)).isEmpty();
            run(stores -> stores.cards().save(id, "1712345678.000100"));
            assertThat(cards().find(id)).contains("1712345678.000100");

            run(stores -> stores.cards().save(id, "1712345999.000200"));
            assertThat(cards().find(id)).contains("1712345999.000200");
        }
    }

    @Nested
    class Outbox {

        @Test
        void entriesAreStoredWithAnAssignedIdAndEveryField() {
            Campaign campaign = insert(aCampaign().build());
            OutboxEntry note = new OutboxEntry(
                    555,
                    Optional.of(campaign.id()),
                    campaign.channel(),
                    OutboxEntry.Kind.THREAD_NOTE,
                    TRICKY_TEXT,
                    2,
                    T0,
                    Optional.of(T0));

            run(stores -> stores.outbox().enqueue(note));

            List<OutboxEntry> pending = outbox().pending(campaign.channel().platform(), 10);
            assertThat(pending).hasSize(1);
            OutboxEntry stored = pending.get(0);
            assertThat(stored.id()).isPositive().isNotEqualTo(555);
            assertThat(stored)
                    .as("a new entry starts without attempts and without a mark")
                    .isEqualTo(new OutboxEntry(
                            stored.id(),
                            Optional.of(campaign.id()),
                            campaign.channel(),
                            OutboxEntry.Kind.THREAD_NOTE,
                            TRICKY_TEXT,
                            0,
                            T0,
                            Optional.empty()));
        }

        @Test
        void aChannelLevelEntryBelongsToNoCampaign() {
            ChannelRef channel = new ChannelRef(Platform.SLACK, "T1", "C1");
            run(stores -> stores.outbox().enqueue(OutboxEntry.channelMessage(channel, "Connection expired", T0)));

            assertThat(outbox().pending(Platform.SLACK, 10)).singleElement().satisfies(entry -> {
                assertThat(entry.campaignId()).isEmpty();
                assertThat(entry.kind()).isEqualTo(OutboxEntry.Kind.CHANNEL_MESSAGE);
                assertThat(entry.channel()).isEqualTo(channel);
                assertThat(entry.text()).isEqualTo("Connection expired");
            });
        }

        @Test
        void pendingEntriesOfAPlatformComeOldestFirstUpToTheLimitDueOrNot() {
            Campaign campaign = insert(aCampaign().build());
            ChannelRef elsewhere = new ChannelRef(Platform.DISCORD, "G1", "C1");
            run(stores -> {
                stores.outbox().enqueue(OutboxEntry.card(campaign, T0));
                stores.outbox().enqueue(OutboxEntry.threadNote(campaign, "first note", T0.plusSeconds(1)));
                stores.outbox().enqueue(OutboxEntry.channelMessage(elsewhere, "other platform", T0));
                stores.outbox().enqueue(OutboxEntry.threadNote(campaign, "later", T0.plusSeconds(60)));
            });
            Platform platform = campaign.channel().platform();

            assertThat(texts(outbox().pending(platform, 10))).containsExactly("", "first note", "later");
            assertThat(texts(outbox().pending(platform, 2))).containsExactly("", "first note");
            assertThat(texts(outbox().pending(Platform.DISCORD, 10))).containsExactly("other platform");
            assertThat(outbox().hasPending()).isTrue();
        }

        @Test
        void aDeliveredEntryIsGone() {
            Campaign campaign = insert(aCampaign().build());
            run(stores -> {
                stores.outbox().enqueue(OutboxEntry.card(campaign, T0));
                stores.outbox().enqueue(OutboxEntry.threadNote(campaign, "note", T0));
            });
            List<OutboxEntry> pending = outbox().pending(campaign.channel().platform(), 10);

            run(stores -> stores.outbox().delivered(pending.get(0).id()));
            assertThat(texts(outbox().pending(campaign.channel().platform(), 10)))
                    .containsExactly("note");

            run(stores -> stores.outbox().delivered(pending.get(1).id()));
            assertThat(outbox().hasPending()).isFalse();
        }

        @Test
        void anAttemptIsMarkedOnceAndAFailedAttemptClearsTheMark() {
            Campaign campaign = insert(aCampaign().build());
            run(stores -> stores.outbox().enqueue(OutboxEntry.threadNote(campaign, "note", T0)));
            long id = outbox().pending(campaign.channel().platform(), 10).get(0).id();

            assertThat(outbox().markAttempt(id, T0.plusSeconds(1))).isTrue();
            assertThat(outbox().markAttempt(id, T0.plusSeconds(2)))
                    .as("already marked")
                    .isFalse();
            assertThat(outbox().pending(campaign.channel().platform(), 10)
                            .get(0)
                            .attemptStartedAt())
                    .contains(T0.plusSeconds(1));

            run(stores -> stores.outbox().retryLater(id, T0.plusSeconds(30), "ratelimited"));

            assertThat(outbox().pending(campaign.channel().platform(), 10)
                            .get(0)
                            .attemptStartedAt())
                    .isEmpty();
            assertThat(outbox().markAttempt(id + 1000, T0)).as("no such entry").isFalse();
        }

        @Test
        void aFailedEntryIsCountedPostponedAndItsErrorKept() throws SQLException {
            Campaign campaign = insert(aCampaign().build());
            run(stores -> stores.outbox().enqueue(OutboxEntry.card(campaign, T0)));
            long id = outbox().pending(campaign.channel().platform(), 10).get(0).id();

            run(stores -> {
                stores.outbox().retryLater(id, T0.plusSeconds(30), "rate limited");
                stores.outbox().retryLater(id, T0.plusSeconds(90), "channel_not_found");
            });

            assertThat(outbox().pending(campaign.channel().platform(), 10))
                    .singleElement()
                    .satisfies(entry -> {
                        assertThat(entry.attempts()).isEqualTo(2);
                        assertThat(entry.dueAt()).isEqualTo(T0.plusSeconds(90));
                    });
            assertThat(lastError(id)).isEqualTo("channel_not_found");
        }

        private List<String> texts(List<OutboxEntry> entries) {
            return entries.stream().map(OutboxEntry::text).toList();
        }

        private String lastError(long id) throws SQLException {
            try (Connection connection = TestDatabases.connect(config);
                    PreparedStatement statement =
                            connection.prepareStatement("SELECT last_error FROM outbox WHERE id = ?")) {
                statement.setLong(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getString(1);
                }
            }
        }
    }

    @Nested
    class Leases {

        @Test
        void aFreeLeaseIsAcquired() {
            assertThat(leases().acquire("poller", "replica-a", T0, TTL)).isTrue();

            assertThat(leases().find("poller")).contains(new Lease("poller", "replica-a", T0.plus(TTL)));
        }

        @Test
        void aLeaseHeldByAnotherIsNotAcquiredUntilItExpires() {
            leases().acquire("poller", "replica-a", T0, TTL);

            assertThat(leases().acquire("poller", "replica-b", T0.plus(TTL).minusMillis(1), TTL))
                    .isFalse();
            assertThat(leases().find("poller").orElseThrow().owner()).isEqualTo("replica-a");
        }

        @Test
        void anExpiredLeaseIsTakenOver() {
            leases().acquire("poller", "replica-a", T0, TTL);
            Instant expiry = T0.plus(TTL);

            assertThat(leases().acquire("poller", "replica-b", expiry, TTL)).isTrue();
            assertThat(leases().find("poller")).contains(new Lease("poller", "replica-b", expiry.plus(TTL)));
            assertThat(leases().renew("poller", "replica-a", expiry, TTL)).isFalse();
        }

        @Test
        void acquiringOurOwnLeaseRenewsIt() {
            leases().acquire("poller", "replica-a", T0, TTL);

            assertThat(leases().acquire("poller", "replica-a", T0.plusSeconds(30), TTL))
                    .isTrue();
            assertThat(leases().find("poller").orElseThrow().expiresAt())
                    .isEqualTo(T0.plusSeconds(30).plus(TTL));
        }

        @Test
        void onlyTheOwnerRenews() {
            leases().acquire("poller", "replica-a", T0, TTL);

            assertThat(leases().renew("poller", "replica-b", T0.plusSeconds(10), TTL))
                    .isFalse();
            assertThat(leases().renew("poller", "replica-a", T0.plusSeconds(20), TTL))
                    .isTrue();
            assertThat(leases().renew("digest", "replica-a", T0, TTL)).isFalse();
            assertThat(leases().find("poller"))
                    .contains(
                            new Lease("poller", "replica-a", T0.plusSeconds(20).plus(TTL)));
        }

        @Test
        void onlyTheOwnerReleasesAndAReleasedLeaseIsFree() {
            leases().acquire("poller", "replica-a", T0, TTL);

            run(stores -> stores.leases().release("poller", "replica-b"));
            assertThat(leases().find("poller")).isPresent();

            run(stores -> stores.leases().release("poller", "replica-a"));
            assertThat(leases().find("poller")).isEmpty();
            assertThat(leases().acquire("poller", "replica-b", T0, TTL)).isTrue();
        }

        @Test
        void leasesAreIndependentByName() {
            assertThat(leases().acquire("poller", "replica-a", T0, TTL)).isTrue();
            assertThat(leases().acquire("digest", "replica-b", T0, TTL)).isTrue();
            assertThat(leases().find("nothing")).isEmpty();
        }
    }
}
