package io.masscast.adapter.discord;

import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageEditAction;
import net.dv8tion.jda.api.requests.restaction.interactions.AutoCompleteCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.MessageEditCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ModalCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * JDA interaction events as Mockito mocks (PLATFORMS.md 2.7), from a server and channel, by a member with roles.
 * Every answer masscast gives an interaction is recorded as Discord would receive it: the JSON of the message,
 * modal or choices ({@code toData()}), how it was sent, and whether only the clicker sees it.
 */
final class DiscordEvents {
    static final String GUILD = "1100000000000000001";
    static final String CHANNEL = "1200000000000000002";

    /** One answer to an interaction: how ({@code reply}, {@code modal}, {@code defer}, {@code followup}, ...) and what. */
    record Answer(String interaction, String how, DataObject json, boolean isPrivate) {
        String content() {
            return json.hasKey("content") ? json.getString("content") : "";
        }

        /** Every button's custom id, in order. */
        List<String> buttons() {
            List<String> ids = new ArrayList<>();
            if (json.hasKey("components")) {
                collect(json.getArray("components"), ids);
            }
            return ids;
        }

        /** Every button's custom id by its label, in order. */
        Map<String, String> buttonsByLabel() {
            Map<String, String> buttons = new LinkedHashMap<>();
            if (json.hasKey("components")) {
                collect(json.getArray("components"), b -> buttons.put(b.getString("label"), b.getString("custom_id")));
            }
            return buttons;
        }

        /** The custom id of the button labelled {@code label}. */
        String button(String label) {
            String id = buttonsByLabel().get(label);
            if (id == null) {
                throw new AssertionError(
                        "no button \"" + label + "\" among " + buttonsByLabel().keySet());
            }
            return id;
        }

        private static void collect(DataArray components, List<String> ids) {
            collect(components, button -> ids.add(button.getString("custom_id")));
        }

        private static void collect(DataArray components, Consumer<DataObject> buttons) {
            for (int i = 0; i < components.length(); i++) {
                DataObject component = components.getObject(i);
                if (component.getInt("type") == Component.Type.BUTTON.getKey() && component.hasKey("custom_id")) {
                    buttons.accept(component);
                }
                if (component.hasKey("components")) {
                    collect(component.getArray("components"), buttons);
                }
            }
        }
    }

    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private int next = 1;
    private volatile String last = "";

    /** The id of the event made last. */
    String last() {
        return last;
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    List<Answer> answersTo(String interaction) {
        return answers.stream().filter(a -> a.interaction().equals(interaction)).toList();
    }

    /** Waits (up to 5 s) for an answer to {@code interaction} that matches, for answers that follow a deferral. */
    Answer awaitAnswer(String interaction, Predicate<Answer> matching) {
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> answersTo(interaction).stream().anyMatch(matching));
        return answersTo(interaction).stream().filter(matching).findFirst().orElseThrow();
    }

    Answer awaitAnswer(String interaction) {
        return awaitAnswer(interaction, answer -> !answer.how().equals("defer"));
    }

    // ---- events handed to the adapter's listener as JDA hands them; each returns the interaction's id for its answers

    String sendSlash(DiscordListener listener, Member member, String sub, Map<String, Object> options) {
        SlashCommandInteractionEvent event = slash(member, sub, options);
        String id = last;
        listener.onSlashCommandInteraction(event);
        return id;
    }

    String sendClick(DiscordListener listener, Member member, String componentId) {
        ButtonInteractionEvent event = button(member, componentId);
        String id = last;
        listener.onButtonInteraction(event);
        return id;
    }

    String sendSubmit(DiscordListener listener, Member member, String modalId, Map<String, Object> values) {
        ModalInteractionEvent event = modal(member, modalId, values);
        String id = last;
        listener.onModalInteraction(event);
        return id;
    }

    // ---- events

