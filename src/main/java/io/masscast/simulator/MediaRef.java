package io.masscast.simulator;

/** One {@code mediaItems} entry as the request spelled it. */
sealed interface MediaRef {

    record VaultId(long id) implements MediaRef {}

    record UploadRef(String ref) implements MediaRef {}

    record ExternalUrl(String url) implements MediaRef {}
}
