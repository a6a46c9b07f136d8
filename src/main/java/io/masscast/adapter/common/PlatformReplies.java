package io.masscast.adapter.common;

import io.masscast.core.command.Reply;

/** How one platform shows the core's replies as its messages ({@code M}). */
public interface PlatformReplies<M> {

    /** A reply as a message; a form is not a message, each adapter opens it its own way. */
    M render(Reply reply);

    /** A private message with {@code text} (the core's markup). */
    M privately(String text);
}