    /** {@code /masscast sub} with options: String, Long (INTEGER), Double (NUMBER), Boolean or Message.Attachment values. */
    SlashCommandInteractionEvent slash(Member member, String sub, Map<String, Object> options) {
        SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class);
        String id = interaction(event, member, "slash");
        when(event.getName()).thenReturn(DiscordCommands.NAME);
        when(event.getSubcommandName()).thenReturn(sub);
        List<OptionMapping> mapped = options.entrySet().stream()
                .map(e -> option(e.getKey(), e.getValue()))
                .toList();
        when(event.getOptions()).thenReturn(mapped);
        replies(event, id);
        modals(id, modal -> when(event.replyModal(any(Modal.class))).thenAnswer(modal));
        return event;
    }

    @SuppressWarnings("DirectInvocationOnMock") // a deferred edit answers through the event's own (mocked) hook
    ButtonInteractionEvent button(Member member, String componentId) {
        ButtonInteractionEvent event = mock(ButtonInteractionEvent.class);
        String id = interaction(event, member, "button");
        when(event.getComponentId()).thenReturn(componentId);
        replies(event, id);
        modals(id, modal -> when(event.replyModal(any(Modal.class))).thenAnswer(modal));
        when(event.editMessage(any(MessageEditData.class))).thenAnswer(call -> {
            MessageEditData data = call.getArgument(0);
            MessageEditCallbackAction action = mock(MessageEditCallbackAction.class, RETURNS_SELF);
            AtomicBoolean cleared = new AtomicBoolean();
            when(action.setComponents(anyCollection())).thenAnswer(set -> {
                cleared.set(((Collection<?>) set.getArgument(0)).isEmpty());
                return action;
            });
            doAnswer(queue -> answers.add(
                            new Answer(id, cleared.get() ? "edit, buttons removed" : "edit", data.toData(), true)))
                    .when(action)
                    .queue(any(), any());
            return action;
        });
        MessageEditCallbackAction defer = mock(MessageEditCallbackAction.class, RETURNS_SELF);
        doAnswer(queue -> {
                    answers.add(new Answer(id, "defer", DataObject.empty(), true));
                    queue.<Consumer<InteractionHook>>getArgument(0).accept(event.getHook());
                    return null;
                })
                .when(defer)
                .queue(any(), any());
        when(event.deferEdit()).thenReturn(defer);
        return event;
    }

    /** A submitted modal; values are String (text inputs) or List of String (string selects). */
    ModalInteractionEvent modal(Member member, String modalId, Map<String, Object> values) {
        ModalInteractionEvent event = mock(ModalInteractionEvent.class);
        String id = interaction(event, member, "modal");
        when(event.getModalId()).thenReturn(modalId);
        List<ModalMapping> mapped = new ArrayList<>();
        values.forEach((key, value) -> {
            ModalMapping field = mock(ModalMapping.class);
            when(field.getCustomId()).thenReturn(key);
            if (value instanceof List<?> items) {
                when(field.getType()).thenReturn(Component.Type.STRING_SELECT);
                when(field.getAsStringList())
                        .thenReturn(items.stream().map(Object::toString).toList());
            } else {
                when(field.getType()).thenReturn(Component.Type.TEXT_INPUT);
                when(field.getAsString()).thenReturn(value.toString());
            }
            when(event.getValue(key)).thenReturn(field);
            mapped.add(field);
        });
        when(event.getValues()).thenReturn(mapped);
        replies(event, id);
        return event;
    }

    CommandAutoCompleteInteractionEvent autocomplete(Member member, String sub, String option, String typed) {
        CommandAutoCompleteInteractionEvent event = mock(CommandAutoCompleteInteractionEvent.class);
        String id = interaction(event, member, "autocomplete");
        when(event.getName()).thenReturn(DiscordCommands.NAME);
        when(event.getSubcommandName()).thenReturn(sub);
        AutoCompleteQuery focused = mock(AutoCompleteQuery.class);
        when(focused.getName()).thenReturn(option);
        when(focused.getValue()).thenReturn(typed);
        when(event.getFocusedOption()).thenReturn(focused);
        when(event.replyChoices(anyCollection())).thenAnswer(call -> {
            Collection<Command.Choice> choices = call.getArgument(0);
            AutoCompleteCallbackAction action = mock(AutoCompleteCallbackAction.class, RETURNS_SELF);
            DataArray json = DataArray.empty();
            choices.forEach(choice ->
                    json.add(DataObject.empty().put("name", choice.getName()).put("value", choice.getAsString())));
            doAnswer(queue -> answers.add(
                            new Answer(id, "choices", DataObject.empty().put("choices", json), true)))
                    .when(action)
                    .queue(any(), any());
            return action;
        });
        return event;
    }

    /** A server member with these roles. */
    static Member member(String userId, String name, String... roleIds) {
        User user = mock(User.class);
        when(user.getId()).thenReturn(userId);
        when(user.getName()).thenReturn(name);
        Member member = mock(Member.class);
        when(member.getUser()).thenReturn(user);
        when(member.getEffectiveName()).thenReturn(name);
        List<Role> roles = Set.of(roleIds).stream()
                .map(roleId -> {
                    Role role = mock(Role.class);
                    when(role.getId()).thenReturn(roleId);
                    return role;
                })
                .toList();
        when(member.getRoles()).thenReturn(roles);
        return member;
    }

    // ---- plumbing

    private String interaction(Interaction event, Member member, String kind) {
        String id = kind + "-" + next++;
        last = id;
        User user = member.getUser();
        when(event.getUser()).thenReturn(user);
        when(event.getMember()).thenReturn(member);
        Guild guild = mock(Guild.class);
        when(guild.getId()).thenReturn(GUILD);
        when(event.getGuild()).thenReturn(guild);
        when(event.getChannelId()).thenReturn(CHANNEL);
        return id;
    }

    /** reply, deferReply and the hook's follow-ups and edits are recorded. */
    private void replies(IReplyCallback event, String id) {
        when(event.reply(any(MessageCreateData.class))).thenAnswer(call -> {
            MessageCreateData data = call.getArgument(0);
            ReplyCallbackAction action = mock(ReplyCallbackAction.class, RETURNS_SELF);
            AtomicBoolean ephemeral = new AtomicBoolean();
            when(action.setEphemeral(anyBoolean())).thenAnswer(set -> {
                ephemeral.set(set.getArgument(0));
                return action;
            });
            doAnswer(queue -> answers.add(new Answer(id, "reply", data.toData(), ephemeral.get())))
                    .when(action)
                    .queue(any(), any());
            return action;
        });
        InteractionHook hook = mock(InteractionHook.class);
        when(hook.sendMessage(any(MessageCreateData.class))).thenAnswer(call -> {
            MessageCreateData data = call.getArgument(0);
            WebhookMessageCreateAction<?> action = mock(WebhookMessageCreateAction.class, RETURNS_SELF);
            AtomicBoolean ephemeral = new AtomicBoolean();
            when(action.setEphemeral(anyBoolean())).thenAnswer(set -> {
                ephemeral.set(set.getArgument(0));
                return action;
            });
            doAnswer(queue -> answers.add(new Answer(id, "followup", data.toData(), ephemeral.get())))
                    .when(action)
                    .queue(any(), any());
            return action;
        });
        when(hook.editOriginal(any(MessageEditData.class))).thenAnswer(call -> {
            MessageEditData data = call.getArgument(0);
            WebhookMessageEditAction<?> action = mock(WebhookMessageEditAction.class, RETURNS_SELF);
            doAnswer(queue -> answers.add(new Answer(id, "edit original", data.toData(), true)))
                    .when(action)
                    .queue(any(), any());
            return action;
        });
        when(event.getHook()).thenReturn(hook);
        ReplyCallbackAction defer = mock(ReplyCallbackAction.class, RETURNS_SELF);
        doAnswer(queue -> {
                    answers.add(new Answer(id, "defer", DataObject.empty(), true));
                    queue.<Consumer<InteractionHook>>getArgument(0).accept(hook);
                    return null;
                })
                .when(defer)
                .queue(any(), any());
        when(event.deferReply(anyBoolean())).thenAnswer(call -> {
            if (!call.<Boolean>getArgument(0)) {
                throw new AssertionError("masscast defers privately: the reply is decided ephemeral at defer time");
            }
            return defer;
        });
    }

    private void modals(String id, Consumer<org.mockito.stubbing.Answer<ModalCallbackAction>> stub) {
        stub.accept(call -> {
            Modal modal = call.getArgument(0);
            ModalCallbackAction action = mock(ModalCallbackAction.class, RETURNS_SELF);
            doAnswer(queue -> answers.add(new Answer(id, "modal", modal.toData(), true)))
                    .when(action)
                    .queue(any(), any());
            return action;
        });
    }

    private static OptionMapping option(String name, Object value) {
        OptionMapping option = mock(OptionMapping.class);
        when(option.getName()).thenReturn(name);
        if (value instanceof Long whole) {
            when(option.getType()).thenReturn(OptionType.INTEGER);
            when(option.getAsLong()).thenReturn(whole);
        } else if (value instanceof Double number) {
            when(option.getType()).thenReturn(OptionType.NUMBER);
            when(option.getAsDouble()).thenReturn(number);
        } else if (value instanceof Boolean flag) {
            when(option.getType()).thenReturn(OptionType.BOOLEAN);
            when(option.getAsBoolean()).thenReturn(flag);
        } else if (value instanceof Message.Attachment file) {
            when(option.getType()).thenReturn(OptionType.ATTACHMENT);
            when(option.getAsAttachment()).thenReturn(file);
        } else {
            when(option.getType()).thenReturn(OptionType.STRING);
            when(option.getAsString()).thenReturn(value.toString());
        }
        return option;
    }
}
