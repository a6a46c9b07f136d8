package io.masscast.core.campaign;

/** Someone else changed the campaign between our read and our conditional update: run the work again. */
final class ConcurrentChange extends RuntimeException {
    ConcurrentChange() {
        super("the campaign changed concurrently", null, false, false);
    }
}
