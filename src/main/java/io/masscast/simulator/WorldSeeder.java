package io.masscast.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Generates the simulated world from the seed: three connections (and as many more as
 * {@link SimulatorConfig#extraConnections()} asks for), each with its creator, fans, system and custom lists, a
 * vault and ~30 past mass messages over the last 60 days. Connection ids, creator names, list ids and names are
 * fixed; sizes, fans and history depend on the seed and the fan count.
 */
final class WorldSeeder {
    private static final List<Profile> PROFILES = List.of(
            new Profile("conn_demo", new Creator(88_123_401L, "Mila Rose", "milarose"), 0, Permission.all()),
            new Profile(
                    "conn_demo2", new Creator(88_417_552L, "Sofia Reyes", "sofiareyes"), 1_000_000, Permission.all()),
            new Profile(
                    "conn_readonly",
                    new Creator(89_002_913L, "Nora Blake", "norablake"),
                    2_000_000,
                    Permission.readOnly()));

    private static final long[] CUSTOM_LIST_IDS = {
        1_187_345L, 1_190_022L, 1_193_810L, 1_201_457L, 1_204_999L, 1_212_083L
    };
    private static final int VAULT_SIZE = 120;
    private static final int HISTORY_SIZE = 30;
    private static final Duration HISTORY_SPAN = Duration.ofDays(60);
    private static final Duration NEW_FAN_SPAN = Duration.ofDays(30);

    private static final String[] FIRST_NAMES = {
        "Jake", "Dan", "Chris", "Mike", "Tom", "Alex", "Sam", "Ryan", "Ben", "Luke", "Matt", "Nick", "Josh", "Kevin",
        "Leo", "Oscar", "Marco", "Ivan", "Hugo", "Noah", "Ethan", "Liam", "Omar", "Raj", "Kenji", "Pablo", "Finn",
        "Theo", "Max", "Adam"
    };
    private static final String[] TEXTS = {
        "New set is up 🔥 first pic is free",
        "Good morning babe ☀️ I made something special for you",
        "Weekend bundle: 5 videos for the price of one",
        "You've been so sweet lately, here's a thank-you 💕",
        "Behind the scenes from today's shoot 📸",
        "Happy Friday! Unlock my favourite clip",
        "Did you miss me? 😘",
        "Exclusive for my VIPs only",
        "New video just dropped — 12 minutes, unlock now",
        "Flash sale for the next 24h only"
    };
    private static final double[] PRICES = {0, 0, 5, 7.99, 9.99, 12.5, 15, 20, 25, 35};

    private WorldSeeder() {}

    static Accounts seed(SimulatorConfig config, MessageTimeline timeline, Instant now) {
        MessageIds ids = new MessageIds(3_400_000_000L + Math.floorMod(Hashes.mix(config.seed()), 9_000_000L));
        List<Profile> profiles = new ArrayList<>(PROFILES);
        for (int n = PROFILES.size(); n < PROFILES.size() + config.extraConnections(); n++) {
            profiles.add(extraProfile(n));
        }
        List<CreatorAccount> accounts = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            accounts.add(account(profiles.get(i), i, config, timeline, ids, now));
        }
        return new Accounts(accounts);
    }

    /** The connection at position {@code n} of the world, after the fixed ones: {@code conn_demo3} is the first. */
    private static Profile extraProfile(int n) {
        return new Profile(
                "conn_demo" + n,
                new Creator(88_500_000L + n, "Demo Creator " + n, "democreator" + n),
                n * 1_000_000L,
                Permission.all());
    }

    private static CreatorAccount account(
            Profile profile, int index, SimulatorConfig config, MessageTimeline timeline, MessageIds ids, Instant now) {
        SplittableRandom random = new SplittableRandom(Hashes.mix(config.seed(), index, 0));
        List<Fan> fans = fans(random, 50_000_000L + index * 20_000_000L, config.fansPerConnection(), now);
        Population population = new Population(fans, lists(random, profile, fans, now));
        Vault vault = new Vault(vault(random, 48_000_000L + index * 1_000_000L, now));
        Connection connection = new Connection(
                profile.connectionId,
                ConnectionStatus.ACTIVE,
                profile.permissions,
                "tenant-" + profile.creator.username(),
                now.minus(Duration.ofDays(90L + index * 17L)),
                now.minus(Duration.ofDays(1)),
                null);
        return new CreatorAccount(
                connection,
                profile.creator,
                population,
                vault,
                new Uploads(vault, config.seed() + ":" + profile.connectionId),
                timeline,
                ids,
                history(random, population, vault, ids, now));
    }

    private static List<Fan> fans(SplittableRandom random, long firstId, int count, Instant now) {
        List<Fan> fans = new ArrayList<>(count);
        long id = firstId;
        for (int i = 0; i < count; i++) {
            id += 1 + random.nextInt(997);
            String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            String name = random.nextDouble() < 0.5 ? first : first + " " + (char) ('A' + random.nextInt(26)) + ".";
            String username = random.nextDouble() < 0.4 ? "u" + id : first.toLowerCase(Locale.ROOT) + "." + id % 1000;
            Instant subscribedAt = now.minusSeconds(
                    3_600 + random.nextLong(Duration.ofDays(730).toSeconds()));
            Instant expiredAt = random.nextDouble() < 0.12
                    ? subscribedAt.plusSeconds((long)
                            (Duration.between(subscribedAt, now).toSeconds() * (0.2 + 0.75 * random.nextDouble())))
                    : null;
            fans.add(new Fan(
                    id,
                    username,
                    name,
                    random.nextDouble() < 0.01,
                    random.nextDouble() < 0.6 ? "https://avatars.sim.invalid/" + id + ".jpg" : null,
                    subscribedAt,
                    expiredAt,
                    random.nextDouble() < 0.1 ? 0 : 9.99));
        }
        return fans;
    }

    private static List<UserList> lists(SplittableRandom random, Profile profile, List<Fan> fans, Instant now) {
        IntPredicate active = i -> fans.get(i).active();
        Instant newFanCutoff = now.minus(NEW_FAN_SPAN);
        long base = profile.customListOffset;
        return List.of(
                new UserList("fans", "fans", "Fans", members(fans, active)),
                new UserList("following", "following", "Following", share(random, fans, active, 0.25)),
                new UserList("recent", "recent", "Recent", share(random, fans, active, 0.08)),
                new UserList("muted", "muted", "Muted", share(random, fans, active, 0.015)),
                new UserList("expired", "expired", "Expired", members(fans, active.negate())),
                new UserList(base + CUSTOM_LIST_IDS[0], "custom", "VIP whales", share(random, fans, active, 0.015)),
                new UserList(base + CUSTOM_LIST_IDS[1], "custom", "Do not PPV", share(random, fans, active, 0.04)),
                new UserList(base + CUSTOM_LIST_IDS[2], "custom", "Big spenders", share(random, fans, active, 0.06)),
                new UserList(
                        base + CUSTOM_LIST_IDS[3],
                        "custom",
                        "New this month",
                        members(fans, active.and(i -> fans.get(i).subscribedAt().isAfter(newFanCutoff)))),
                new UserList(base + CUSTOM_LIST_IDS[4], "custom", "Tippers", share(random, fans, active, 0.10)),
                new UserList(
                        base + CUSTOM_LIST_IDS[5], "custom", "Weekend regulars", share(random, fans, active, 0.12)));
    }

    private static FanSet members(List<Fan> fans, IntPredicate rule) {
        return FanSet.of(IntStream.range(0, fans.size()).filter(rule));
    }

    private static FanSet share(SplittableRandom random, List<Fan> fans, IntPredicate eligible, double share) {
        double[] dice = random.doubles(fans.size()).toArray();
        return members(fans, eligible.and(i -> dice[i] < share));
    }

    private static List<VaultMedia> vault(SplittableRandom random, long firstId, Instant now) {
        List<VaultMedia> media = new ArrayList<>(VAULT_SIZE);
        long id = firstId;
        for (int i = 0; i < VAULT_SIZE; i++) {
            id += 1 + random.nextInt(4_000);
            double roll = random.nextDouble();
            MediaType type = roll < 0.65
                    ? MediaType.PHOTO
                    : roll < 0.9 ? MediaType.VIDEO : roll < 0.97 ? MediaType.GIF : MediaType.AUDIO;
            Integer duration = switch (type) {
                case VIDEO -> 15 + random.nextInt(600);
                case AUDIO -> 10 + random.nextInt(180);
                default -> null;
            };
            media.add(new VaultMedia(
                    id,
                    type,
                    now.minusSeconds(random.nextLong(Duration.ofDays(365).toSeconds())),
                    duration));
        }
        return media;
    }

    private static List<MassMessage> history(
            SplittableRandom random, Population population, Vault vault, MessageIds ids, Instant now) {
        List<Instant> sendTimes = IntStream.range(0, HISTORY_SIZE)
                .mapToObj(i -> now.minus(Duration.ofDays(1))
                        .minusSeconds(random.nextLong(HISTORY_SPAN.minusDays(1).toSeconds())))
                .sorted(Comparator.naturalOrder())
                .toList();
        List<VaultMedia> media = vault.recent();
        List<MassMessage> history = new ArrayList<>();
        for (Instant sendAt : sendTimes) {
            BigDecimal price =
                    BigDecimal.valueOf(PRICES[random.nextInt(PRICES.length)]).setScale(2, RoundingMode.HALF_UP);
            List<VaultMedia> attached = IntStream.range(0, 1 + random.nextInt(3))
                    .mapToObj(i -> media.get(random.nextInt(media.size())))
                    .distinct()
                    .toList();
            boolean scheduled = random.nextDouble() < 0.4;
            Instant createdAt = scheduled ? sendAt.minusSeconds(3_600 + random.nextLong(47 * 3_600L)) : sendAt;
            MessageContent content = new MessageContent(
                    TEXTS[random.nextInt(TEXTS.length)],
                    attached,
                    price.signum() > 0 ? random.nextInt(attached.size()) : 0,
                    price,
                    false,
                    true,
                    scheduled ? sendAt : null);
            history.add(new MassMessage(
                    ids.next(), content, pastAudience(random, population), createdAt, createdAt, sendAt, null, true));
        }
        return history;
    }

    /** The audiences an agency typically picks, by list name. */
    private static FanSet pastAudience(SplittableRandom random, Population population) {
        String vip = listKey(population, "VIP whales");
        String doNotPpv = listKey(population, "Do not PPV");
        String bigSpenders = listKey(population, "Big spenders");
        String newThisMonth = listKey(population, "New this month");
        String tippers = listKey(population, "Tippers");
        return switch (random.nextInt(6)) {
            case 0 -> population.audience(List.of(), List.of("fans"), List.of(doNotPpv), null);
            case 1 -> population.audience(List.of(), List.of("fans"), List.of(), null);
            case 2 -> population.audience(List.of(), List.of(vip), List.of(), null);
            case 3 -> population.audience(List.of(), List.of(bigSpenders, tippers), List.of(), null);
            case 4 -> population.audience(List.of(), List.of(newThisMonth), List.of(), null);
            default -> population.audience(List.of(), List.of("recent", "following"), List.of("muted"), null);
        };
    }

    private static String listKey(Population population, String name) {
        return population.lists().stream()
                .filter(list -> list.name().equals(name))
                .map(UserList::key)
                .findFirst()
                .orElseThrow();
    }

    private record Profile(String connectionId, Creator creator, long customListOffset, Set<Permission> permissions) {}
}
