package io.masscast.core.policy;

import java.util.List;

/** The form keys of a campaign, shared by the command parser, the policy messages and every adapter's form. */
public final class Fields {
    public static final String TEXT = "text";
    public static final String LISTS = "lists";
    public static final String EXCLUDE = "exclude";
    public static final String USERS = "users";
    public static final String SUBSCRIBED_AFTER = "subscribed_after";
    public static final String MEDIA = "media";
    /** Files attached in chat, uploaded to OFAuth and added to the media. */
    public static final String FILES = "files";
    public static final String PREVIEW = "preview";
    public static final String PRICE = "price";
    public static final String LOCKED = "locked";
    public static final String MARKDOWN = "markdown";
    public static final String AT = "at";

    /** In the order a form asks for them. */
    public static final List<String> ALL =
            List.of(TEXT, LISTS, EXCLUDE, USERS, SUBSCRIBED_AFTER, MEDIA, FILES, PREVIEW, PRICE, LOCKED, MARKDOWN, AT);

    private Fields() {
    }
}
