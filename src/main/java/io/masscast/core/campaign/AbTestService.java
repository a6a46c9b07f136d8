package io.masscast.core.campaign;

import static io.masscast.core.model.CampaignState.APPROVED;
import static io.masscast.core.model.CampaignState.PENDING_APPROVAL;

import io.masscast.core.abtest.RandomSplit;
import io.masscast.core.model.AbPart;
import io.masscast.core.model.AbSplit;
import io.masscast.core.model.AbTest;
import io.masscast.core.model.AbTestDraft;
import io.masscast.core.model.AbTestParts;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Approval;
import io.masscast.core.model.Attachment;
import io.masscast.core.model.Audience;
import io.masscast.core.model.Binding;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignDraft;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.ChatFile;
import io.masscast.core.model.MediaItem;
import io.masscast.core.model.MessageContent;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.RepeatFinding;
import io.masscast.core.policy.ApprovalPolicy;
import io.masscast.core.policy.FieldError;
import io.masscast.core.policy.Fields;
import io.masscast.core.policy.Permissions;
import io.masscast.core.policy.SendPolicy;
import io.masscast.core.policy.TextRules;
import io.masscast.core.port.OfAuthGateway;
import io.masscast.core.port.Stores;
import io.masscast.core.port.Transactor;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A/B tests: two or three variants of a mass message for one audience, composed, approved or rejected, cancelled and
 * unsent together. Each variant goes out as one or more ordinary campaigns, so each keeps every guarantee of a single
 * send (claim, request start, failure verdict, reconciler); the submitter sends lookalike parts one after the other,
 * so the reconciler can tell them apart.
 *
 * <p>Split by lists, each variant goes to its own lists and leaves out the lists of the variants before it, so no fan
 * gets two variants (a fan on the lists of A and B gets A). Split at random, masscast reads the fans of the lists
 * (less the excluded lists' fans) at compose time, shuffles them with a stored seed ({@link RandomSplit}) and sends
 * each variant to its share as fan ids, in messages of at most {@code MAX_USER_IDS} ids: OFAuth documents no limit,
 * so masscast keeps to a conservative one ({@link #MAX_USER_IDS}).
 */
public final class AbTestService {
    /** Fan ids per message: OFAuth documents no maximum for {@code userIds}, so masscast stays well below any likely one. */
    public static final int MAX_USER_IDS = 1_000;
    /** The most fans a random split reads from OFAuth (at 100 a page, 500 calls): larger audiences split by lists. */
    public static final int MAX_POOL = 50_000;

    private final CampaignLedger ledger;
    private final OfAuthGateway ofauth;
    private final MediaUploadService uploads;
    private final Permissions permissions;
    private final ApprovalPolicy approvalPolicy;
    private final CampaignService campaigns;
    private final SendPolicy sendPolicy = new SendPolicy();
    private final SecureRandom seeds = new SecureRandom();

    public AbTestService(
            Transactor transactor,
            OfAuthGateway ofauth,
            Permissions permissions,
            CampaignService campaigns,
            Clock clock) {
        this.ledger = new CampaignLedger(transactor, clock);
        this.ofauth = ofauth;
        this.uploads = new MediaUploadService(ofauth);
        this.permissions = permissions;
        this.approvalPolicy = new ApprovalPolicy(permissions);
        this.campaigns = campaigns;
    }

    /** A composed test: the test and its campaigns (variant A's first is the lead), with notes for the requester. */
    public record Composed(AbTestParts test, List<String> notes) {
        public Composed {
            notes = List.copyOf(notes);
        }
    }

    /** One variant as it will be sent: its messages' audiences. */
    private record Planned(String label, CampaignDraft draft, List<Audience> messages) {}

    /** Composes a test without files attached from chat; see {@link #compose(ChannelRef, Actor, AbTestDraft, boolean, List)}. */
    public Composed compose(ChannelRef channel, Actor requester, AbTestDraft draft, boolean twinConfirmed) {
        return compose(channel, requester, draft, twinConfirmed, List.of());
    }

    /**
     * Composes a test, waiting for approval. The variants are checked like single campaigns (their errors name the
     * variant's keys, such as {@code price_b}) and must differ in what fans get; a random split reads the lists'
     * fans from OFAuth first, outside any transaction. {@code files} attached in chat join variant A's media, and
     * that of every variant that takes A's; they are uploaded once the test is checked (see {@link #upload}).
     */
    public Composed compose(
            ChannelRef channel, Actor requester, AbTestDraft draft, boolean twinConfirmed, List<ChatFile> files) {
        Binding binding = ledger.inTransaction(stores -> CampaignChecks.binding(stores, channel));
        AbTestDraft checked = withStandIns(draft, files.size());
        Instant checkedAt = ledger.now();
        ledger.inTransaction(stores -> {
            check(stores, checked, binding, checkedAt);
            return null;
        });
        Optional<Long> seed = draft.split() == AbSplit.RANDOM ? Optional.of(seeds.nextLong()) : Optional.empty();
        Optional<Set<String>> pool = seed.map(s -> FanPool.read(
                ofauth, binding.connectionId(), draft.variants().get(0).audience(), MAX_POOL));
        List<Planned> plan = plan(checked, pool, seed);
        List<List<Attachment>> uploaded = upload(plan, binding.connectionId(), files, checkedAt);
        return ledger.inTransaction(stores -> {
            Instant now = ledger.now();
            SendPolicy.DraftVerdict verdict = check(stores, checked, binding, now);
            Instant sendsAt = verdict.scheduledAt().orElse(now);
            for (Planned variant : plan) {
                CampaignChecks.refuseUnconfirmedTwin(
                        stores, binding, variant.draft().content(), sendsAt, Set.of(), twinConfirmed);
            }
            AbTest test = stores.tests()
                    .insert(new AbTest(0, draft.split(), seed, pool.map(p -> (long) p.size()), MAX_USER_IDS, now, 0));
            List<AbTestParts.Member> members = new ArrayList<>();
            Iterator<List<Attachment>> attachments = uploaded.iterator();
            for (Planned variant : plan) {
                for (int i = 0; i < variant.messages().size(); i++) {
                    List<Attachment> own = attachments.next();
                    Campaign part = CampaignLedger.insertPending(
                            stores,
                            channel,
                            requester,
                            binding,
                            AttachedMedia.uploaded(variant.draft().content(), own),
                            variant.messages().get(i),
                            verdict.scheduledAt(),
                            now,
                            "A/B test");
                    if (!own.isEmpty()) {
                        stores.attachments().add(part.id(), own, now);
                    }
                    AbPart link = new AbPart(test.id(), part.id(), variant.label(), i + 1);
                    stores.tests().addPart(link);
                    members.add(new AbTestParts.Member(link, part, Optional.empty()));
                }
            }
            AbTestParts composed = new AbTestParts(test, members);
            stores.outbox().enqueue(OutboxEntry.card(composed.lead(), now));
            return new Composed(composed, notes(composed, verdict.notes(), files.size(), uploaded));
        });
    }

    /** The files as stand-ins in the media of variant A and of each variant that takes A's media. */
    private static AbTestDraft withStandIns(AbTestDraft draft, int files) {
        if (files == 0) {
            return draft;
        }
        List<MediaItem> shared = draft.variants().get(0).content().media();
        return new AbTestDraft(
                draft.split(),
                draft.variants().stream()
                        .map(v -> v.content().media().equals(shared) ? AttachedMedia.withStandIns(v, files) : v)
                        .toList());
    }

    /**
     * The attachments of each planned message, in plan order (none for a message without the files). An upload
     * reference works for one message only: the first message carrying the files gets the uploads; the others send
     * the vault media ids OFAuth gave for them (stored as already used references), or, if OFAuth gave none for a
     * file, upload the files again for themselves. A failed upload leaves no test.
     */
    private List<List<Attachment>> upload(List<Planned> plan, String connectionId, List<ChatFile> files, Instant at) {
        List<List<Attachment>> all = new ArrayList<>();
        List<Attachment> first = List.of();
        for (Planned variant : plan) {
            for (int i = 0; i < variant.messages().size(); i++) {
                if (!AttachedMedia.hasStandIns(variant.draft().content())) {
                    all.add(List.of());
                } else if (first.isEmpty()) {
                    first = uploads.upload(connectionId, files);
                    all.add(first);
                } else if (first.stream().allMatch(a -> a.vaultMediaId().isPresent())) {
                    all.add(first.stream().map(a -> a.usedAt(at)).toList());
                } else {
                    all.add(uploads.upload(connectionId, files));
                }
            }
        }
        return all;
    }

    /** The test a campaign belongs to, with every campaign of it as it is now. */
    public Optional<AbTestParts> ofCampaign(long campaignId) {
        return ledger.inTransaction(
                stores -> stores.tests().partOf(campaignId).map(part -> load(stores, part.testId())));
    }

    /** What the test's pending campaigns repeat, each earlier campaign once (see {@link RepeatGuard}). */
    public List<RepeatFinding> repeats(long testId) {
        return ledger.inTransaction(stores -> {
            AbTestParts test = load(stores, testId);
            if (test.lead().state() != PENDING_APPROVAL) {
                return List.of();
            }
            return repeats(
                    stores, test, CampaignChecks.binding(stores, test.lead().channel()), ledger.now());
        });
    }

    /** The fingerprint of a whole test: an approval of the test is bound to every one of its campaigns' versions. */
    public static String fingerprint(AbTestParts test) {
        return Fingerprint.digest(test.members().stream()
                .map(m -> m.part().variant() + m.part().part() + ":"
                        + m.campaign().fingerprint())
                .collect(Collectors.joining(";")));
    }

    /**
     * Approves every variant at once, for the version the approver was shown; with enough approvals one conditional
     * update of the test decides it and all its campaigns go to the submitter. A test whose variants repeat a recent
     * campaign needs {@code repeatConfirmed}, as a single campaign does.
     */
    public CampaignService.Approved approve(
            long testId, Actor actor, String shownFingerprint, boolean repeatConfirmed) {
        return ledger.inTransaction(stores -> {
            AbTestParts test = load(stores, testId);
            Campaign lead = test.lead();
            requireAllPending(stores, test);
            Binding binding = CampaignChecks.binding(stores, lead.channel());
            approvalPolicy.refusal(lead, binding, actor).ifPresent(reason -> {
                throw new CampaignException.NotPermitted(reason);
            });
            CampaignChecks.refuseIfSessionExpired(stores, lead, binding);
            if (!fingerprint(test).equals(shownFingerprint)) {
                throw new CampaignException.Stale(
                        "A/B test " + lead.humanId() + " changed after the version you approved."
                                + " Look at the updated card and approve that one if it is right.");
            }
            Instant now = ledger.now();
            Set<FieldError> errors = new LinkedHashSet<>();
            test.campaigns()
                    .forEach(part -> errors.addAll(sendPolicy.checkBeforeApproval(
                            part, binding, now, CampaignChecks.sends(stores, part.connectionId()))));
            if (!errors.isEmpty()) {
                throw new CampaignException.PolicyViolation(List.copyOf(errors));
            }
            List<RepeatFinding> repeats = repeats(stores, test, binding, now);
            if (!repeatConfirmed && !repeats.isEmpty()) {
                throw new CampaignException.RepeatUnconfirmed(lead, repeats);
            }
            for (Campaign part : test.campaigns()) {
                if (!stores.approvals()
                        .add(new Approval(part.id(), actor.userId(), actor.displayName(), part.fingerprint(), now))) {
                    throw new CampaignException.AlreadyDecided(
                            "You already approved the A/B test " + lead.humanId() + "; it needs approval from "
                                    + (binding.policy().requiredApprovals() - 1) + " other approver(s).");
                }
            }
            List<Approval> approvals = stores.approvals().forCampaign(lead.id(), lead.fingerprint());
            boolean complete = approvalPolicy.isComplete(binding, approvals);
            decide(stores, test);
            String detail = "A/B test approval " + approvals.size() + " of "
                    + binding.policy().requiredApprovals()
                    + (repeats.isEmpty()
                            ? ""
                            : ", confirmed although it repeats "
                                    + repeats.get(0).other().humanId());
            Campaign saved = lead;
            for (Campaign part : test.campaigns()) {
                Campaign after = part.change()
                        .state(complete ? APPROVED : PENDING_APPROVAL)
                        .apply(now);
                Campaign recorded = ledger.record(
                        stores, part, after, CampaignAction.APPROVE, actor.userId(), detail, Optional.empty());
                saved = part.id() == lead.id() ? recorded : saved;
            }
            return new CampaignService.Approved(saved, approvals, binding);
        });
    }

    /** Rejects every variant at once, with one reason; one conditional update of the test decides it. */
    public List<Campaign> reject(long testId, Actor actor, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new CampaignException.PolicyViolation(List.of(new FieldError(
                    CampaignService.REASON, "Say why you reject it, so the requester knows what to fix.")));
        }
        TextRules.problem(why, TextRules.MAX_REASON_LENGTH, TextRules.Lines.MULTI)
                .ifPresent(problem -> {
                    throw new CampaignException.PolicyViolation(
                            List.of(new FieldError(CampaignService.REASON, "The reason " + problem)));
                });
        return ledger.inTransaction(stores -> {
            AbTestParts test = load(stores, testId);
            requireAllPending(stores, test);
            Binding binding = CampaignChecks.binding(stores, test.lead().channel());
            if (!permissions.isApprover(binding, actor)) {
                throw new CampaignException.NotPermitted("Only approvers can reject the A/B test "
                        + test.lead().humanId() + ". If it is yours, cancel it instead.");
            }
            decide(stores, test);
            List<Campaign> rejected = new ArrayList<>();
            for (AbTestParts.Member member : test.members()) {
                Campaign part = member.campaign();
                Campaign after = part.change()
                        .state(CampaignState.REJECTED)
                        .note(Optional.of(why))
                        .apply(ledger.now());
                rejected.add(ledger.record(
                        stores,
                        part,
                        after,
                        CampaignAction.REJECT,
                        actor.userId(),
                        why,
                        member.part().isLead()
                                ? Optional.of("A/B test rejected by " + Mention.of(actor.userId()) + ": " + why)
                                : Optional.empty()));
            }
            return rejected;
        });
    }

    /**
     * Cancels every campaign of the test that has not gone out (deleting the scheduled ones at OFAuth). Each is its
     * own cancel: if OFAuth refuses one, the others are still cancelled and the refusal says which one is left. The
     * thread gets one note for the test, with the first campaign cancelled.
     */
    public List<Campaign> cancel(long testId, Actor actor) {
        return eachPart(
                testId, CampaignAction.CANCEL, "cancelled", (id, withNote) -> campaigns.cancelOne(id, actor, withNote));
    }

    /** Unsends every sent campaign of the test; as with {@link #cancel}, each on its own, with one note. */
    public List<Campaign> unsend(long testId, Actor actor) {
        return eachPart(
                testId, CampaignAction.UNSEND, "unsent", (id, withNote) -> campaigns.unsendOne(id, actor, withNote));
    }

    /** A change of one campaign of a test; {@code withNote}: it notes the change of the whole test in the thread. */
    @FunctionalInterface
    private interface PartChange {
        Campaign apply(long campaignId, boolean withNote);
    }

    private List<Campaign> eachPart(long testId, CampaignAction action, String done, PartChange change) {
        AbTestParts test = ledger.inTransaction(stores -> load(stores, testId));
        List<Campaign> due = test.campaigns().stream()
                .filter(c -> action.allowsFrom(c.state()))
                .toList();
        if (due.isEmpty()) {
            throw new CampaignException.IllegalTransition("The A/B test "
                    + test.lead().humanId() + " is " + test.lead().state().label() + ", so it can't be " + done + ".");
        }
        List<Campaign> changed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Campaign part : due) {
            try {
                changed.add(change.apply(part.id(), changed.isEmpty()));
            } catch (CampaignException.OfAuthRefused failure) {
                refused.add(failure.getMessage());
            }
        }
        if (!refused.isEmpty()) {
            throw new CampaignException.OfAuthRefused((changed.isEmpty()
                            ? ""
                            : changed.stream().map(Campaign::humanId).collect(Collectors.joining(", ")) + " "
                                    + (changed.size() == 1 ? "is " : "are ") + done + "; ")
                    + String.join(" ", refused));
        }
        return changed;
    }

    /** The test with every campaign of it as it is now and each one's results, inside the caller's transaction. */
    public static AbTestParts load(Stores stores, long testId) {
        AbTest test = stores.tests()
                .find(testId)
                .orElseThrow(() -> new CampaignException.NotFound("There is no A/B test with id " + testId + "."));
        List<AbTestParts.Member> members = stores.tests().parts(testId).stream()
                .map(part -> new AbTestParts.Member(
                        part,
                        CampaignLedger.load(stores, part.campaignId()),
                        stores.stats().find(part.campaignId())))
                .toList();
        return new AbTestParts(test, members);
    }

    /** One conditional update of the test decides it: of two decisions on the same version, the second starts over. */
    private static void decide(Stores stores, AbTestParts test) {
        if (!stores.tests().advance(test.test().id(), test.test().version())) {
            throw new ConcurrentChange();
        }
    }

    /** Every campaign of the test waits for approval, or the test was decided (or partly changed) already. */
    private static void requireAllPending(Stores stores, AbTestParts test) {
        if (test.lead().state() != PENDING_APPROVAL) {
            throw CampaignChecks.alreadyDecided(stores, test.lead());
        }
        test.campaigns().stream()
                .filter(c -> c.state() != PENDING_APPROVAL)
                .findFirst()
                .ifPresent(c -> {
                    throw new CampaignException.IllegalTransition(
                            "The A/B test " + test.lead().humanId() + " can't be decided: " + c.humanId() + " is "
                                    + c.state().label() + ". Cancel the test and compose it again.");
                });
    }

    private static List<RepeatFinding> repeats(Stores stores, AbTestParts test, Binding binding, Instant now) {
        Set<Long> family = test.campaigns().stream().map(Campaign::id).collect(Collectors.toSet());
        Map<Long, RepeatFinding> byOther = new LinkedHashMap<>();
        for (Campaign part : test.campaigns()) {
            RepeatGuard.repeats(stores, part, binding, now, family)
                    .forEach(f -> byOther.putIfAbsent(f.other().id(), f));
        }
        return List.copyOf(byOther.values());
    }

    /** Checks every variant as a single campaign (errors on the variant's keys) and that the variants differ. */
    private SendPolicy.DraftVerdict check(Stores stores, AbTestDraft draft, Binding binding, Instant now) {
        Set<FieldError> errors = new LinkedHashSet<>();
        SendPolicy.DraftVerdict first = null;
        for (int i = 0; i < draft.variants().size(); i++) {
            SendPolicy.DraftVerdict verdict = sendPolicy.checkDraft(
                    draft.variants().get(i), binding, now, CampaignChecks.sends(stores, binding.connectionId()), 0);
            if (first == null) {
                first = verdict;
                errors.addAll(verdict.errors());
                continue;
            }
            List<FieldError> ofFirst = first.errors();
            String label = draft.label(i);
            // by lists, a variant without lists of its own is told so once, below
            boolean listsMissing = draft.split() == AbSplit.LISTS
                    && draft.variants().get(i).audience().lists().isEmpty();
            verdict.errors().stream()
                    .filter(error -> !ofFirst.contains(error))
                    .filter(error -> !(listsMissing && error.field().equals(Fields.LISTS)))
                    .map(error -> new FieldError(
                            Fields.VARIED.contains(error.field())
                                    ? Fields.ofVariant(error.field(), label)
                                    : error.field(),
                            "Variant " + label + ": " + error.message()))
                    .forEach(errors::add);
        }
        errors.addAll(differences(draft));
        if (draft.split() == AbSplit.LISTS) {
            errors.addAll(listsPerVariant(draft));
        } else if (draft.variants().get(0).audience().lists().isEmpty()
                && draft.variants().get(0).audience().userIds().isEmpty()) {
            errors.add(new FieldError(
                    Fields.LISTS,
                    "A random split shares out the fans of its lists (or of users=): name the lists to split, such"
                            + " as lists=fans for every fan."));
        }
        if (!errors.isEmpty()) {
            throw new CampaignException.PolicyViolation(List.copyOf(errors));
        }
        return first;
    }

    /** A variant fans could not tell from another is no test: each must differ in text, price or media. */
    private static List<FieldError> differences(AbTestDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 1; i < draft.variants().size(); i++) {
            for (int j = 0; j < i; j++) {
                if (sameMessage(
                        draft.variants().get(i).content(),
                        draft.variants().get(j).content())) {
                    String label = draft.label(i);
                    errors.add(new FieldError(
                            Fields.ofVariant(Fields.TEXT, label),
                            "Variant " + label + " is the same"
                                    + " message as " + draft.label(j) + ": give it its own text (text_" + lower(label)
                                    + "=), price"
                                    + " (price_" + lower(label) + "=) or media (media_" + lower(label) + "=)."));
                    break;
                }
            }
        }
        return errors;
    }

    private static boolean sameMessage(MessageContent one, MessageContent other) {
        return one.text().strip().equals(other.text().strip())
                && one.price().compareTo(other.price()) == 0
                && one.media().equals(other.media());
    }

    /** Split by lists, every variant names its own lists, and no list goes to two variants. */
    private static List<FieldError> listsPerVariant(AbTestDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> owner = new LinkedHashMap<>();
        for (int i = 0; i < draft.variants().size(); i++) {
            String label = draft.label(i);
            String key = i == 0 ? Fields.LISTS : Fields.ofVariant(Fields.LISTS, label);
            Audience audience = draft.variants().get(i).audience();
            if (audience.lists().isEmpty()) {
                errors.add(new FieldError(
                        key, "Split by lists, variant " + label + " needs its own lists: " + key + "=..."));
            }
            if (!audience.userIds().isEmpty()) {
                errors.add(
                        new FieldError(
                                Fields.USERS,
                                "Split by lists, each variant goes to its lists only: specific fans"
                                        + " can't be given to one of them. Put them on a list, or split at random (split=random)."));
            }
            String everyone = owner.get(RepeatGuard.ALL_FANS);
            if (everyone != null && !audience.lists().isEmpty()) {
                errors.add(new FieldError(
                        key,
                        "Variant " + everyone + " goes to " + RepeatGuard.ALL_FANS + ", every fan, and variant "
                                + label + " leaves out the earlier variants' lists: it would reach no one. Give "
                                + everyone + " its own lists instead of " + RepeatGuard.ALL_FANS
                                + ", or split at random (split=random)."));
            }
            for (String list : audience.lists()) {
                String first = owner.putIfAbsent(list, label);
                if (first != null) {
                    errors.add(new FieldError(
                            key,
                            "List " + list + " is named for variant " + first + " and " + label
                                    + ": each list goes to one variant."));
                }
            }
        }
        return errors;
    }

    /** Each variant's messages: one per variant by lists (leaving out the earlier variants' lists), shares at random. */
    private List<Planned> plan(AbTestDraft draft, Optional<Set<String>> pool, Optional<Long> seed) {
        List<Planned> plan = new ArrayList<>();
        if (pool.isPresent()) {
            Audience shared = draft.variants().get(0).audience();
            if (pool.get().size() < draft.variants().size()) {
                int fans = pool.get().size();
                throw new CampaignException.PolicyViolation(List.of(new FieldError(
                        shared.lists().isEmpty() ? Fields.USERS : Fields.LISTS,
                        "This audience holds " + fans + (fans == 1 ? " fan" : " fans")
                                + (shared.excludedLists().isEmpty() ? "" : " once the excluded lists are left out")
                                + ": too few to split between "
                                + draft.variants().size() + " variants.")));
            }
            List<List<String>> shares =
                    RandomSplit.shares(pool.get(), draft.variants().size(), seed.orElseThrow());
            for (int i = 0; i < shares.size(); i++) {
                List<Audience> messages = RandomSplit.messages(shares.get(i), MAX_USER_IDS).stream()
                        .map(ids -> new Audience(ids, List.of(), shared.excludedLists(), shared.subscribedAfter()))
                        .toList();
                plan.add(new Planned(draft.label(i), draft.variants().get(i), messages));
            }
            return plan;
        }
        List<String> earlier = new ArrayList<>();
        for (int i = 0; i < draft.variants().size(); i++) {
            Audience own = draft.variants().get(i).audience();
            List<String> excluded = new ArrayList<>(own.excludedLists());
            earlier.stream().filter(list -> !excluded.contains(list)).forEach(excluded::add);
            plan.add(new Planned(
                    draft.label(i),
                    draft.variants().get(i),
                    List.of(new Audience(own.userIds(), own.lists(), excluded, own.subscribedAfter()))));
            earlier.addAll(own.lists());
        }
        return plan;
    }

    private List<String> notes(AbTestParts test, List<String> policyNotes, int files, List<List<Attachment>> uploaded) {
        List<String> notes = new ArrayList<>(policyNotes);
        long carrying = uploaded.stream().filter(a -> !a.isEmpty()).count();
        long uploads = uploaded.stream()
                .filter(a -> !a.isEmpty() && a.get(0).referenceSpentAt().isEmpty())
                .count();
        if (carrying > 1) {
            String what = files == 1 ? "The attached file goes" : "The " + files + " attached files go";
            notes.add(what + " with " + carrying + " messages of the test; "
                    + (uploads == 1
                            ? "uploaded once, the others send OFAuth's vault id of it."
                            : "OFAuth gave no vault id for every file, so they were uploaded " + uploads
                                    + " times, once for each message (an upload works for one message only)."));
        }
        if (test.test().split() == AbSplit.LISTS) {
            // OFAuth counts a list's fans but masscast can't see which fans two lists share without reading them all
            notes.add("Split by lists, a fan on the lists of two variants gets the first one only: "
                    + (test.variants().size() == 2
                            ? "B leaves out the fans of A's lists."
                            : "B leaves out the fans of A's lists, C those of A's and B's.")
                    + " Lists that share many fans leave a later variant few of its own, or none if all its fans are"
                    + " on an earlier variant's lists too; split=random shares one audience out evenly.");
        }
        for (String variant : test.variants()) {
            List<AbTestParts.Member> messages = test.of(variant);
            if (messages.size() > 1) {
                notes.add("Variant " + variant + " goes out as " + messages.size() + " messages ("
                        + messages.stream().map(m -> m.campaign().humanId()).collect(Collectors.joining(", "))
                        + "): masscast puts at most " + String.format(Locale.US, "%,d", MAX_USER_IDS)
                        + " fan ids in one message.");
            }
        }
        return notes;
    }

    private static String lower(String label) {
        return label.toLowerCase(Locale.ROOT);
    }
}
