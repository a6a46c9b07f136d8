/**
 * A local OFAuth API for tests, the demo and benchmarks: {@link io.masscast.simulator.OfAuthSimulator} is a real
 * HTTP server on 127.0.0.1 that answers the {@code /v2/} routes masscast uses, with the shapes of OFAuth's SDK
 * schema (see {@code shared/OFAUTH.md}).
 *
 * <p>Seeded world (fixed names and ids; sizes depend on seed and fan count): {@code conn_demo} (Mila Rose,
 * @milarose) and {@code conn_demo2} (Sofia Reyes, @sofiareyes) with every permission; {@code conn_readonly} (Nora
 * Blake, @norablake) with only {@code :read} permissions. Each has fans, system lists {@code fans}, {@code
 * following}, {@code recent}, {@code muted}, {@code expired}, custom lists "VIP whales" (1187345), "Do not PPV"
 * (1190022), "Big spenders" (1193810), "New this month" (1201457), "Tippers" (1204999), "Weekend regulars"
 * (1212083) — plus 1,000,000 for {@code conn_demo2} and 2,000,000 for {@code conn_readonly} — 120 vault media and
 * 30 past mass messages over the last 60 days.
 *
 * <p>Choices where OFAuth documents nothing (each also noted where it is made): {@code X-RateLimit-Reset} is
 * seconds until the bucket is full; {@code Retry-After} is sent on 429 unless configured off; an unknown list id,
 * a past {@code scheduledDate}, {@code previewMediaCount} above the media count, a body with neither
 * {@code userIds} nor {@code userLists}, PUT on a message that is no longer scheduled, DELETE of a canceled message
 * and DELETE after the unsend window are all 400 {@code BAD_REQUEST}; user ids that are not the creator's fans
 * are dropped from the audience; a vault id missing from the vault is accepted as a photo; {@code text} in
 * responses is rendered HTML while {@code rawText} is the text as sent; 5xx error types are
 * {@code UNKNOWN_ERROR}/{@code PROXY_ERROR}/{@code NETWORK_ERROR}; a scheduled message reaches its whole
 * audience at its date while an immediate one spreads over the delivery duration.
 */
package io.masscast.simulator;
