package io.masscast.simulator;

/**
 * A fan list. System lists have string ids ({@code "fans"}), custom lists numeric ones.
 *
 * @param id a {@code String} or a {@code Long}, as OFAuth returns it
 */
record UserList(Object id, String type, String name, FanSet members) {

    /** The id as request bodies and paths may spell it: {@code 1187345} and {@code "1187345"} are the same list. */
    String key() {
        return String.valueOf(id);
    }

    boolean custom() {
        return id instanceof Long;
    }
}
