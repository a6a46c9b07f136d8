package io.masscast.store;

import io.masscast.core.model.AbPart;
import io.masscast.core.model.AbSplit;
import io.masscast.core.model.AbTest;
import io.masscast.core.port.AbTestStore;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** A/B tests and their parts; a test's version is its only changing column. */
final class JdbcAbTestStore implements AbTestStore {

    private static final String COLUMNS = "id, split, seed, pool_size, max_user_ids, created_at, version";

    private static final String INSERT = """
            INSERT INTO ab_test (split, seed, pool_size, max_user_ids, created_at, version)
            VALUES (?, ?, ?, ?, ?, 1)
            RETURNING id""";

    private static final String PARTS = """
            SELECT test_id, campaign_id, variant, part
              FROM ab_test_part
             WHERE test_id = ?
             ORDER BY variant, part""";

    private final Sql sql;

    JdbcAbTestStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public AbTest insert(AbTest test) {
        long id = sql.one(
                        "insert A/B test",
                        INSERT,
                        row -> row.longValue("id"),
                        test.split(),
                        test.seed(),
                        test.poolSize(),
                        test.maxUserIds(),
                        test.createdAt())
                .orElseThrow();
        return find(id).orElseThrow();
    }

    @Override
    public void addPart(AbPart part) {
        sql.update(
                "add A/B test part",
                "INSERT INTO ab_test_part (test_id, campaign_id, variant, part) VALUES (?, ?, ?, ?)",
                part.testId(),
                part.campaignId(),
                part.variant(),
                part.part());
    }

    @Override
    public Optional<AbTest> find(long testId) {
        return sql.one(
                "find A/B test", "SELECT " + COLUMNS + " FROM ab_test WHERE id = ?", JdbcAbTestStore::test, testId);
    }

    @Override
    public Optional<AbPart> partOf(long campaignId) {
        return sql.one(
                "find A/B test part",
                "SELECT test_id, campaign_id, variant, part FROM ab_test_part WHERE campaign_id = ?",
                JdbcAbTestStore::part,
                campaignId);
    }

    @Override
    public List<AbPart> parts(long testId) {
        return sql.list("list A/B test parts", PARTS, JdbcAbTestStore::part, testId);
    }

    @Override
    public boolean advance(long testId, long version) {
        return sql.update(
                        "advance A/B test",
                        "UPDATE ab_test SET version = version + 1 WHERE id = ? AND version = ?",
                        testId,
                        version)
                == 1;
    }

    private static AbTest test(Row row) throws SQLException {
        return new AbTest(
                row.longValue("id"),
                AbSplit.valueOf(row.string("split")),
                row.optionalLong("seed"),
                row.optionalLong("pool_size"),
                row.intValue("max_user_ids"),
                row.instant("created_at"),
                row.longValue("version"));
    }

    private static AbPart part(Row row) throws SQLException {
        return new AbPart(
                row.longValue("test_id"), row.longValue("campaign_id"), row.string("variant"), row.intValue("part"));
    }
}
