package io.masscast.core.port;

import io.masscast.core.model.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Named leases so that, with several replicas, one process at a time does a piece of background work.
 * A lease is held until it expires; an expired lease may be taken over by anyone.
 */
public interface LeaseStore {

    /** Takes the lease if it is free, expired, or already ours (which renews it). */
    boolean acquire(String name, String owner, Instant now, Duration ttl);

    /** Extends our lease; false if it is no longer ours. */
    boolean renew(String name, String owner, Instant now, Duration ttl);

    /** Gives the lease up if it is ours. */
    void release(String name, String owner);

    Optional<Lease> find(String name);
}
