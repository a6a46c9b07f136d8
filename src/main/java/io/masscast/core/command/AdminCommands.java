package io.masscast.core.command;

import io.masscast.core.campaign.BindingService;
import io.masscast.core.campaign.CampaignException;
import io.masscast.core.campaign.Mention;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Binding;
import io.masscast.core.model.BindingPolicy;
import io.masscast.core.model.ConnectionInfo;
import io.masscast.core.model.Page;
import io.masscast.core.model.QuietHours;
import io.masscast.core.policy.Excerpt;
import io.masscast.core.policy.FieldError;
import io.masscast.core.policy.NumberInput;
import io.masscast.core.policy.TextRules;
import io.masscast.core.port.OfAuthGateway;
import io.masscast.core.text.Markup;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code bind} and {@code policy}: which creator a channel speaks for, and its rules. Changes are for admins. */
public final class AdminCommands {
    static final List<String> POLICY_KEYS = List.of(
            "approvals",
            "self_approval",
            "daily_cap",
            "min_gap",
            "quiet",
            "approvers",
            "digest",
            "repeat_window",
            "remind_after");
    static final List<String> BIND_KEYS = List.of("connection", "creator", "zone", "approvers");
    private static final Pattern CONNECTION_ID = Pattern.compile("[A-Za-z0-9_-]{1," + TextRules.MAX_NAME_LENGTH + "}");
    private static final int MAX_APPROVERS = 50;
    private static final int MAX_APPROVER_ID = 64;
    /** A user id, or a group's reference ({@code &} and its id, see {@link Actor#groupRef}). */
    private static final Pattern APPROVER_ID = Pattern.compile("&?[A-Za-z0-9_.-]{1," + MAX_APPROVER_ID + "}");

    private static final Pattern TIME_OF_DAY = Pattern.compile("[0-9]{1,2}:[0-9]{2}");
    /** A gap longer than a week is a pause, not a rule. */
    private static final Duration MAX_GAP = Duration.ofDays(7);
    /** Reminders: sooner than a few minutes would nag, later than a day would come after any send time that matters. */
    private static final Duration MIN_REMIND_AFTER = Duration.ofMinutes(5);

