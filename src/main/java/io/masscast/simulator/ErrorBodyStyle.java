package io.masscast.simulator;

/** Which fields an error body carries. */
public enum ErrorBodyStyle {
    /** {@code {error, type, requestId, actionRequired?}} as documented on docs.ofauth.com. */
    OFAUTH,
    /** The same plus {@code message} and {@code code}, which the OFAuth SDKs read. */
    OFAUTH_WITH_SDK_FIELDS
}
