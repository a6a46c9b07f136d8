package io.masscast.core.model;

/** How many fans a creator has, by subscription status. */
public record SubscriptionCounts(long active, long expired, long all) {}