    private static final Duration MAX_REMIND_AFTER = Duration.ofHours(24);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,4})\\s*(m|min|h)", Pattern.CASE_INSENSITIVE);
    /** How far the repeat guard looks, in days or hours. */
    private static final Pattern WINDOW = Pattern.compile("(\\d{1,3})\\s*(d|h)");

    private static final Duration MAX_REPEAT_WINDOW = Duration.ofDays(30);
    /** Slack user {@code <@U1>}, Slack group {@code <!subteam^S1|@team>}, Discord role {@code <@&1>}, or {@code @name}. */
    private final BindingService bindings;

    private final OfAuthGateway ofauth;

    public AdminCommands(BindingService bindings, OfAuthGateway ofauth) {
        this.bindings = bindings;
        this.ofauth = ofauth;
    }

    Reply bind(CommandRouter.Invocation invocation) {
        Map<String, FieldValue> args = invocation.named();
        List<FieldError> errors = new ArrayList<>();
        args.keySet().stream()
                .filter(key -> !BIND_KEYS.contains(key))
                .sorted()
                .forEach(key -> errors.add(new FieldError(
                        key,
                        "Unknown setting " + Excerpt.of(key) + ": bind takes " + String.join(", ", BIND_KEYS) + ".")));
        String connectionId =
                args.containsKey("connection") ? args.get("connection").text().strip() : "";
        if (connectionId.isEmpty()) {
            errors.add(new FieldError("connection", "Name the creator's OFAuth connection: connection=conn_..."));
        } else if (!CONNECTION_ID.matcher(connectionId).matches()) {
            errors.add(new FieldError(
                    "connection",
                    Excerpt.of(connectionId) + " is not a connection id: OFAuth's look "
                            + "like conn_abc123 (letters, digits, _ and -, at most " + TextRules.MAX_NAME_LENGTH
                            + ")."));
        }
        Optional<String> creator =
                Optional.ofNullable(args.get("creator")).map(v -> v.text().strip());
        creator.flatMap(name -> TextRules.problem(name, TextRules.MAX_NAME_LENGTH, TextRules.Lines.SINGLE))
                .ifPresent(problem -> errors.add(new FieldError("creator", "The creator's name " + problem)));
        Optional<ZoneId> zone = zone(args.containsKey("zone") ? args.get("zone").text() : "", errors);
        Set<String> approvers = args.containsKey("approvers") ? approvers(args.get("approvers"), errors) : Set.of();
        if (!errors.isEmpty()) {
            return invalid(errors, "bind connection=conn_... zone=Area/City approvers=ID,ID [creator=\"Name\"]");
        }
        ConnectionInfo connection = findConnection(connectionId);
        String name = creator.filter(n -> !n.isEmpty()).orElse(connection.creatorName());
        Binding binding = bindings.bind(
                invocation.actor(),
                new Binding(
                        invocation.channel(),
                        connectionId,
                        name.isBlank() ? connectionId : name,
                        zone.get(),
                        approvers,
                        bindings.find(invocation.channel()).map(Binding::policy).orElse(BindingPolicy.defaults())));
        return Reply.privately("This channel now speaks for " + binding.creatorName() + " (" + connectionId + ", "
                + binding.zone().getId() + ").\n" + describe(binding));
    }

    Reply policy(CommandRouter.Invocation invocation) {
        Map<String, FieldValue> args = invocation.named();
        if (args.isEmpty()) {
            return Reply.privately(describe(bindings.require(invocation.channel())));
        }
        List<FieldError> errors = new ArrayList<>();
        args.keySet().stream()
                .filter(key -> !POLICY_KEYS.contains(key))
                .sorted()
                .forEach(key -> errors.add(new FieldError(
                        key,
                        "Unknown setting " + Excerpt.of(key) + ": use "
                                + String.join(
                                        ", ", POLICY_KEYS.stream().sorted().toList()) + ".")));
        PolicyChange change = new PolicyChange(args, errors);
        if (!errors.isEmpty()) {
            return invalid(
                    errors,
                    "policy approvals=1-3 self_approval=yes|no daily_cap=N|off min_gap=2h|off quiet=23:00-08:00|off "
                            + "digest=09:00|off repeat_window=7d|off remind_after=30m|off approvers=ID,ID");
        }
        Binding updated = bindings.update(invocation.actor(), invocation.channel(), change::apply);
        return Reply.privately("Policy updated.\n" + describe(updated));
    }

    static String describe(Binding binding) {
        BindingPolicy p = binding.policy();
        return "Approvals required: " + p.requiredApprovals()
                + " · self-approval: " + (p.selfApprovalAllowed() ? "allowed" : "not allowed")
                + " · daily cap: " + p.dailyCap().map(Object::toString).orElse("none")
                + " · minimum gap: "
                + (p.minGap().isZero() ? "none" : p.minGap().toMinutes() + " min")
                + " · quiet hours: "
                + p.quietHours().map(q -> q + " " + binding.zone().getId()).orElse("none")
                + " · daily digest: "
                + p.digestAt().map(at -> at + " " + binding.zone().getId()).orElse("off")
                + " · repeat warning: "
                + p.repeatWindow().map(AdminCommands::window).orElse("off")
                + " · approval reminders: "
                + p.remindAfter()
                        .map(after ->
                                "after " + length(after) + " waiting and " + length(after) + " before the send time")
                        .orElse("off")
                + "\nApprovers: "
                + (binding.approvers().isEmpty()
                        ? "nobody yet (set approvers=...)"
                        : String.join(
                                ", ",
                                binding.approvers().stream()
                                        .sorted()
                                        .map(Mention::of)
                                        .toList()));
    }

    /** {@code within 7 days}, {@code within 36 hours}. */
    private static String window(Duration window) {
        return "within " + length(window);
    }

    /** {@code 1 day}, {@code 7 days}, {@code 1 hour}, {@code 36 hours}, {@code 30 min}. */
    private static String length(Duration length) {
        if (length.toMinutes() % 60 != 0) {
            return length.toMinutes() + " min";
        }
        long hours = length.toHours();
        if (hours % 24 == 0) {
            return length.toDays() + (length.toDays() == 1 ? " day" : " days");
        }
        return hours + (hours == 1 ? " hour" : " hours");
    }

    /** Reads each policy argument, collecting errors; {@link #apply} then changes only what was given. */
    private static final class PolicyChange {
        private Optional<Integer> approvals = Optional.empty();
        private Optional<Boolean> selfApproval = Optional.empty();
        private Optional<Optional<Integer>> dailyCap = Optional.empty();
        private Optional<Duration> minGap = Optional.empty();
        private Optional<Optional<QuietHours>> quiet = Optional.empty();
        private Optional<Set<String>> approvers = Optional.empty();
        private Optional<Optional<LocalTime>> digestAt = Optional.empty();
        private Optional<Optional<Duration>> repeatWindow = Optional.empty();
        private Optional<Optional<Duration>> remindAfter = Optional.empty();

        @SuppressWarnings("OptionalMapToOptional") // daily_cap=off is a present change to "no cap"
        PolicyChange(Map<String, FieldValue> args, List<FieldError> errors) {
            value(args, "approvals")
                    .ifPresent(v -> approvals = number(
                            v,
                            1,
                            BindingPolicy.MAX_REQUIRED_APPROVALS,
                            "approvals",
                            "Required approvals are 1, 2 or 3.",
                            errors));
            if (args.get("self_approval") instanceof FieldValue.Flag flag) {
                selfApproval = Optional.of(flag.value());
            } else {
                value(args, "self_approval").ifPresent(v -> selfApproval = yesNo(v, errors));
            }
            value(args, "daily_cap")
                    .ifPresent(v -> dailyCap = isOff(v)
                            ? Optional.of(Optional.empty())
                            : number(
                                            v,
                                            1,
                                            1000,
                                            "daily_cap",
                                            "A daily cap is a number of sends per day (1 or more), or off.",
                                            errors)
                                    .map(Optional::of));
            value(args, "min_gap").ifPresent(v -> minGap = gap(v, errors));
            value(args, "quiet").ifPresent(v -> quiet = quietHours(v, errors));
            Optional.ofNullable(args.get("approvers")).ifPresent(v -> approvers = Optional.of(approvers(v, errors)));
            value(args, "digest").ifPresent(v -> digestAt = digestTime(v, errors));
            value(args, "repeat_window").ifPresent(v -> repeatWindow = repeatWindow(v, errors));
            value(args, "remind_after").ifPresent(v -> remindAfter = reminderDelay(v, errors));
        }

        Binding apply(Binding binding) {
            BindingPolicy p = binding.policy();
            BindingPolicy changed = new BindingPolicy(
                    approvals.orElse(p.requiredApprovals()),
                    selfApproval.orElse(p.selfApprovalAllowed()),
                    dailyCap.orElse(p.dailyCap()),
                    minGap.orElse(p.minGap()),
                    quiet.orElse(p.quietHours()),
                    digestAt.orElse(p.digestAt()),
                    repeatWindow.orElse(p.repeatWindow()),
                    remindAfter.orElse(p.remindAfter()));
            return binding.withPolicy(changed).withApprovers(approvers.orElse(binding.approvers()));
        }

        private static Optional<String> value(Map<String, FieldValue> args, String key) {
            return Optional.ofNullable(args.get(key)).map(v -> v.text().strip().toLowerCase(Locale.ROOT));
        }

        private static boolean isOff(String value) {
            return value.equals("off") || value.equals("none") || value.equals("0");
        }

        private static Optional<Integer> number(
                String value, int min, int max, String key, String help, List<FieldError> errors) {
            OptionalInt n = NumberInput.whole(value, min, max);
            if (n.isPresent()) {
                return Optional.of(n.getAsInt());
            }
            errors.add(new FieldError(key, Excerpt.of(value) + " won't do. " + help + NumberInput.hint(value)));
            return Optional.empty();
        }

        private static Optional<Boolean> yesNo(String value, List<FieldError> errors) {
            if (value.equals("yes") || value.equals("on") || value.equals("true")) {
                return Optional.of(true);
            }
            if (value.equals("no") || value.equals("off") || value.equals("false")) {
                return Optional.of(false);
            }
            errors.add(new FieldError("self_approval", "Write self_approval=yes or self_approval=no."));
            return Optional.empty();
        }

        private static Optional<Duration> gap(String value, List<FieldError> errors) {
            if (isOff(value)) {
                return Optional.of(Duration.ZERO);
            }
            Optional<Duration> gap = duration(value).filter(d -> d.compareTo(MAX_GAP) <= 0);
            if (gap.isPresent()) {
                return gap;
            }
            errors.add(new FieldError(
                    "min_gap",
                    Excerpt.of(value) + " is not a gap: write it like 90m or 2h (at most " + MAX_GAP.toHours()
                            + "h), or off."));
            return Optional.empty();
        }

        /** {@code 90m}, {@code 2h}: minutes or hours. */
        private static Optional<Duration> duration(String value) {
            Matcher m = DURATION.matcher(value);
            if (!m.matches()) {
                return Optional.empty();
            }
            long n = Long.parseLong(m.group(1));
            return Optional.of(m.group(2).startsWith("h") ? Duration.ofHours(n) : Duration.ofMinutes(n));
        }

        private static Optional<Optional<Duration>> reminderDelay(String value, List<FieldError> errors) {
            if (isOff(value)) {
                return Optional.of(Optional.empty());
            }
            Optional<Duration> after = duration(value)
                    .filter(d -> d.compareTo(MIN_REMIND_AFTER) >= 0 && d.compareTo(MAX_REMIND_AFTER) <= 0);
            if (after.isPresent()) {
                return Optional.of(after);
            }
            errors.add(new FieldError(
                    "remind_after",
                    Excerpt.of(value) + " is not a reminder delay: write it like 30m or 2h ("
                            + MIN_REMIND_AFTER.toMinutes() + "m to " + MAX_REMIND_AFTER.toHours()
                            + "h), or off for no reminders."));
            return Optional.empty();
        }

        private static Optional<Optional<QuietHours>> quietHours(String value, List<FieldError> errors) {
            if (isOff(value)) {
                return Optional.of(Optional.empty());
            }
            String[] parts = value.split("-");
            try {
                if (parts.length == 2
                        && TIME_OF_DAY.matcher(parts[0].strip()).matches()
                        && TIME_OF_DAY.matcher(parts[1].strip()).matches()) {
                    return Optional.of(Optional.of(
                            new QuietHours(LocalTime.parse(pad(parts[0])), LocalTime.parse(pad(parts[1])))));
                }
            } catch (DateTimeException | IllegalArgumentException ignored) {
                // reported below
            }
            errors.add(new FieldError(
                    "quiet",
                    Excerpt.of(value) + " is not a window: write it like 23:00-08:00 (creator's zone), or off."));
            return Optional.empty();
        }

        private static Optional<Optional<LocalTime>> digestTime(String value, List<FieldError> errors) {
            if (isOff(value)) {
                return Optional.of(Optional.empty());
            }
            try {
                if (TIME_OF_DAY.matcher(value).matches()) {
                    return Optional.of(Optional.of(LocalTime.parse(pad(value))));
                }
            } catch (DateTimeException ignored) {
                // reported below
            }
            errors.add(new FieldError(
                    "digest",
                    Excerpt.of(value) + " is not a time of day: write it like 09:00 (creator's zone),"
                            + " or off for no daily digest."));
            return Optional.empty();
        }

        /** {@code 7d} (1 to 30 days), {@code 36h} (1 to 720 hours), or off. */
        private static Optional<Optional<Duration>> repeatWindow(String value, List<FieldError> errors) {
            if (isOff(value)) {
                return Optional.of(Optional.empty());
            }
            Matcher m = WINDOW.matcher(value);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                Duration window = m.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n);
                if (!window.isZero() && window.compareTo(MAX_REPEAT_WINDOW) <= 0) {
                    return Optional.of(Optional.of(window));
                }
            }
            errors.add(new FieldError(
                    "repeat_window",
                    Excerpt.of(value) + " is not a window: write it like 7d or 36h (at most "
                            + MAX_REPEAT_WINDOW.toDays() + "d), or off for no repeat warning."));
            return Optional.empty();
        }

        private static String pad(String time) {
            String t = time.strip();
            return t.length() == 4 ? "0" + t : t;
        }
    }

    private ConnectionInfo findConnection(String connectionId) {
        List<ConnectionInfo> known = new ArrayList<>();
        Optional<Long> offset = Optional.of(0L);
        while (offset.isPresent()) {
            Page<ConnectionInfo> page = ofauth.connections(Optional.empty(), 100, offset.get());
            known.addAll(page.items());
            offset = page.next();
        }
        ConnectionInfo connection = known.stream()
                .filter(c -> c.id().equals(connectionId))
                .findFirst()
                .orElseThrow(() -> new CampaignException.NotFound("OFAuth has no connection " + connectionId
                        + ". Known: "
                        + String.join(
                                ", ",
                                known.stream()
                                        .map(c -> c.id() + " (" + c.creatorName() + ")")
                                        .toList()) + "."));
        if (!connection.isActive()) {
            throw new CampaignException.NotPermitted("Connection " + connectionId + " is " + connection.status()
                    + ": the creator has to reconnect through OFAuth Link before masscast can send for them.");
        }
        return connection;
    }

    private static Optional<ZoneId> zone(String value, List<FieldError> errors) {
        if (value.isBlank()) {
            errors.add(new FieldError(
                    "zone", "Give the creator's time zone, e.g. zone=Europe/Berlin or zone=America/New_York."));
            return Optional.empty();
        }
        try {
            if (value.length() <= TextRules.MAX_NAME_LENGTH) {
                return Optional.of(ZoneId.of(value.strip()));
            }
        } catch (DateTimeException e) {
            // reported below
        }
        errors.add(new FieldError(
                "zone", Excerpt.of(value) + " is not a time zone: use an IANA name like Europe/Berlin."));
        return Optional.empty();
    }

    /** The approvers named, each a platform user or group id; at most {@value #MAX_APPROVERS}. */
    private static Set<String> approvers(FieldValue value, List<FieldError> errors) {
        Set<String> ids = ids(value);
        if (ids.size() > MAX_APPROVERS) {
            errors.add(new FieldError(
                    "approvers",
                    Formats.count(ids.size()) + " approvers are more than a channel takes (" + MAX_APPROVERS
                            + "): name a group instead."));
            return Set.of();
        }
        ids.stream()
                .filter(id -> !APPROVER_ID.matcher(id).matches())
                .limit(3)
                .forEach(id -> errors.add(new FieldError(
                        "approvers",
                        Excerpt.of(id) + " is not a user or group id: mention the person "
                                + "(@name) or give their id (letters, digits, _ . -, at most " + MAX_APPROVER_ID
                                + ").")));
        return ids;
    }

    /**
     * User and group ids: mentions (the adapters turn their platform's mentions into {@link Markup} tokens) or
     * ids as typed, with or without a leading {@code @}; a group typed by hand is {@code &id}.
     */
    static Set<String> ids(FieldValue value) {
        Set<String> ids = new LinkedHashSet<>();
        for (String item : value instanceof RawValue raw ? raw.items() : List.of(value.text())) {
            for (Markup.Span span : Markup.parse(item)) {
                if (span instanceof Markup.Person person) {
                    ids.add(person.userId());
                } else if (span instanceof Markup.Group group) {
                    ids.add(Actor.groupRef(group.groupId()));
                } else if (span instanceof Markup.Plain plain) {
                    for (String word : plain.text().strip().split("\\s+")) {
                        String id = word.startsWith("@") ? word.substring(1) : word;
                        if (!id.isBlank()) {
                            ids.add(id);
                        }
                    }
                }
            }
        }
        return ids;
    }

    private static Reply invalid(List<FieldError> errors, String usage) {
        return Reply.privately(
                String.join("\n", errors.stream().map(FieldError::toString).toList()) + "\nUsage: /masscast " + usage);
    }
}
